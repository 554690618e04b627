import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { useI18n } from '../../i18n';
import './reports.css';
import { type Report, type ReportKind, reportFileUrl, requestReport, useReportProgress } from './reportsApi';

/**
 * "Download PDF" where a report belongs (e.g. the system security plan on the system page): asks
 * for the report, shows its progress in the button while the server generates it and starts the
 * download when it is ready; one control, so it sits in a row of page actions. Renders nothing for
 * those who may not generate reports.
 */
export function DownloadReportButton({ kind, subjectId, label }: { kind: ReportKind; subjectId?: string; label?: string }) {
  const { t, formatNumber } = useI18n();
  const { can } = useAuth();
  const [requested, setRequested] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { report, error: pollError } = useReportProgress(requested);
  const started = useRef<string | null>(null);

  useEffect(() => {
    // The finished file is downloaded once (an attachment: the page stays where it is).
    if (report?.status === 'done' && started.current !== report.id) {
      started.current = report.id;
      window.location.assign(reportFileUrl(report.id));
    }
  }, [report]);

  if (!can('reports:generate')) return null;
  const request = async () => {
    setBusy(true);
    setError(null);
    try {
      setRequested(await requestReport({ kind, format: 'pdf', ...(subjectId ? { subjectId } : {}) }));
    } catch (e) {
      setError(e instanceof ApiError && e.message ? e.message : t('reports.progress.failed'));
    } finally {
      setBusy(false);
    }
  };
  const running = report !== null && (report.status === 'queued' || report.status === 'running');
  const failure =
    error ??
    (report?.status === 'failed' ? (report.error ?? t('reports.progress.failed')) : pollError ? t('reports.progress.failed') : null);
  return (
    <span className="report-download">
      {report?.status === 'done' ? (
        <a className="button button--secondary" href={reportFileUrl(report.id)} download={report.fileName}>
          {t('reports.downloadPdf', { size: formatNumber(Math.max(1, Math.round((report.size ?? 0) / 1024))) })}
        </a>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void request()}
          disabled={busy || running}
          aria-busy={running}
        >
          {running
            ? t('reports.progress.running', { progress: formatNumber(report?.progress ?? 0) })
            : (label ?? t('reports.downloadButton'))}
        </button>
      )}
      <span className="visually-hidden" role="status">
        {report?.status === 'done' ? t('reports.progress.done') : ''}
      </span>
      {failure && (
        <span className="report-download__error" role="alert">
          {failure}
        </span>
      )}
    </span>
  );
}
