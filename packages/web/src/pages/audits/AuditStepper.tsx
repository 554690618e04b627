import { useState } from 'react';
import { AUDIT_STATUSES, type Audit, type AuditStatus, auditApiPath } from '../../api/audits';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/Feedback';
import { IconCheck } from '../../components/Icons';
import { useT } from '../../i18n';
import { auditStatusLabel } from './vocab';

interface Props {
  audit: Audit;
  /** audits:plan: may move the audit along. */
  manage: boolean;
  onChanged: (audit: Audit) => void;
}

/**
 * Planned → fieldwork → reporting → closed. Planners move it one step on (fieldwork needs an
 * auditor) or back one step; closing happens in the conclusion section, with the conclusion.
 */
export function AuditStepper({ audit, manage, onChanged }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const current = AUDIT_STATUSES.indexOf(audit.status);
  const next = AUDIT_STATUSES[current + 1];
  const previous = current > 0 ? AUDIT_STATUSES[current - 1] : undefined;

  const move = async (status: AuditStatus) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await api.patch<Audit>(auditApiPath(audit.id), { status }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card card--flat audits-card audit-status" aria-labelledby="audit-status-title">
      <h2 id="audit-status-title" className="card__title">
        {t('audits.status.title')}
      </h2>
      <ol className="stepper stepper--audit">
        {AUDIT_STATUSES.map((s, i) => {
          const state = i < current || audit.status === 'closed' ? 'done' : i === current ? 'current' : 'todo';
          return (
            <li key={s} className={`stepper__step stepper__step--${state}`} aria-current={i === current ? 'step' : undefined}>
              <span className="stepper__marker" aria-hidden="true">
                {state === 'done' ? <IconCheck /> : i + 1}
              </span>
              <span className="stepper__label">
                {auditStatusLabel(t, s)}
                <span className="visually-hidden">
                  {' '}
                  ({t(state === 'done' ? 'audits.status.done' : state === 'current' ? 'audits.status.current' : 'audits.status.todo')})
                </span>
              </span>
            </li>
          );
        })}
      </ol>
      {manage && (
        <div className="audit-status__actions">
          {next && next !== 'closed' && (
            <button
              type="button"
              className="button button--primary"
              disabled={busy || (next === 'fieldwork' && audit.auditors.length === 0)}
              onClick={() => void move(next)}
            >
              {t('audits.status.moveTo', { status: auditStatusLabel(t, next) })}
            </button>
          )}
          {next === 'closed' && (
            <a href="#audit-conclusion" className="button button--primary">
              {t('audits.status.toConclusion')}
            </a>
          )}
          {next === 'fieldwork' && audit.auditors.length === 0 && <p className="muted small">{t('audits.status.needAuditor')}</p>}
          {previous && audit.status !== 'closed' && (
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => void move(previous)}>
              {t('audits.status.backTo', { status: auditStatusLabel(t, previous) })}
            </button>
          )}
          {audit.status === 'closed' && (
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => void move('reporting')}>
              {t('audits.status.reopen')}
            </button>
          )}
        </div>
      )}
      <ErrorAlert error={error} />
    </section>
  );
}
