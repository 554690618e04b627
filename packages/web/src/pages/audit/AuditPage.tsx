import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import type { AuditEntry, Page } from '../../api/types';
import { AccessDenied } from '../../components/AccessDenied';
import { isForbidden } from '../../components/errors';
import { EmptyState, LoadError } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { Pagination } from '../../components/Pagination';
import { useApi } from '../../hooks/useApi';
import { useT } from '../../i18n';
import { AuditFilters, type AuditFilterValues, dayToIso, EMPTY_FILTERS } from './AuditFilters';
import { AuditRow } from './AuditRow';
import { ChainBanner } from './ChainBanner';

const PAGE_SIZE = 50;
/** Entity types the server is known to record; types seen in results are added. */
const KNOWN_ENTITY_TYPES = ['api_token', 'department', 'invitation', 'organisation', 'session', 'user'];

export function AuditPage() {
  const t = useT();
  const [filters, setFilters] = useState<AuditFilterValues>(EMPTY_FILTERS);
  const [page, setPage] = useState(1);
  const [seenTypes, setSeenTypes] = useState<string[]>([]);
  const query = {
    page,
    pageSize: PAGE_SIZE,
    action: filters.action,
    actor: filters.actor,
    entityType: filters.entityType,
    from: dayToIso(filters.from, false),
    to: dayToIso(filters.to, true),
  };
  const list = useApi(async (signal) => {
    const res = await api.get<Page<AuditEntry>>('/audit', query, { signal });
    setSeenTypes((prev) => {
      const fresh = res.items.map((e) => e.entityType).filter((type) => !prev.includes(type));
      return fresh.length ? [...prev, ...new Set(fresh)] : prev;
    });
    return res;
  }, JSON.stringify(query));
  const entityTypes = useMemo(() => [...new Set([...KNOWN_ENTITY_TYPES, ...seenTypes])].sort(), [seenTypes]);

  if (isForbidden(list.error)) return <AccessDenied />;
  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      <ChainBanner />
      <AuditFilters
        value={filters}
        entityTypes={entityTypes}
        onApply={(next) => {
          setFilters(next);
          setPage(1);
        }}
      />
      {list.loading && !list.data ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : !list.data?.items.length ? (
        <EmptyState>{t('audit.empty')}</EmptyState>
      ) : (
        <>
          <div className="table-wrap" aria-busy={list.loading}>
            <table className="table">
              <caption className="visually-hidden">{t('audit.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.seq')}</th>
                  <th scope="col">{t('audit.time')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.entity')}</th>
                  <th scope="col">{t('audit.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
        </>
      )}
    </>
  );
}
