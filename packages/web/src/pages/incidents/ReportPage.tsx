import { useEffect, useId, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import {
  type Incident,
  type IncidentReport,
  incidentApiPath,
  REPORT_STAGES,
  type ReportField,
  reportApiPath,
  reportExportUrl,
} from '../../api/incidents';
import { useAuth } from '../../auth/AuthContext';
import { AccessDenied } from '../../components/AccessDenied';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { isForbidden } from '../../components/errors';
import { LoadError, Notice } from '../../components/Feedback';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { PageHeader, PageTitle } from '../../components/PageHeader';
import { useApi } from '../../hooks/useApi';
import { type FieldErrors, useSubmit } from '../../hooks/useSubmit';
import { useT } from '../../i18n';
import { NotFoundPage } from '../NotFoundPage';
import { Countdown, DeadlineStateBadge, ZonedTime } from './bits';
import { syncWithServer } from './clock';
import { INCIDENTS_PATH, incidentPath } from './vocab';
import { readZoned, ZonedDateTimeField } from './ZonedDateTimeField';
import { safeZone, toZonedInput } from './zonedTime';

const YES_NO = ['yes', 'no', 'unknown'] as const;

/** Required fields still empty, as the server counts them (blank text is empty). */
const missingOf = (fields: ReportField[], content: Record<string, string>) =>
  fields.filter((f) => f.required && !(content[f.key] ?? '').trim()).map((f) => f.key);

/** /incidents/:id/reports/:stage: the report CityShield drafted, completed, saved, exported and marked as sent. */
export function ReportPage() {
  const { id = '', stage = '' } = useParams();
  if (!(REPORT_STAGES as readonly string[]).includes(stage)) return <NotFoundPage />;
  return <Report key={`${id}/${stage}`} id={id} stage={stage} />;
}

function Report({ id, stage }: { id: string; stage: string }) {
  const t = useT();
  const { can } = useAuth();
  const manage = can('incidents:manage');
  const incident = useApi((signal) => api.get<Incident>(incidentApiPath(id), undefined, { signal }), `incident-${id}`);
  const res = useApi((signal) => api.get<IncidentReport>(reportApiPath(id, stage), undefined, { signal }), `${id}/${stage}`);
  const report = res.data;

  useEffect(() => {
    if (report?.deadline) syncWithServer([report.deadline]);
  }, [report]);

  if (isForbidden(res.error)) return <AccessDenied />;
  if (!report || res.error) {
    return (
      <>
        <PageTitle title={t('incidents.report.pageTitle')} />
        {res.loading ? <Loading /> : <LoadError error={res.error} onRetry={res.reload} />}
      </>
    );
  }
  const zone = safeZone(report.timeZone);
  const title = incident.data?.title;

  return (
    <>
      <Breadcrumbs
        label={t('incidents.breadcrumb')}
        items={[{ label: t('incidents.title'), to: INCIDENTS_PATH }, { label: report.ref, to: incidentPath(id) }, { label: report.title }]}
      />
      <PageHeader
        title={report.title}
        intro={title ? t('incidents.report.intro', { ref: report.ref, title }) : report.ref}
        actions={
          <div className="form-actions">
            <a className="button button--secondary" href={reportExportUrl(id, stage, 'pdf')} download>
              {t('incidents.report.exportPdf')}
            </a>
            <a className="button button--secondary" href={reportExportUrl(id, stage, 'json')} download>
              {t('incidents.report.exportJson')}
            </a>
          </div>
        }
      />
      <ReportDeadline report={report} zone={zone} />
      {report.sentAt || !manage ? (
        <ReadOnlyReport report={report} zone={zone} />
      ) : (
        <ReportEditor report={report} zone={zone} onSaved={(next) => res.setData(() => next)} />
      )}
      <p>
        <Link to={incidentPath(id)}>{t('incidents.report.back', { ref: report.ref })}</Link>
      </p>
    </>
  );
}

function ReportDeadline({ report, zone }: { report: IncidentReport; zone: string }) {
  const t = useT();
  const d = report.deadline;
  if (!d) return <p className="alert alert--warning">{t('incidents.report.noDeadline')}</p>;
  return (
    <section className={`card card--flat report-deadline deadline--${d.state}`} aria-labelledby="report-deadline-title">
      <div className="card__header">
        <h2 id="report-deadline-title" className="card__title">
          {t('incidents.report.deadlineTitle')}
        </h2>
        <DeadlineStateBadge due={d.due} state={d.state} />
      </div>
      <p>
        {d.due ? (
          <>
            {t('incidents.deadline.due')} <ZonedTime iso={d.due} zone={zone} />
          </>
        ) : (
          t('incidents.deadline.waitingFinal')
        )}
        <span className="muted"> · {d.basis}</span>
      </p>
      {report.sentAt ? (
        <p className="deadline__sent">
          {t(d.state === 'sent-late' ? 'incidents.deadline.sentLate' : 'incidents.deadline.sent')}{' '}
          <ZonedTime iso={report.sentAt} zone={zone} />
        </p>
      ) : (
        d.due && <Countdown due={d.due} state={d.state} className="deadline__countdown" />
      )}
    </section>
  );
}

function answerLabel(t: ReturnType<typeof useT>, value: string): string {
  return value === 'yes' || value === 'no' || value === 'unknown' ? t(`incidents.yesNo.${value}`) : value;
}

function ReadOnlyReport({ report, zone }: { report: IncidentReport; zone: string }) {
  const t = useT();
  return (
    <section className="card card--flat" aria-labelledby="report-content-title">
      <h2 id="report-content-title" className="card__title">
        {report.sentAt ? t('incidents.report.sentTitle') : t('incidents.report.contentTitle')}
      </h2>
      {report.sentAt && (
        <Notice tone="info">
          {t('incidents.report.sentNote')} <ZonedTime iso={report.sentAt} zone={zone} />
        </Notice>
      )}
      {!report.sentAt && !report.saved && <p className="alert alert--info">{t('incidents.report.draftReadOnly')}</p>}
      <dl className="report-fields">
        {report.fields.map((f) => (
          <div key={f.key} className="report-fields__item">
            <dt>{f.label}</dt>
            <dd className="incident-text">
              {report.content[f.key]?.trim() ? answerLabel(t, report.content[f.key] ?? '') : <span className="muted">—</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function ReportEditor({ report, zone, onSaved }: { report: IncidentReport; zone: string; onSaved: (r: IncidentReport) => void }) {
  const t = useT();
  const baseId = useId();
  const save = useSubmit();
  const [content, setContent] = useState<Record<string, string>>(report.content);
  const [savedContent, setSavedContent] = useState<Record<string, string>>(report.content);
  const [savedNotice, setSavedNotice] = useState('');
  const dirty = !report.saved || report.fields.some((f) => (content[f.key] ?? '') !== (savedContent[f.key] ?? ''));
  const missing = missingOf(report.fields, content);
  const [showMissing, setShowMissing] = useState(report.saved);

  const submit = async () => {
    const next = await api.put<IncidentReport>(reportApiPath(report.incidentId, report.stage), { content });
    setSavedContent(next.content);
    setContent(next.content);
    setShowMissing(true);
    setSavedNotice(
      next.missing.length ? t('incidents.report.savedIncomplete', { count: next.missing.length }) : t('incidents.report.saved'),
    );
    onSaved(next);
  };

  return (
    <>
      <form
        className="form report-form"
        noValidate
        onSubmit={(e) => {
          setSavedNotice('');
          void save.handle(e, submit);
        }}
        aria-labelledby="report-form-title"
      >
        <h2 id="report-form-title" className="section-title">
          {t('incidents.report.contentTitle')}
        </h2>
        {!report.saved && <p className="alert alert--info">{t('incidents.report.draftNote')}</p>}
        <FormError error={save.error} />
        {report.fields.map((f) => {
          const fid = `${baseId}-${f.key}`;
          const invalid = showMissing && missing.includes(f.key);
          const error = invalid ? t('incidents.report.requiredToSend') : save.fieldErrors[f.key];
          const describedBy = [`${fid}-hint`, error ? `${fid}-error` : ''].filter(Boolean).join(' ');
          const value = content[f.key] ?? '';
          const change = (v: string) => setContent((prev) => ({ ...prev, [f.key]: v }));
          return (
            <div key={f.key} className={`field report-field${error ? ' field--invalid' : ''}`}>
              <label className="field__label" htmlFor={fid}>
                {f.label}{' '}
                <span className="muted small">{f.required ? t('incidents.report.required') : t('incidents.report.optional')}</span>
              </label>
              <p className="field__hint" id={`${fid}-hint`}>
                {f.help}
              </p>
              {f.kind === 'yes-no-unknown' ? (
                <select
                  id={fid}
                  className="input select report-field__select"
                  value={value}
                  onChange={(e) => change(e.target.value)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy}
                >
                  {!(YES_NO as readonly string[]).includes(value) && <option value={value}>{value || t('incidents.report.choose')}</option>}
                  {YES_NO.map((o) => (
                    <option key={o} value={o}>
                      {t(`incidents.yesNo.${o}`)}
                    </option>
                  ))}
                </select>
              ) : (
                <textarea
                  id={fid}
                  className="input textarea"
                  rows={4}
                  maxLength={20000}
                  value={value}
                  onChange={(e) => change(e.target.value)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy}
                />
              )}
              {error && (
                <p className="field__error" id={`${fid}-error`}>
                  {error}
                </p>
              )}
            </div>
          );
        })}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={save.busy}>
            {save.busy ? t('common.saving') : t('incidents.report.save')}
          </button>
          <p className="muted small" role="status">
            {savedNotice || (dirty ? t('incidents.report.unsaved') : t('incidents.report.allSaved'))}
          </p>
        </div>
        {dirty && report.saved && <p className="muted small">{t('incidents.report.exportSavedOnly')}</p>}
      </form>
      <MarkSent
        report={report}
        zone={zone}
        ready={!dirty && missing.length === 0 && report.deadline !== null}
        dirty={dirty}
        missing={missing.length}
        onSent={onSaved}
      />
    </>
  );
}

function MarkSent({
  report,
  zone,
  ready,
  dirty,
  missing,
  onSent,
}: {
  report: IncidentReport;
  zone: string;
  ready: boolean;
  dirty: boolean;
  missing: number;
  onSent: (r: IncidentReport) => void;
}) {
  const t = useT();
  const form = useSubmit();
  const [sentAt, setSentAt] = useState(() => toZonedInput(Date.now(), zone));
  const why = !report.deadline
    ? t('incidents.report.sendNotOwed')
    : dirty
      ? t('incidents.report.sendNeedsSave')
      : missing > 0
        ? t('incidents.report.sendNeedsComplete', { count: missing })
        : '';

  const submit = async () => {
    const iso = readZoned(t, sentAt, zone, { required: true, notFuture: true }).iso;
    onSent(await api.post<IncidentReport>(`${reportApiPath(report.incidentId, report.stage)}/sent`, { sentAt: iso }));
  };
  const validate = (): FieldErrors => {
    const r = readZoned(t, sentAt, zone, { required: true, notFuture: true });
    return r.error ? { sentAt: r.error } : {};
  };

  return (
    <section className="card card--flat mark-sent" aria-labelledby="mark-sent-title">
      <h2 id="mark-sent-title" className="card__title">
        {t('incidents.report.sendTitle')}
      </h2>
      <p className="muted">{t('incidents.report.sendIntro')}</p>
      <form className="form mark-sent__form" noValidate onSubmit={(e) => void form.handle(e, submit, validate)}>
        <FormError error={form.error} />
        <ZonedDateTimeField
          label={t('incidents.report.sentAt')}
          value={sentAt}
          onValueChange={setSentAt}
          zone={zone}
          error={form.fieldErrors.sentAt}
          required
        />
        <div className="form-actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={!ready || form.busy}
            aria-describedby={why ? 'mark-sent-why' : undefined}
          >
            {t('incidents.report.markSent')}
          </button>
          {why && (
            <p id="mark-sent-why" className="muted small">
              {why}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
