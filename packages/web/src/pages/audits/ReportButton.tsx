import { useEffect, useState } from 'react';
import { type Report, type ReportKind, reportFileUrl } from '../../api/audits';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../components/errors';
import { useI18n } from '../../i18n';

const POLL_MS = 1000;

interface Props {
  kind: ReportKind;
  subjectId?: string;
  /** The button's text, e.g. "Audit report (PDF)". */
  label: string;
}

/**
 * Asks the server for a report (POST /reports), follows its progress while it is generated in the
 * background and then offers the file as a download link. Hidden without reports:generate.
 */
export function ReportButton({ kind, subjectId, label }: Props) {
  const { t, formatNumber } = useI18n();
  const { can } = useAuth();
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const pending = report !== null && (report.status === 'queued' || report.status === 'running');
  const reportId = report?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: every new answer (report) schedules the next poll.
  useEffect(() => {
    if (!pending || !reportId) return;
    const timer = window.setTimeout(() => {
      api
        .get<Report>(`/reports/${encodeURIComponent(reportId)}`)
        .then(setReport)
        .catch((e: unknown) => {
          setError(e);
          setReport(null);
        });
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [pending, reportId, report]);

  if (!can('reports:generate')) return null;

  const generate = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await api.post<Report>('/reports', { kind, format: 'pdf', ...(subjectId ? { subjectId } : {}) }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="report-button">
      <button type="button" className="button button--secondary" onClick={() => void generate()} disabled={busy || pending}>
        {label}
      </button>
      <p className="report-button__status small" role="status">
        {pending
          ? t('audits.report.progress', { progress: formatNumber(report?.progress ?? 0) })
          : report?.status === 'failed'
            ? t('audits.report.failed', { error: report.error ?? '' })
            : error
              ? describeError(t, error)
              : ''}
        {report?.status === 'done' && (
          <a href={reportFileUrl(report.id)} className="report-button__link" download>
            {t('audits.report.download', { name: report.fileName })}
          </a>
        )}
      </p>
    </div>
  );
}
