import { type FormEvent, useEffect, useId, useState } from 'react';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { AccessDenied } from '../../components/AccessDenied';
import { Badge, type Tone } from '../../components/Badge';
import { isForbidden } from '../../components/errors';
import { EmptyState, ErrorAlert, LoadError } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { Pagination } from '../../components/Pagination';
import { useApi } from '../../hooks/useApi';
import { useDebounced } from '../../hooks/useDebounced';
import { useI18n } from '../../i18n';
import { ReportProgress } from './ReportProgress';
import {
  isFinished,
  REPORT_KINDS,
  type Report,
  type ReportFormat,
  type ReportKind,
  reportFileUrl,
  requestReport,
  useReportProgress,
} from './reportsApi';
import './reports.css';

const PAGE_SIZE = 20;
const STATUS_TONE: Record<Report['status'], Tone> = { queued: 'neutral', running: 'info', done: 'success', failed: 'danger' };

interface SystemOption {
  id: string;
  name: string;
  departmentName: string | null;
}
interface AuditOption {
  id: string;
  ref: string;
  title: string;
}

/** /reports: ask for a report (generated in the background, with progress) and download the ones you asked for. */
export function ReportsPage() {
  const { t } = useI18n();
  const [current, setCurrent] = useState<Report | null>(null);
  const [page, setPage] = useState(1);
  const list = useApi((signal) => api.get<Page<Report>>('/reports', { page, pageSize: PAGE_SIZE }, { signal }), `reports-${page}`);
  const { report: tracked } = useReportProgress(current);
  const pending = list.data?.items.some((r) => !isFinished(r)) ?? false;
  const reload = list.reload;

  // The list follows the reports being generated: refreshed when one finishes, and while any is pending.
  useEffect(() => {
    if (tracked && isFinished(tracked)) reload();
  }, [tracked, reload]);
  useEffect(() => {
    if (!pending) return;
    const timer = window.setTimeout(reload, 2000);
    return () => window.clearTimeout(timer);
  }, [pending, reload]);

  if (isForbidden(list.error)) return <AccessDenied />;
  return (
    <>
      <PageHeader title={t('reports.title')} intro={t('reports.intro')} />
      <section className="card" aria-labelledby="report-request-title">
        <h2 id="report-request-title" className="card__title">
          {t('reports.request.title')}
        </h2>
        <RequestForm
          onRequested={(r) => {
            setCurrent(r);
            reload();
          }}
          busy={tracked !== null && !isFinished(tracked)}
        />
        {tracked && <ReportProgress report={tracked} />}
      </section>
      <section aria-labelledby="report-list-title">
        <h2 id="report-list-title" className="section-title">
          {t('reports.list.title')}
        </h2>
        {list.loading && !list.data ? (
          <Loading />
        ) : list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : !list.data?.items.length ? (
          <EmptyState>{t('reports.list.empty')}</EmptyState>
        ) : (
          <>
            <ReportTable items={list.data.items} />
            <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
          </>
        )}
      </section>
    </>
  );
}

function RequestForm({ onRequested, busy }: { onRequested: (r: Report) => void; busy: boolean }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const [kind, setKind] = useState<ReportKind>('council');
  const [format, setFormat] = useState<ReportFormat>('pdf');
  const [search, setSearch] = useState('');
  const [systemId, setSystemId] = useState('');
  const [auditId, setAuditId] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const hintId = useId();
  const q = useDebounced(search.trim(), 300);
  const systems = useApi(
    (signal) =>
      kind === 'system'
        ? api.get<Page<SystemOption>>('/systems', { q, pageSize: 50 }, { signal })
        : Promise.resolve(undefined as Page<SystemOption> | undefined),
    `report-systems-${kind}-${q}`,
  );
  const readAudits = can('audits:read');
  const audits = useApi(
    (signal) =>
      kind === 'audit' && readAudits
        ? api.get<Page<AuditOption>>('/audits', { pageSize: 100 }, { signal })
        : Promise.resolve(undefined as Page<AuditOption> | undefined),
    `report-audits-${kind}`,
  );
  const systemOptions = systems.data?.items ?? [];
  const auditOptions = audits.data?.items ?? [];
  const subjectId =
    kind === 'system' ? systemId || systemOptions[0]?.id || '' : kind === 'audit' ? auditId || auditOptions[0]?.id || '' : '';
  const missingSubject = (kind === 'system' || kind === 'audit') && !subjectId;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (missingSubject) return;
    setSending(true);
    setError(null);
    try {
      onRequested(await requestReport({ kind, format, ...(subjectId ? { subjectId } : {}) }));
    } catch (err) {
      setError(err);
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="form report-form" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorAlert error={error} />
      <div className="form-row">
        <SelectField
          label={t('reports.request.kind')}
          value={kind}
          onValueChange={(v) => setKind(v as ReportKind)}
          options={REPORT_KINDS.map((k) => ({ value: k, label: t(`reports.kinds.${k}`) }))}
          hint={t(`reports.kindHints.${kind}`)}
        />
        <SelectField
          label={t('reports.request.format')}
          value={format}
          onValueChange={(v) => setFormat(v === 'html' ? 'html' : 'pdf')}
          options={[
            { value: 'pdf', label: t('reports.formats.pdf') },
            { value: 'html', label: t('reports.formats.html') },
          ]}
        />
      </div>
      {kind === 'system' && (
        <div className="form-row">
          <TextField label={t('reports.request.searchSystem')} value={search} onValueChange={setSearch} type="search" autoComplete="off" />
          <SelectField
            label={t('reports.request.system')}
            value={subjectId}
            onValueChange={setSystemId}
            options={
              systemOptions.length
                ? systemOptions.map((s) => ({ value: s.id, label: s.departmentName ? `${s.name} (${s.departmentName})` : s.name }))
                : [{ value: '', label: systems.loading ? t('reports.request.loading') : t('reports.request.noSystems') }]
            }
          />
        </div>
      )}
      {kind === 'audit' &&
        (readAudits ? (
          <SelectField
            label={t('reports.request.audit')}
            value={subjectId}
            onValueChange={setAuditId}
            options={
              auditOptions.length
                ? auditOptions.map((a) => ({ value: a.id, label: `${a.ref} ${a.title}` }))
                : [{ value: '', label: audits.loading ? t('reports.request.loading') : t('reports.request.noAudits') }]
            }
          />
        ) : (
          <p className="alert alert--info">{t('reports.request.auditsHidden')}</p>
        ))}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={sending || busy || missingSubject} aria-describedby={hintId}>
          {sending ? t('reports.request.sending') : t('reports.request.submit')}
        </button>
        <span id={hintId} className="muted small">
          {t('reports.request.hint')}
        </span>
      </div>
    </form>
  );
}

function ReportTable({ items }: { items: Report[] }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('reports.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.list.report')}</th>
            <th scope="col">{t('reports.list.requestedAt')}</th>
            <th scope="col">{t('reports.list.status')}</th>
            <th scope="col">{t('reports.list.file')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="cell-wrap">
                {t(`reports.kinds.${r.kind}`)}
                {r.subjectName && <span className="muted small block">{r.subjectName}</span>}
              </th>
              <td>{formatDateTime(r.requestedAt)}</td>
              <td>
                <Badge tone={STATUS_TONE[r.status]}>{t(`reports.status.${r.status}`)}</Badge>
                {!isFinished(r) && (
                  <progress
                    className="progress report-list__progress"
                    max={100}
                    value={r.progress}
                    aria-label={t('reports.list.progress')}
                  />
                )}
                {r.status === 'failed' && r.error && <span className="muted small block">{r.error}</span>}
              </td>
              <td>
                {r.status === 'done' ? (
                  <a href={reportFileUrl(r.id)} download={r.fileName}>
                    {t('reports.list.download', {
                      format: r.format.toUpperCase(),
                      size: formatNumber(Math.max(1, Math.round((r.size ?? 0) / 1024))),
                    })}
                  </a>
                ) : (
                  <span className="muted">{t('common.none')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
