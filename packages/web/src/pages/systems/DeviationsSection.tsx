import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ClassificationMethod } from '../../api/classification';
import { api, request } from '../../api/client';
import { DEVIATION_KINDS, type Deviation, type DeviationKind, type DeviationResult } from '../../api/deviations';
import type { InfoSystem } from '../../api/register';
import { useAuth } from '../../auth/AuthContext';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert, LoadError } from '../../components/Feedback';
import { SelectField, TextAreaField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { useApi } from '../../hooks/useApi';
import { type FieldErrors, useSubmit } from '../../hooks/useSubmit';
import { useI18n } from '../../i18n';
import { dimensionName } from './classificationView';
import { systemPath } from './vocab';

interface Outcome {
  message: string;
  systems: { id: string; name: string | null }[];
  lists: number;
}

/** Names of the systems whose level changed (only the first few are looked up; the rest are counted). */
async function outcomeOf(result: DeviationResult, self: InfoSystem): Promise<Omit<Outcome, 'message'>> {
  const ids = result.systemsAffected.slice(0, 10);
  const systems = await Promise.all(
    ids.map(async (id) => {
      if (id === self.id) return { id, name: self.name };
      try {
        return { id, name: (await api.get<InfoSystem>(`/systems/${encodeURIComponent(id)}`)).name };
      } catch {
        return { id, name: null };
      }
    }),
  );
  return { systems, lists: result.baseline.filter((b) => b.added > 0 || b.removed > 0).length };
}

interface Props {
  system: InfoSystem;
  method: ClassificationMethod;
  /** Called after a change, to show the recomputed levels. */
  onChanged: () => void;
}

/**
 * Justified deviations from the maximum principle (BSI 200-2) on the system page: cumulation raises
 * a dimension one step, distribution lowers it one step (never below the system's own need). Listed
 * for everyone who sees the system; recorded and removed by those with systems:manage-all.
 */
export function DeviationsSection({ system, method, onChanged }: Props) {
  const { t, tp, formatDateTime } = useI18n();
  const { can } = useAuth();
  const id = useId();
  const enc = encodeURIComponent(system.id);
  const list = useApi(
    (signal) => api.get<{ items: Deviation[] }>(`/systems/${enc}/deviations`, undefined, { signal }),
    `${system.id}|${method.key}`,
  );
  const mayManage = can('systems:manage-all');
  const form = useSubmit();
  const [dimension, setDimension] = useState(method.dimensions[0]?.key ?? '');
  const [kind, setKind] = useState<DeviationKind>('distribution');
  const [justification, setJustification] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [removing, setRemoving] = useState<Deviation | null>(null);
  const [removeBusy, setRemoveBusy] = useState(false);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const items = list.data?.items ?? [];
  const existing = items.find((d) => d.dimension === dimension);

  const finish = async (result: DeviationResult, message: string) => {
    const details = await outcomeOf(result, system);
    setOutcome({ message, ...details });
    list.reload();
    onChanged();
  };

  const save = () =>
    form.handle(
      null,
      async () => {
        setOutcome(null);
        const result = await api.put<DeviationResult>(`/systems/${enc}/deviations/${encodeURIComponent(dimension)}`, {
          kind,
          justification: justification.trim(),
        });
        setJustification('');
        await finish(result, t('deviations.saved', { kind: t(`deviations.kinds.${kind}`), dimension: dimensionName(method, dimension) }));
      },
      (): FieldErrors => (justification.trim() ? {} : { justification: t('deviations.justificationRequired') }),
    );

  const remove = async () => {
    if (!removing) return;
    setRemoveBusy(true);
    setRemoveError(null);
    setOutcome(null);
    try {
      const result = await request<DeviationResult>('DELETE', `/systems/${enc}/deviations/${encodeURIComponent(removing.dimension)}`);
      await finish(result, t('deviations.removed', { dimension: dimensionName(method, removing.dimension) }));
    } catch (e) {
      setRemoveError(e);
    } finally {
      setRemoveBusy(false);
      setRemoving(null);
    }
  };

  if (!mayManage && items.length === 0) return null;

  return (
    <section className="subsection deviations" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="subsection-title">
        {t('deviations.title')}
      </h3>
      <p className="muted small">{t('deviations.intro')}</p>
      {!mayManage && (
        <dl className="deviation-kinds">
          {DEVIATION_KINDS.map((k) => (
            <div key={k}>
              <dt>{t(`deviations.kinds.${k}`)}</dt>
              <dd>{t(`deviations.explain.${k}`)}</dd>
            </div>
          ))}
        </dl>
      )}
      {outcome && (
        <div className="alert alert--success" role="status">
          <p>{outcome.message}</p>
          {outcome.systems.length === 0 ? (
            <p>{t('deviations.noLevelChanged')}</p>
          ) : (
            <div>
              <p>{tp('deviations.levelsChanged', outcome.systems.length)}</p>
              <ul className="deviation-affected">
                {outcome.systems.map((s) => (
                  <li key={s.id}>
                    <Link to={systemPath(s.id)}>{s.name ?? t('deviations.unnamedSystem')}</Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {outcome.lists > 0 && <p>{tp('deviations.listsChanged', outcome.lists)}</p>}
        </div>
      )}
      <ErrorAlert error={removeError} />
      {list.loading && !list.data ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : items.length === 0 ? (
        <p className="muted">{t('deviations.none')}</p>
      ) : (
        <ul className="deviation-list">
          {items.map((d) => (
            <li key={d.dimension} className="deviation-list__item">
              <div className="deviation-list__head">
                <strong>{dimensionName(method, d.dimension)}</strong>
                <Badge tone={d.kind === 'cumulation' ? 'warning' : 'info'}>{t(`deviations.kinds.${d.kind}`)}</Badge>
                <span className="muted small">
                  {t('deviations.byOn', {
                    name: d.createdByName ?? t('classification.history.unknownUser'),
                    date: formatDateTime(d.createdAt),
                  })}
                </span>
                {mayManage && (
                  <button
                    type="button"
                    className="button button--ghost-danger button--small deviation-list__remove"
                    onClick={() => setRemoving(d)}
                    aria-label={t('deviations.removeNamed', { dimension: dimensionName(method, d.dimension) })}
                  >
                    {t('deviations.remove')}
                  </button>
                )}
              </div>
              <p className="deviation-list__text">{d.justification}</p>
            </li>
          ))}
        </ul>
      )}
      {mayManage && (
        <form
          className="form deviation-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          aria-labelledby={`${id}-form-title`}
        >
          <h4 id={`${id}-form-title`} className="deviation-form__title">
            {t('deviations.formTitle')}
          </h4>
          <FormError error={form.error} />
          <div className="form-row">
            <SelectField
              label={t('classification.dimension')}
              value={dimension}
              onValueChange={setDimension}
              options={method.dimensions.map((d) => ({ value: d.key, label: d.name }))}
              hint={existing ? t('deviations.replaces', { kind: t(`deviations.kinds.${existing.kind}`) }) : undefined}
              error={form.fieldErrors.dimension}
            />
            <fieldset className="fieldset">
              <legend className="field__label">{t('deviations.kind')}</legend>
              <div className="deviation-form__kinds">
                {DEVIATION_KINDS.map((k) => (
                  <label key={k} className="checkbox">
                    <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
                    <span>
                      {t(`deviations.kinds.${k}`)}
                      <span className="checkbox__desc">{t(`deviations.explain.${k}`)}</span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
          <TextAreaField
            label={t('deviations.justification')}
            hint={t('deviations.justificationHint')}
            value={justification}
            onValueChange={setJustification}
            error={form.fieldErrors.justification}
            maxLength={5000}
            rows={3}
            required
          />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={form.busy}>
              {form.busy ? t('common.saving') : t('deviations.save')}
            </button>
          </div>
        </form>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('deviations.removeTitle')}
        confirmLabel={t('deviations.remove')}
        busy={removeBusy}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      >
        <p>{t('deviations.removeText', { dimension: removing ? dimensionName(method, removing.dimension) : '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
