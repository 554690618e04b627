import { useId } from 'react';
import { useI18n } from '../../i18n';
import { type Report, reportFileUrl } from './reportsApi';

/** A report being generated: its status as a live region, a progress bar, then the download link (or why it failed). */
export function ReportProgress({ report }: { report: Report }) {
  const { t, formatNumber } = useI18n();
  const labelId = useId();
  const kb = Math.max(1, Math.round((report.size ?? 0) / 1024));
  return (
    <div className="report-progress">
      <p className="muted small">
        {t(`reports.kinds.${report.kind}`)}
        {report.subjectName ? ` · ${report.subjectName}` : ''}
      </p>
      <p id={labelId} className="report-progress__status" role="status" aria-live="polite">
        {report.status === 'done'
          ? t('reports.progress.done')
          : report.status === 'failed'
            ? t('reports.progress.failed')
            : t(`reports.progress.${report.status}`, { progress: formatNumber(report.progress) })}
      </p>
      {report.status !== 'done' && report.status !== 'failed' && (
        <progress className="progress" max={100} value={report.progress} aria-labelledby={labelId} />
      )}
      {report.status === 'failed' && report.error && <p className="alert alert--error">{report.error}</p>}
      {report.status === 'done' && (
        <a className="button button--primary" href={reportFileUrl(report.id)} download={report.fileName}>
          {t(report.format === 'pdf' ? 'reports.downloadPdf' : 'reports.downloadHtml', { size: formatNumber(kb) })}
        </a>
      )}
    </div>
  );
}
