import { useState } from 'react';
import { api } from '../../api/client';
import { INCIDENT_STATUSES, type Incident, type IncidentStatus, incidentApiPath } from '../../api/incidents';
import { ErrorAlert } from '../../components/Feedback';
import { IconCheck } from '../../components/Icons';
import { useT } from '../../i18n';
import { statusLabel } from './vocab';

interface Props {
  incident: Incident;
  manage: boolean;
  onChanged: (incident: Incident) => void;
  /** Closing needs root cause and lessons learned: the page opens its dialog. */
  onClose: () => void;
}

/**
 * Where handling stands: new → triage → containment → eradication → recovery → closed. Handlers
 * move it on one step (or to any step with the select); closing opens the closing dialog.
 */
export function StatusStepper({ incident, manage, onChanged, onClose }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [jump, setJump] = useState('');
  const current = INCIDENT_STATUSES.indexOf(incident.status);
  const next = INCIDENT_STATUSES[current + 1];

  const move = async (status: IncidentStatus) => {
    if (status === 'closed') {
      onClose();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onChanged(await api.patch<Incident>(incidentApiPath(incident.id), { status }));
      setJump('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card card--flat incident-status" aria-labelledby="incident-status-title">
      <h2 id="incident-status-title" className="card__title">
        {t('incidents.status.title')}
      </h2>
      <ol className="stepper">
        {INCIDENT_STATUSES.map((s, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          return (
            <li key={s} className={`stepper__step stepper__step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="stepper__marker" aria-hidden="true">
                {state === 'done' ? <IconCheck /> : i + 1}
              </span>
              <span className="stepper__label">
                {statusLabel(t, s)}
                <span className="visually-hidden">
                  {' '}
                  (
                  {t(
                    state === 'done' ? 'incidents.status.done' : state === 'current' ? 'incidents.status.current' : 'incidents.status.todo',
                  )}
                  )
                </span>
              </span>
            </li>
          );
        })}
      </ol>
      {manage && (
        <div className="incident-status__actions">
          {next && (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void move(next)}>
              {next === 'closed' ? t('incidents.status.closeAction') : t('incidents.status.moveTo', { status: statusLabel(t, next) })}
            </button>
          )}
          <form
            className="inline-form incident-status__jump"
            onSubmit={(e) => {
              e.preventDefault();
              if (jump) void move(jump as IncidentStatus);
            }}
          >
            <label className="field__label" htmlFor="incident-status-jump">
              {t('incidents.status.setLabel')}
            </label>
            <select
              id="incident-status-jump"
              className="input select select--compact"
              value={jump}
              onChange={(e) => setJump(e.target.value)}
            >
              <option value="">{t('incidents.status.choose')}</option>
              {INCIDENT_STATUSES.filter((s) => s !== incident.status).map((s) => (
                <option key={s} value={s}>
                  {statusLabel(t, s)}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--secondary button--small" disabled={busy || !jump}>
              {t('incidents.status.set')}
            </button>
          </form>
        </div>
      )}
      <ErrorAlert error={error} />
    </section>
  );
}
