import { useRef } from 'react';
import { Link } from 'react-router-dom';
import type { AuditListItem } from '../../api/audits';
import { api, buildUrl } from '../../api/client';
import type { Page } from '../../api/types';
import { EmptyState, LoadError } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Pagination } from '../../components/Pagination';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { formatDay } from '../systems/classificationView';
import { AuditStatusBadge } from './bits';
import { auditPath, auditStatusOptions } from './vocab';

const PAGE_SIZE = 20;

interface Props {
  status: string;
  page: number;
  onStatus: (status: string) => void;
  onPage: (page: number) => void;
}

/** Audits, newest period first, with a status filter. */
export function AuditList({ status, page, onStatus, onPage }: Props) {
  const { t, tp, locale, formatNumber } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const query = { status: status || undefined, page, pageSize: PAGE_SIZE };
  const res = useApi((signal) => api.get<Page<AuditListItem>>('/audits', query, { signal }), JSON.stringify(query));
  const data = res.data;

  return (
    <section className="card card--flat audits-card stack" aria-labelledby="audit-list-title">
      <div className="card__header">
        <h2 id="audit-list-title" className="card__title" ref={headingRef} tabIndex={-1}>
          {t('audits.list.title')}
        </h2>
        <a
          className="button button--ghost button--small"
          href={buildUrl('/audits/export', { format: 'csv', status: status || undefined })}
          download
        >
          {t('audits.list.export')}
        </a>
      </div>
      <div className="filters">
        <SelectField
          label={t('audits.list.status')}
          value={status}
          onValueChange={onStatus}
          options={[{ value: '', label: t('audits.list.allStatuses') }, ...auditStatusOptions(t)]}
        />
        <p className="muted audits-list__count" role="status">
          {data ? tp('audits.list.count', data.total, { count: formatNumber(data.total) }) : ''}
        </p>
      </div>
      {res.loading && !data ? (
        <Loading />
      ) : res.error || !data ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : data.items.length === 0 ? (
        <EmptyState>{status ? t('audits.list.emptyFiltered') : t('audits.list.empty')}</EmptyState>
      ) : (
        <>
          <div className="table-wrap" aria-busy={res.loading}>
            <table className="table table--audits">
              <caption className="visually-hidden">{t('audits.list.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audits.list.audit')}</th>
                  <th scope="col">{t('audits.list.period')}</th>
                  <th scope="col">{t('audits.list.status')}</th>
                  <th scope="col" className="cell-num">
                    {t('audits.list.systems')}
                  </th>
                  <th scope="col" className="cell-num">
                    {t('audits.list.findings')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((a) => (
                  <tr key={a.id}>
                    <th scope="row" className="cell-wrap audit-cell">
                      <span className="audit-ref">{a.ref}</span>
                      <Link to={auditPath(a.id)} className="audit-cell__title">
                        {a.title}
                      </Link>
                    </th>
                    <td>
                      {t('audits.period', { start: formatDay(locale, a.periodStart) ?? '', end: formatDay(locale, a.periodEnd) ?? '' })}
                    </td>
                    <td>
                      <AuditStatusBadge status={a.status} />
                    </td>
                    <td className="cell-num">{formatNumber(a.systems)}</td>
                    <td className="cell-num">{formatNumber(a.findings)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={data.total}
            onPage={(p) => {
              onPage(p);
              headingRef.current?.focus();
            }}
          />
        </>
      )}
    </section>
  );
}
