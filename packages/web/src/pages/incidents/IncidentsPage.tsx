import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { IncidentListItem } from '../../api/incidents';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { AccessDenied } from '../../components/AccessDenied';
import { isForbidden } from '../../components/errors';
import { EmptyState, LoadError } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { Pagination } from '../../components/Pagination';
import { Tabs } from '../../components/Tabs';
import { useApi } from '../../hooks/useApi';
import { useDebounced } from '../../hooks/useDebounced';
import { useI18n } from '../../i18n';
import { IncidentBoard } from './IncidentBoard';
import { FILTER_KEYS, IncidentFilters, type IncidentFilterValues } from './IncidentFilters';
import { IncidentMetrics } from './IncidentMetrics';
import { IncidentTable } from './IncidentTable';
import { useOrgZone, useThreats } from './lookups';
import { NEW_INCIDENT_PATH } from './vocab';
import { offsetLabel } from './zonedTime';

const PAGE_SIZE = 25;
type View = 'list' | 'board';

/** /incidents: the list with filters (in the URL), the board by status and, with incidents:read, the metrics. */
export function IncidentsPage() {
  const { t, tp, formatNumber } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'board' ? 'board' : 'list';
  const q = params.get('q') ?? '';
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const filters: IncidentFilterValues = {
    status: params.get('status') ?? '',
    type: params.get('type') ?? '',
    severity: params.get('severity') ?? '',
    significant: params.get('significant') ?? '',
    open: params.get('open') ?? '',
  };
  const [search, setSearch] = useState(q);
  const debounced = useDebounced(search.trim(), 300);
  const threats = useThreats();
  const { zone, own } = useOrgZone();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new search term updates the URL (and resets the page).
  useEffect(() => {
    if (debounced !== q) update({ q: debounced, page: null });
  }, [debounced]);

  const query = { page, pageSize: PAGE_SIZE, q, ...filters };
  const list = useApi(
    (signal) => (view === 'list' ? api.get<Page<IncidentListItem>>('/incidents', query, { signal }) : Promise.resolve(undefined)),
    `${view}|${JSON.stringify(query)}`,
  );
  const data = list.data;
  const filtered = q !== '' || FILTER_KEYS.some((k) => filters[k] !== '');
  const clear = () => {
    setSearch('');
    setParams(view === 'board' ? { view } : {}, { replace: true });
  };

  if (isForbidden(list.error)) return <AccessDenied />;
  return (
    <>
      <PageHeader
        title={t('incidents.title')}
        intro={t('incidents.intro')}
        actions={
          <Link to={NEW_INCIDENT_PATH} className="button button--primary">
            {t('incidents.reportAction')}
          </Link>
        }
      />
      {!can('incidents:read') && <p className="alert alert--info">{t('incidents.ownNote')}</p>}
      {can('incidents:read') && <IncidentMetrics typeLabel={threats.label} />}
      <Tabs
        label={t('incidents.views')}
        tabs={[
          { key: 'list', label: t('incidents.viewList') },
          { key: 'board', label: t('incidents.viewBoard') },
        ]}
        active={view}
        onChange={(v) => update({ view: v === 'board' ? 'board' : null, page: null })}
      >
        {view === 'board' ? (
          <IncidentBoard typeLabel={threats.label} />
        ) : (
          <>
            <IncidentFilters
              search={search}
              onSearch={setSearch}
              values={filters}
              types={threats.options}
              onChange={(key, value) => update({ [key]: value, page: null })}
              onClear={filtered || search ? clear : null}
            />
            <section className="stack" aria-labelledby="incidents-list-title">
              <div className="browser__heading">
                <h2 id="incidents-list-title" className="section-title" ref={headingRef} tabIndex={-1}>
                  {t('incidents.tableCaption')}
                </h2>
                <p className="muted" role="status">
                  {data ? tp('incidents.count', data.total, { count: formatNumber(data.total) }) : ''}
                </p>
              </div>
              {list.loading && !data ? (
                <Loading />
              ) : list.error ? (
                <LoadError error={list.error} onRetry={list.reload} />
              ) : !data?.items.length ? (
                <EmptyState>{filtered ? t('incidents.emptyFiltered') : t('incidents.empty')}</EmptyState>
              ) : (
                <>
                  <div className="table-wrap" aria-busy={list.loading}>
                    <IncidentTable items={data.items} typeLabel={threats.label} zone={zone} caption={t('incidents.tableCaption')} />
                  </div>
                  <p className="muted small">
                    {t(own ? 'incidents.zone.listOrg' : 'incidents.zone.listBrowser', { zone, offset: offsetLabel(Date.now(), zone) })}
                  </p>
                  <Pagination
                    page={page}
                    pageSize={PAGE_SIZE}
                    total={data.total}
                    onPage={(p) => {
                      update({ page: p > 1 ? String(p) : null });
                      headingRef.current?.focus();
                    }}
                  />
                </>
              )}
            </section>
          </>
        )}
      </Tabs>
    </>
  );
}
