import { Fragment, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ComponentDetail, ComponentImplementation, ComponentRequirementResult, RequirementStatus } from '../../api/baselines';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert, Notice } from '../../components/Feedback';
import { TextAreaField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../hooks/useSubmit';
import { useI18n } from '../../i18n';
import { requirementsListPath } from '../requirements/paths';
import { StatusBadge } from '../requirements/StatusBadge';
import { statusOptions } from '../requirements/status';
import { ComponentEvidence } from './ComponentEvidence';

interface Props {
  component: ComponentDetail;
  manage: boolean;
  onChanged: () => void;
}

const reqPath = (componentId: string, controlId: string) =>
  `/components/${encodeURIComponent(componentId)}/requirements/${encodeURIComponent(controlId)}`;

function StatementEditor({
  component,
  impl,
  onSaved,
}: {
  component: ComponentDetail;
  impl: ComponentImplementation;
  onSaved: (msg: string) => void;
}) {
  const { t, tp, formatNumber } = useI18n();
  const form = useSubmit();
  const [statement, setStatement] = useState(impl.statement);
  const submit = async () => {
    const res = await api.put<ComponentRequirementResult>(reqPath(component.id, impl.controlId), {
      status: impl.status,
      statement,
      responsibleId: impl.responsibleId,
    });
    onSaved(tp('components.impl.saved', res.systemsAffected, { control: impl.controlId, count: formatNumber(res.systemsAffected) }));
  };
  return (
    <form className="form" noValidate onSubmit={(e) => void form.handle(e, submit)}>
      <FormError error={form.error} />
      <TextAreaField
        label={t('components.impl.statementFor', { control: impl.controlId })}
        value={statement}
        onValueChange={setStatement}
        rows={3}
        maxLength={50000}
        hint={t('components.impl.statementHint')}
      />
      <div>
        <button type="submit" className="button button--secondary button--small" disabled={form.busy || statement === impl.statement}>
          {t('components.impl.saveStatement')}
        </button>
      </div>
    </form>
  );
}

/** How the component implements each control: status edited in place, statement and evidence per row. */
export function ImplementationsTable({ component, manage, onChanged }: Props) {
  const { t, tp, formatNumber } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [removing, setRemoving] = useState<ComponentImplementation | null>(null);

  const setStatus = async (impl: ComponentImplementation, status: RequirementStatus) => {
    setBusy(impl.id);
    setError(null);
    setMessage('');
    try {
      const res = await api.put<ComponentRequirementResult>(reqPath(component.id, impl.controlId), {
        status,
        statement: impl.statement,
        responsibleId: impl.responsibleId,
      });
      setMessage(tp('components.impl.saved', res.systemsAffected, { control: impl.controlId, count: formatNumber(res.systemsAffected) }));
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy('');
    }
  };
  const remove = async () => {
    if (!removing) return;
    setBusy(removing.id);
    setError(null);
    try {
      await api.del(reqPath(component.id, removing.controlId));
      setMessage(t('components.impl.removed', { control: removing.controlId }));
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy('');
      setRemoving(null);
    }
  };
  const columns = manage ? 5 : 4;

  return (
    <div className="stack">
      <Notice>{message}</Notice>
      <ErrorAlert error={error} />
      <div className="table-wrap">
        <table className="table table--implementations">
          <caption className="visually-hidden">{t('components.impl.caption', { name: component.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('components.impl.control')}</th>
              <th scope="col">{t('requirements.status')}</th>
              <th scope="col">{t('requirements.statement')}</th>
              <th scope="col" className="cell-num">
                {t('requirements.table.evidence')}
              </th>
              {manage && (
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {component.requirements.map((impl) => {
              const expanded = open === impl.id;
              return (
                <Fragment key={impl.id}>
                  <tr className={expanded ? 'is-expanded' : undefined}>
                    <th scope="row">
                      <Link
                        to={requirementsListPath({ controlId: impl.controlId })}
                        title={t('components.impl.recordsOf', { control: impl.controlId })}
                      >
                        <code>{impl.controlId}</code>
                      </Link>
                    </th>
                    <td>
                      {manage ? (
                        <select
                          className="input select select--compact"
                          value={impl.status}
                          disabled={busy === impl.id}
                          aria-label={t('components.impl.statusOf', { control: impl.controlId })}
                          onChange={(e) => void setStatus(impl, e.target.value as RequirementStatus)}
                        >
                          {statusOptions(t).map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <StatusBadge status={impl.status} />
                      )}
                    </td>
                    <td className="cell-wrap cell-statement">{impl.statement || <span className="muted">{t('common.none')}</span>}</td>
                    <td className="cell-num">{formatNumber(impl.evidenceCount)}</td>
                    {manage && (
                      <td className="cell-actions">
                        <span className="row-actions">
                          <button
                            type="button"
                            className="button button--ghost button--small"
                            aria-expanded={expanded}
                            onClick={() => setOpen(expanded ? null : impl.id)}
                            aria-label={t('components.impl.detailsOf', { control: impl.controlId })}
                          >
                            {expanded ? t('components.impl.close') : t('components.impl.details')}
                          </button>
                          <button
                            type="button"
                            className="button button--ghost-danger button--small"
                            onClick={() => setRemoving(impl)}
                            aria-label={t('components.impl.removeLabel', { control: impl.controlId })}
                          >
                            {t('components.impl.remove')}
                          </button>
                        </span>
                      </td>
                    )}
                  </tr>
                  {expanded && (
                    <tr className="details-row">
                      <td colSpan={columns}>
                        <div className="impl-details">
                          <StatementEditor
                            component={component}
                            impl={impl}
                            onSaved={(m) => {
                              setMessage(m);
                              onChanged();
                            }}
                          />
                          <ComponentEvidence implId={impl.id} editable={manage} onChanged={onChanged} />
                        </div>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={removing !== null}
        title={t('components.impl.removeTitle')}
        confirmLabel={t('components.impl.remove')}
        busy={busy !== ''}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      >
        <p>{t('components.impl.removeText', { control: removing?.controlId ?? '', name: component.name })}</p>
      </ConfirmDialog>
    </div>
  );
}
