import { type FormEvent, useMemo, useState } from 'react';
import { type Audit, type AuditorInput, auditApiPath } from '../../api/audits';
import { api, request } from '../../api/client';
import type { Items, Role, User } from '../../api/types';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/Feedback';
import { TextAreaField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useApi } from '../../hooks/useApi';
import { type FieldErrors, useSubmit } from '../../hooks/useSubmit';
import { useI18n } from '../../i18n';
import { UserSelect } from './UserSelect';

/** Roles that may record audit results; the built-in ones when the roles cannot be read. */
function useAssessRoles(): Map<string, string> {
  const res = useApi((signal) => api.get<Items<Role>>('/roles', undefined, { signal }).catch(() => undefined), 'assess-roles');
  return useMemo(() => {
    const roles = res.data?.items;
    if (!roles) return new Map([['auditor', 'Auditor']]);
    return new Map(roles.filter((r) => r.permissions.includes('audits:assess')).map((r) => [r.key, r.name]));
  }, [res.data]);
}

interface Props {
  audit: Audit;
  manage: boolean;
  onChanged: (audit: Audit) => void;
}

/** The audit's auditors with their declarations of independence; planners assign and remove them. */
export function AuditorsSection({ audit, manage, onChanged }: Props) {
  const { t, formatDateTime } = useI18n();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<{ userId: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const open = audit.status !== 'closed';

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    setError(null);
    try {
      onChanged(await request<Audit>('DELETE', `${auditApiPath(audit.id)}/auditors/${encodeURIComponent(removing.userId)}`));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  };

  return (
    <section className="card card--flat audits-card" aria-labelledby="audit-auditors-title">
      <div className="card__header">
        <h2 id="audit-auditors-title" className="card__title">
          {t('audits.auditors.title')}
        </h2>
        {manage && open && !adding && (
          <button type="button" className="button button--secondary button--small" onClick={() => setAdding(true)}>
            {t('audits.auditors.assign')}
          </button>
        )}
      </div>
      <ErrorAlert error={error} />
      {audit.auditors.length === 0 ? (
        <p className="muted">{t('audits.auditors.none')}</p>
      ) : (
        <ul className="auditor-list">
          {audit.auditors.map((a) => (
            <li key={a.userId} className="auditor-list__item">
              <div className="auditor-list__head">
                <span className="auditor-list__name">{a.name}</span>
                {a.lead && <Badge tone="info">{t('audits.auditors.lead')}</Badge>}
                <span className="muted small">{a.email}</span>
                {manage && open && (
                  <button
                    type="button"
                    className="button button--ghost-danger button--small auditor-list__remove"
                    onClick={() => setRemoving({ userId: a.userId, name: a.name })}
                    aria-label={t('audits.auditors.removeNamed', { name: a.name })}
                  >
                    {t('audits.auditors.remove')}
                  </button>
                )}
              </div>
              <blockquote className="auditor-list__declaration">
                <p className="pre-line">{a.independence}</p>
                <footer className="muted small">{t('audits.auditors.declaredAt', { at: formatDateTime(a.declaredAt) })}</footer>
              </blockquote>
            </li>
          ))}
        </ul>
      )}
      {adding && (
        <AssignAuditorForm
          audit={audit}
          onCancel={() => setAdding(false)}
          onSaved={(next) => {
            setAdding(false);
            onChanged(next);
          }}
        />
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('audits.auditors.removeTitle')}
        confirmLabel={t('audits.auditors.remove')}
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      >
        {t('audits.auditors.removeText', { name: removing?.name ?? '' })}
      </ConfirmDialog>
    </section>
  );
}

function AssignAuditorForm({ audit, onCancel, onSaved }: { audit: Audit; onCancel: () => void; onSaved: (audit: Audit) => void }) {
  const { t } = useI18n();
  const roles = useAssessRoles();
  const assigned = new Set(audit.auditors.map((a) => a.userId));
  const [userId, setUserId] = useState('');
  const [lead, setLead] = useState(audit.auditors.length === 0);
  const [independence, setIndependence] = useState(() => t('audits.auditors.declarationText', { ref: audit.ref }));
  const [confirmed, setConfirmed] = useState(false);
  const submit = useSubmit();
  const fe = submit.fieldErrors;

  const validate = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!userId) errors.userId = t('audits.auditors.chooseAuditor');
    if (!independence.trim()) errors.independence = t('common.required');
    if (!confirmed) errors.noConsultingConfirmed = t('audits.auditors.mustConfirm');
    return errors;
  };

  const onSubmit = (e: FormEvent) =>
    submit.handle(
      e,
      async () => {
        const body: AuditorInput = { userId, lead, independence: independence.trim(), noConsultingConfirmed: confirmed };
        onSaved(await api.post<Audit>(`${auditApiPath(audit.id)}/auditors`, body));
      },
      validate,
    );

  return (
    <form className="form assign-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="assign-auditor-title">
      <h3 id="assign-auditor-title" className="subsection-title">
        {t('audits.auditors.assignTitle')}
      </h3>
      <FormError error={submit.error} />
      <UserSelect
        label={t('audits.auditors.auditor')}
        value={userId}
        onChange={setUserId}
        accept={(u: User) => roles.has(u.role) && !assigned.has(u.id)}
        describe={(u: User) => roles.get(u.role) ?? u.role}
        error={fe.userId}
        hint={t('audits.auditors.auditorHint')}
      />
      <label className="inline-check">
        <input type="checkbox" checked={lead} onChange={(e) => setLead(e.target.checked)} />
        {t('audits.auditors.leadLabel')}
      </label>
      <TextAreaField
        label={t('audits.auditors.declaration')}
        hint={t('audits.auditors.declarationHint')}
        value={independence}
        onValueChange={setIndependence}
        rows={6}
        error={fe.independence}
        required
      />
      <div className={`field${fe.noConsultingConfirmed ? ' field--invalid' : ''}`}>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={confirmed}
            onChange={(e) => setConfirmed(e.target.checked)}
            aria-invalid={fe.noConsultingConfirmed ? true : undefined}
            aria-describedby={fe.noConsultingConfirmed ? 'no-consulting-error' : undefined}
            required
          />
          <span>
            {t('audits.auditors.confirm')}
            <span className="checkbox__desc">{t('audits.auditors.confirmHint')}</span>
          </span>
        </label>
        {fe.noConsultingConfirmed && (
          <p className="field__error" id="no-consulting-error">
            {fe.noConsultingConfirmed}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={submit.busy}>
          {submit.busy ? t('common.saving') : t('audits.auditors.assignSubmit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
