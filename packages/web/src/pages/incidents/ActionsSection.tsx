import { useState } from 'react';
import { api } from '../../api/client';
import { type CorrectiveAction, type Incident, incidentApiPath } from '../../api/incidents';
import { useMe } from '../../auth/AuthContext';
import { Badge } from '../../components/Badge';
import { ErrorAlert } from '../../components/Feedback';
import { TextAreaField, TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import type { FieldErrors } from '../../hooks/useSubmit';
import { useSubmit } from '../../hooks/useSubmit';
import { useI18n } from '../../i18n';
import { ResponsibleField } from '../requirements/ResponsibleField';
import { formatDay } from '../systems/classificationView';
import { actionStatusLabel, actionStatusOptions } from './vocab';

const TONE: Record<string, 'neutral' | 'info' | 'success'> = { open: 'neutral', 'in-progress': 'info', done: 'success' };

interface Props {
  incident: Incident;
  manage: boolean;
  onChanged: (incident: Incident) => void;
}

/** Corrective actions planned from the incident; handlers add them, handlers and owners move them on. */
export function ActionsSection({ incident: i, manage, onChanged }: Props) {
  const { t, locale } = useI18n();
  const me = useMe();
  const [adding, setAdding] = useState(false);
  const [statusError, setStatusError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const setStatus = async (a: CorrectiveAction, status: string) => {
    setBusyId(a.id);
    setStatusError(null);
    try {
      const r = await api.patch<{ id: string; status: string }>(`/corrective-actions/${encodeURIComponent(a.id)}`, { status });
      onChanged({ ...i, actions: i.actions.map((x) => (x.id === r.id ? { ...x, status: r.status } : x)) });
    } catch (e) {
      setStatusError(e);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section className="card card--flat" aria-labelledby="incident-actions-title">
      <div className="card__header">
        <h2 id="incident-actions-title" className="card__title">
          {t('incidents.actions.title')}
        </h2>
        {manage && !adding && (
          <button type="button" className="button button--secondary button--small" onClick={() => setAdding(true)}>
            {t('incidents.actions.add')}
          </button>
        )}
      </div>
      {adding && (
        <ActionForm
          incident={i}
          onCancel={() => setAdding(false)}
          onSaved={(next) => {
            setAdding(false);
            onChanged(next);
          }}
        />
      )}
      <ErrorAlert error={statusError} />
      {i.actions.length === 0 ? (
        <p className="muted">{t('incidents.actions.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('incidents.actions.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('incidents.actions.action')}</th>
                <th scope="col">{t('incidents.actions.owner')}</th>
                <th scope="col">{t('incidents.actions.due')}</th>
                <th scope="col">{t('incidents.actions.status')}</th>
              </tr>
            </thead>
            <tbody>
              {i.actions.map((a) => {
                const mayChange = manage || a.ownerId === me.id;
                return (
                  <tr key={a.id}>
                    <th scope="row" className="cell-wrap">
                      {a.title}
                      {a.description && <span className="block muted small">{a.description}</span>}
                    </th>
                    <td className="cell-wrap">{a.ownerName ?? <span className="muted">{t('incidents.actions.noOwner')}</span>}</td>
                    <td>{a.dueDate ? formatDay(locale, a.dueDate) : <span className="muted">{t('common.none')}</span>}</td>
                    <td>
                      {mayChange ? (
                        <select
                          className="input select select--compact"
                          value={a.status}
                          disabled={busyId === a.id}
                          aria-label={t('incidents.actions.statusOf', { title: a.title })}
                          onChange={(e) => void setStatus(a, e.target.value)}
                        >
                          {actionStatusOptions(t).map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <Badge tone={TONE[a.status] ?? 'neutral'}>{actionStatusLabel(t, a.status)}</Badge>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ActionForm({ incident, onSaved, onCancel }: { incident: Incident; onSaved: (i: Incident) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const form = useSubmit();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState('');

  const validate = (): FieldErrors => {
    const e: FieldErrors = {};
    if (!title.trim()) e.title = t('common.required');
    if (dueDate && !/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) e.dueDate = t('incidents.actions.dateInvalid');
    return e;
  };
  const submit = async () => {
    onSaved(
      await api.post<Incident>(`${incidentApiPath(incident.id)}/actions`, {
        title: title.trim(),
        description,
        ownerId: ownerId || null,
        dueDate: dueDate || null,
      }),
    );
  };

  return (
    <form className="form action-form" noValidate onSubmit={(e) => void form.handle(e, submit, validate)}>
      <FormError error={form.error} />
      <TextField
        label={t('incidents.actions.titleLabel')}
        value={title}
        onValueChange={setTitle}
        error={form.fieldErrors.title}
        maxLength={300}
        required
      />
      <TextAreaField
        label={t('incidents.actions.description')}
        value={description}
        onValueChange={setDescription}
        error={form.fieldErrors.description}
        rows={2}
      />
      <div className="form-row">
        <ResponsibleField label={t('incidents.actions.owner')} value={ownerId} onChange={setOwnerId} error={form.fieldErrors.ownerId} />
        <TextField
          label={t('incidents.actions.due')}
          type="date"
          value={dueDate}
          onValueChange={setDueDate}
          error={form.fieldErrors.dueDate}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {t('incidents.actions.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
