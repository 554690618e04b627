import { useState } from 'react';
import { api } from '../api/client';
import { JOB_STATUSES, type Job, type JobStatus, type Page } from '../api/types';
import { AccessDenied } from '../components/AccessDenied';
import { Badge, type Tone } from '../components/Badge';
import { isForbidden } from '../components/errors';
import { EmptyState, LoadError } from '../components/Feedback';
import { SelectField } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';

const PAGE_SIZE = 25;
const STATUS_TONE: Record<JobStatus, Tone> = {
  queued: 'neutral',
  running: 'info',
  succeeded: 'success',
  failed: 'danger',
};

export function JobsPage() {
  const { t, formatDateTime } = useI18n();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const query = { page, pageSize: PAGE_SIZE, status };
  const jobs = useApi((signal) => api.get<Page<Job>>('/jobs', query, { signal }), JSON.stringify(query));

  if (isForbidden(jobs.error)) return <AccessDenied />;
  return (
    <>
      <PageHeader title={t('jobs.title')} intro={t('jobs.intro')} />
      <search className="filters">
        <SelectField
          label={t('jobs.filterStatus')}
          value={status}
          onValueChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={[
            { value: '', label: t('jobs.allStatuses') },
            ...JOB_STATUSES.map((s) => ({
              value: s,
              label: t(`jobStatus.${s}`),
            })),
          ]}
        />
      </search>
      {jobs.loading && !jobs.data ? (
        <Loading />
      ) : jobs.error ? (
        <LoadError error={jobs.error} onRetry={jobs.reload} />
      ) : !jobs.data?.items.length ? (
        <EmptyState>{t('jobs.empty')}</EmptyState>
      ) : (
        <>
          <div className="table-wrap" aria-busy={jobs.loading}>
            <table className="table">
              <caption className="visually-hidden">{t('jobs.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('jobs.name')}</th>
                  <th scope="col">{t('jobs.status')}</th>
                  <th scope="col">{t('jobs.attempts')}</th>
                  <th scope="col">{t('jobs.runAt')}</th>
                  <th scope="col">{t('jobs.finishedAt')}</th>
                  <th scope="col">{t('jobs.lastError')}</th>
                </tr>
              </thead>
              <tbody>
                {jobs.data.items.map((job) => (
                  <tr key={job.id}>
                    <th scope="row" className="cell-wrap">
                      <code>{job.name}</code>
                      {job.key && <span className="muted small block mono break-anywhere">{job.key}</span>}
                    </th>
                    <td>
                      <Badge tone={STATUS_TONE[job.status] ?? 'neutral'}>
                        {JOB_STATUSES.includes(job.status) ? t(`jobStatus.${job.status}`) : job.status}
                      </Badge>
                    </td>
                    <td className="cell-num">
                      {t('jobs.attemptsValue', {
                        attempts: job.attempts,
                        max: job.maxAttempts,
                      })}
                    </td>
                    <td>{formatDateTime(job.runAt)}</td>
                    <td>{formatDateTime(job.finishedAt)}</td>
                    <td className="cell-wrap cell-error">{job.lastError ?? t('common.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={jobs.data.total} onPage={setPage} />
        </>
      )}
    </>
  );
}
