import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { InfoSystem } from '../../api/register';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { AccessDenied } from '../../components/AccessDenied';
import { isForbidden } from '../../components/errors';
import { EmptyState, LoadError, Notice } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { Pagination } from '../../components/Pagination';
import { useApi } from '../../hooks/useApi';
import { useDebounced } from '../../hooks/useDebounced';
import { useI18n } from '../../i18n';
import { ExportLinks } from './ExportLinks';
import { useSectors } from './lookups';
import { LifecycleBadge, PersonalDataBadges } from './SystemBadges';
import { FILTER_KEYS, SystemFilters, type SystemFilterValues } from './SystemFilters';
import { noticeOf, systemPath, vocabLabel } from './vocab';

const PAGE_SIZE = 25;

/**
 * The register: a server-side paged table. Search, filters and page live in
 * the URL, so "back" from a system returns to the same list.
 */
export function SystemsPage() {
  const { t, tp, formatDate, formatNumber } = useI18n();
  const { can } = useAuth();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const filters: SystemFilterValues = {
    kind: params.get('kind') ?? '',
    sector: params.get('sector') ?? '',
    departmentId: params.get('departmentId') ?? '',
    lifecycle: params.get('lifecycle') ?? '',
    securityLevel: params.get('securityLevel') ?? '',
  };
  const [search, setSearch] = useState(q);
  const debounced = useDebounced(search.trim(), 300);
  const sectors = useSectors();
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
      { replace: true, state: null },
    );

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new search term updates the URL (and resets the page).
  useEffect(() => {
    if (debounced !== q) update({ q: debounced, page: null });
  }, [debounced]);

  const query = { page, pageSize: PAGE_SIZE, q, ...filters };
  const list = useApi((signal) => api.get<Page<InfoSystem>>('/systems', query, { signal }), JSON.stringify(query));
  const data = list.data;
  const filtered = q !== '' || FILTER_KEYS.some((k) => filters[k] !== '');
  const clear = () => {
    setSearch('');
    setParams({}, { replace: true });
  };

  if (isForbidden(list.error)) return <AccessDenied />;
  return (
    <>
      <PageHeader
        title={t('systems.title')}
        intro={t('systems.intro')}
        actions={
          <div className="form-actions">
            <ExportLinks filters={{ q, ...filters }} />
            {can('systems:edit') && (
              <>
                <Link to="/systems/import" className="button button--secondary">
                  {t('systems.import.action')}
                </Link>
                <Link to="/systems/new" className="button button--primary">
                  {t('systems.register')}
                </Link>
              </>
            )}
          </div>
        }
      />
      <Notice>{noticeOf(location.state)}</Notice>
      {!can('systems:read-all') && <p className="alert alert--info">{t('systems.ownNote')}</p>}
      <SystemFilters
        search={search}
        onSearch={setSearch}
        values={filters}
        sectors={sectors.options}
        onChange={(key, value) => update({ [key]: value, page: null })}
        onClear={filtered || search ? clear : null}
      />
      <section className="stack" aria-labelledby="systems-list-title">
        <div className="browser__heading">
          <h2 id="systems-list-title" className="section-title" ref={headingRef} tabIndex={-1}>
            {t('systems.tableCaption')}
          </h2>
          <p className="muted" role="status">
            {data ? tp('systems.count', data.total, { count: formatNumber(data.total) }) : ''}
          </p>
        </div>
        {list.loading && !data ? (
          <Loading />
        ) : list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : !data?.items.length ? (
          <EmptyState>
            {filtered ? t('systems.emptyFiltered') : can('systems:edit') ? t('systems.emptyFirst') : t('systems.emptyReadOnly')}
          </EmptyState>
        ) : (
          <>
            <div className="table-wrap" aria-busy={list.loading}>
              <table className="table table--systems">
                <caption className="visually-hidden">{t('systems.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('systems.name')}</th>
                    <th scope="col">{t('systems.kind')}</th>
                    <th scope="col">{t('systems.sector')}</th>
                    <th scope="col">{t('systems.department')}</th>
                    <th scope="col">{t('systems.owner')}</th>
                    <th scope="col">{t('systems.lifecycle')}</th>
                    <th scope="col">{t('systems.personalData')}</th>
                    <th scope="col">{t('systems.updated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((s) => (
                    <tr key={s.id}>
                      <th scope="row" className="cell-wrap cell-name">
                        <Link to={systemPath(s.id)}>{s.name}</Link>
                      </th>
                      <td>{vocabLabel(t, 'systemKind', s.kind)}</td>
                      <td className="cell-wrap">{sectors.label(s.sector)}</td>
                      <td className="cell-wrap cell-person">{s.departmentName ?? t('common.none')}</td>
                      <td className="cell-wrap cell-person">{s.ownerName ?? <span className="muted">{t('systems.noOwner')}</span>}</td>
                      <td>
                        <LifecycleBadge lifecycle={s.lifecycle} />
                      </td>
                      <td className="cell-wrap cell-badges">
                        <PersonalDataBadges values={s.personalData} />
                      </td>
                      <td>{formatDate(s.updatedAt)}</td>
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
                update({ page: p > 1 ? String(p) : null });
                headingRef.current?.focus();
              }}
            />
          </>
        )}
      </section>
    </>
  );
}
