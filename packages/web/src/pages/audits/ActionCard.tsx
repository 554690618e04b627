import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { type Action, actionApiPath, CLOSED_ACTION_STATUSES } from '../../api/audits';
import { api } from '../../api/client';
import { useAuth, useMe } from '../../auth/AuthContext';
import { ErrorAlert, Notice } from '../../components/Feedback';
import { TextAreaField, TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { type FieldErrors, useSubmit } from '../../hooks/useSubmit';
import { useI18n } from '../../i18n';
import { formatDay } from '../systems/classificationView';
import { ActionStatusBadge, OverdueBadge, SeverityBadge } from './bits';
import { UserSelect } from './UserSelect';
import { actionStatusLabel, addDays, incidentPath, todayUtc } from './vocab';

interface Props {
  action: Action;
  onChanged: (action: Action) => void;
  /** Start opened (e.g. a single action). */
  initiallyOpen?: boolean;
}

/**
 * One corrective action: what, whose, when, from where — and, opened, its milestones, the owner's
 * status buttons, the planner's risk acceptance and rescheduling, and the auditor's verification.
 */
export function ActionCard({ action: a, onChanged, initiallyOpen = false }: Props) {
  const { t, locale, formatDateTime } = useI18n();
  const { can } = useAuth();
  const me = useMe();
  const [open, setOpen] = useState(initiallyOpen);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const detailsId = useId();
  const closed = CLOSED_ACTION_STATUSES.includes(a.status);
  const owner = a.ownerId === me.id;
  const planner = can('audits:plan') || can('incidents:manage');
  const mayMove = (owner || planner) && can('incidents:report') && !closed;
  const mayAccept = can('audits:plan') && !closed;
  const mayVerify = can('audits:assess') && a.status === 'done' && !owner;
  const milestonesDone = a.milestones.filter((m) => m.doneAt).length;
  const today = todayUtc();

  const run = async (fn: () => Promise<Action>, message: string) => {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      onChanged(await fn());
      setNotice(message);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const setStatus = (status: 'open' | 'in-progress' | 'done') =>
    run(
      () => api.patch<Action>(actionApiPath(a.id), { status }),
      t('audits.actions.statusChanged', { status: actionStatusLabel(t, status) }),
    );

  const tick = (milestoneId: string, done: boolean) =>
    run(
      () => api.patch<Action>(`${actionApiPath(a.id)}/milestones/${encodeURIComponent(milestoneId)}`, { done }),
      done ? t('audits.actions.milestoneDone') : t('audits.actions.milestoneOpen'),
    );

  const source =
    a.source.type === 'incident' ? (
      <Link to={incidentPath(a.source.id)}>{t('audits.actions.fromIncident', { ref: a.source.ref })}</Link>
    ) : (
      <span>{t('audits.actions.fromFinding', { ref: a.source.ref })}</span>
    );

  return (
    <article
      className={`action-card${a.overdue ? ' action-card--overdue' : ''}${closed ? ' action-card--closed' : ''}`}
      aria-labelledby={`${detailsId}-title`}
    >
      <div className="action-card__head">
        <div className="action-card__main">
          <h3 id={`${detailsId}-title`} className="action-card__title">
            {a.title}
          </h3>
          <p className="action-card__meta small">
            {source}
            {a.source.title && <span className="muted"> · {a.source.title}</span>}
          </p>
          <p className="badge-row">
            <ActionStatusBadge status={a.status} />
            {a.overdue && <OverdueBadge />}
            {a.source.severity && <SeverityBadge severity={a.source.severity} />}
          </p>
        </div>
        <dl className="action-card__facts">
          <div>
            <dt>{t('audits.actions.owner')}</dt>
            <dd>{a.ownerName ?? <span className="muted">{t('audits.actions.noOwner')}</span>}</dd>
          </div>
          <div>
            <dt>{t('audits.actions.due')}</dt>
            <dd className={a.overdue ? 'cell-due--overdue' : undefined}>
              {formatDay(locale, a.dueDate) ?? <span className="muted">{t('audits.actions.noDue')}</span>}
            </dd>
          </div>
          <div>
            <dt>{t('audits.actions.milestones')}</dt>
            <dd>
              {a.milestones.length === 0
                ? t('common.none')
                : t('audits.actions.milestonesDone', { done: milestonesDone, total: a.milestones.length })}
            </dd>
          </div>
        </dl>
        <button
          type="button"
          className="button button--secondary button--small action-card__toggle"
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={t(open ? 'audits.actions.hideNamed' : 'audits.actions.showNamed', { title: a.title })}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t('audits.actions.hide') : t('audits.actions.show')}
        </button>
      </div>
      {open && (
        <div className="action-card__details stack" id={detailsId}>
          <Notice>{notice}</Notice>
          <ErrorAlert error={error} />
          {a.description && <p className="pre-line">{a.description}</p>}

          {mayMove && (
            // biome-ignore lint/a11y/useSemanticElements: a row of buttons, named for assistive technology.
            <div className="action-card__buttons" role="group" aria-label={t('audits.actions.statusButtons')}>
              {a.status === 'open' && (
                <button type="button" className="button button--secondary" disabled={busy} onClick={() => void setStatus('in-progress')}>
                  {t('audits.actions.start')}
                </button>
              )}
              {a.status !== 'done' && (
                <button type="button" className="button button--primary" disabled={busy} onClick={() => void setStatus('done')}>
                  {t('audits.actions.markDone')}
                </button>
              )}
              {a.status === 'done' && (
                <button type="button" className="button button--secondary" disabled={busy} onClick={() => void setStatus('in-progress')}>
                  {t('audits.actions.reopen')}
                </button>
              )}
            </div>
          )}
          {a.status === 'done' && <p className="muted small">{t('audits.actions.awaitingVerification')}</p>}

          <section className="action-card__section" aria-labelledby={`${detailsId}-ms`}>
            <h4 id={`${detailsId}-ms`} className="action-card__subtitle">
              {t('audits.actions.milestones')}
            </h4>
            {a.milestones.length === 0 ? (
              <p className="muted small">{t('audits.actions.noMilestones')}</p>
            ) : (
              <ul className="milestone-list">
                {a.milestones.map((m) => {
                  const late = !m.doneAt && m.dueDate < today;
                  return (
                    <li key={m.id} className={`milestone-list__item${late ? ' milestone-list__item--late' : ''}`}>
                      {mayMove ? (
                        <label className="inline-check">
                          <input type="checkbox" checked={!!m.doneAt} disabled={busy} onChange={(e) => void tick(m.id, e.target.checked)} />
                          <span className={m.doneAt ? 'milestone-list__done' : undefined}>{m.title}</span>
                        </label>
                      ) : (
                        <span className={m.doneAt ? 'milestone-list__done' : undefined}>
                          {m.title} {m.doneAt && <span className="visually-hidden">({t('audits.actions.milestoneDoneLabel')})</span>}
                        </span>
                      )}
                      <span className={late ? 'cell-due--overdue small' : 'muted small'}>
                        {m.doneAt
                          ? t('audits.actions.doneOn', { date: formatDateTime(m.doneAt) })
                          : t('audits.actions.dueOn', { date: formatDay(locale, m.dueDate) ?? m.dueDate })}
                        {late && ` · ${t('audits.actions.overdueBadge')}`}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
            {mayMove && <MilestoneForm action={a} onSaved={(next) => onChanged(next)} />}
          </section>

          {a.riskAcceptance && (
            <section className="action-card__section" aria-labelledby={`${detailsId}-ra`}>
              <h4 id={`${detailsId}-ra`} className="action-card__subtitle">
                {t('audits.actions.riskAccepted')}
              </h4>
              <p>
                {t('audits.actions.riskAcceptedBy', {
                  name: a.riskAcceptance.approverName ?? '',
                  until: formatDay(locale, a.riskAcceptance.until) ?? '',
                })}
              </p>
              {a.riskAcceptance.reason && <p className="pre-line muted">{a.riskAcceptance.reason}</p>}
            </section>
          )}
          {a.verification && (
            <section className="action-card__section" aria-labelledby={`${detailsId}-vf`}>
              <h4 id={`${detailsId}-vf`} className="action-card__subtitle">
                {a.status === 'verified' ? t('audits.actions.verified') : t('audits.actions.sentBack')}
              </h4>
              {a.verification.byName && (
                <p>
                  {t('audits.actions.verifiedBy', {
                    name: a.verification.byName,
                    at: a.verification.at ? formatDateTime(a.verification.at) : '',
                  })}
                </p>
              )}
              {a.verification.note && <p className="pre-line muted">{a.verification.note}</p>}
            </section>
          )}

          {planner && !closed && can('audits:plan') && <RescheduleForm action={a} onSaved={onChanged} />}
          {mayVerify && <VerifyForm action={a} onSaved={onChanged} />}
          {mayAccept && <RiskAcceptanceForm action={a} onSaved={onChanged} />}
        </div>
      )}
    </article>
  );
}

function MilestoneForm({ action, onSaved }: { action: Action; onSaved: (a: Action) => void }) {
  const { t } = useI18n();
  const today = todayUtc();
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState(() => {
    const proposal = addDays(today, 30);
    return action.dueDate && proposal > action.dueDate ? action.dueDate : proposal;
  });
  const submit = useSubmit();
  const fe = submit.fieldErrors;

  const onSubmit = (e: FormEvent) =>
    submit.handle(
      e,
      async () => {
        onSaved(await api.post<Action>(`${actionApiPath(action.id)}/milestones`, { title: title.trim(), dueDate }));
        setTitle('');
      },
      (): FieldErrors => {
        const errors: FieldErrors = {};
        if (!title.trim()) errors.title = t('common.required');
        if (!dueDate) errors.dueDate = t('common.required');
        else if (action.dueDate && dueDate > action.dueDate) errors.dueDate = t('audits.actions.milestoneAfterDue');
        return errors;
      },
    );

  return (
    <form className="inline-form milestone-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <TextField label={t('audits.actions.milestoneTitle')} value={title} onValueChange={setTitle} error={fe.title} maxLength={300} />
      <TextField
        label={t('audits.actions.milestoneDue')}
        type="date"
        value={dueDate}
        max={action.dueDate ?? undefined}
        onValueChange={setDueDate}
        error={fe.dueDate}
        fieldClassName="field--date"
      />
      <div className="inline-form__actions">
        <button type="submit" className="button button--secondary" disabled={submit.busy}>
          {t('audits.actions.addMilestone')}
        </button>
      </div>
      {submit.error && typeof submit.error !== 'string' ? (
        <div className="milestone-form__error">
          <FormError error={submit.error} />
        </div>
      ) : null}
    </form>
  );
}

function RescheduleForm({ action, onSaved }: { action: Action; onSaved: (a: Action) => void }) {
  const { t } = useI18n();
  const [ownerId, setOwnerId] = useState(action.ownerId ?? '');
  const [dueDate, setDueDate] = useState(action.dueDate ?? '');
  const [done, setDone] = useState('');
  const submit = useSubmit();

  const onSubmit = (e: FormEvent) =>
    submit.handle(e, async () => {
      const patch: { ownerId?: string | null; dueDate?: string | null } = {};
      if (ownerId !== (action.ownerId ?? '')) patch.ownerId = ownerId || null;
      if (dueDate !== (action.dueDate ?? '')) patch.dueDate = dueDate || null;
      if (Object.keys(patch).length === 0) {
        setDone(t('audits.actions.nothingChanged'));
        return;
      }
      onSaved(await api.patch<Action>(actionApiPath(action.id), patch));
      setDone(t('audits.actions.rescheduled'));
    });

  return (
    <details className="action-card__form">
      <summary>{t('audits.actions.reschedule')}</summary>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormError error={submit.error} />
        <div className="form-row">
          <UserSelect
            label={t('audits.actions.owner')}
            value={ownerId}
            onChange={setOwnerId}
            currentName={action.ownerName}
            emptyLabel={t('audits.actions.noOwner')}
            error={submit.fieldErrors.ownerId}
          />
          <TextField
            label={t('audits.actions.due')}
            type="date"
            value={dueDate}
            onValueChange={setDueDate}
            error={submit.fieldErrors.dueDate}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--secondary" disabled={submit.busy}>
            {t('common.save')}
          </button>
          <p className="muted small" role="status">
            {done}
          </p>
        </div>
      </form>
    </details>
  );
}

function VerifyForm({ action, onSaved }: { action: Action; onSaved: (a: Action) => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const submit = useSubmit();

  const send = (verified: boolean) =>
    submit.handle(
      null,
      async () => {
        onSaved(await api.post<Action>(`${actionApiPath(action.id)}/verification`, { verified, note: note.trim() }));
      },
      (): FieldErrors => (!verified && !note.trim() ? { note: t('audits.actions.sendBackNeedsNote') } : {}),
    );

  return (
    <section className="action-card__form action-card__form--open" aria-label={t('audits.actions.verifyTitle')}>
      <h4 className="action-card__subtitle">{t('audits.actions.verifyTitle')}</h4>
      <p className="muted small">{t('audits.actions.verifyIntro')}</p>
      <FormError error={submit.error} />
      <TextAreaField
        label={t('audits.actions.verifyNote')}
        value={note}
        onValueChange={setNote}
        rows={2}
        maxLength={5000}
        error={submit.fieldErrors.note}
      />
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={submit.busy} onClick={() => void send(true)}>
          {t('audits.actions.verify')}
        </button>
        <button type="button" className="button button--danger-outline" disabled={submit.busy} onClick={() => void send(false)}>
          {t('audits.actions.sendBack')}
        </button>
      </div>
    </section>
  );
}

function RiskAcceptanceForm({ action, onSaved }: { action: Action; onSaved: (a: Action) => void }) {
  const { t } = useI18n();
  const today = todayUtc();
  const [approverId, setApproverId] = useState('');
  const [until, setUntil] = useState(addDays(today, 180));
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const fe = submit.fieldErrors;

  const onSubmit = (e: FormEvent) =>
    submit.handle(
      e,
      async () => {
        onSaved(await api.post<Action>(`${actionApiPath(action.id)}/risk-acceptance`, { approverId, until, reason: reason.trim() }));
      },
      (): FieldErrors => {
        const errors: FieldErrors = {};
        if (!approverId) errors.approverId = t('audits.actions.approverRequired');
        if (!until) errors.until = t('common.required');
        else if (until <= today) errors.until = t('audits.actions.untilFuture');
        if (!reason.trim()) errors.reason = t('common.required');
        return errors;
      },
    );

  return (
    <details className="action-card__form">
      <summary>{t('audits.actions.acceptRisk')}</summary>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <p className="muted small">{t('audits.actions.acceptRiskIntro')}</p>
        <FormError error={submit.error} />
        <div className="form-row">
          <UserSelect label={t('audits.actions.approver')} value={approverId} onChange={setApproverId} error={fe.approverId} />
          <TextField
            label={t('audits.actions.until')}
            type="date"
            min={addDays(today, 1)}
            value={until}
            onValueChange={setUntil}
            error={fe.until}
            required
          />
        </div>
        <TextAreaField
          label={t('audits.actions.reason')}
          value={reason}
          onValueChange={setReason}
          rows={2}
          maxLength={5000}
          error={fe.reason}
          required
        />
        <div className="form-actions">
          <button type="submit" className="button button--danger-outline" disabled={submit.busy}>
            {t('audits.actions.acceptRiskSubmit')}
          </button>
        </div>
      </form>
    </details>
  );
}
