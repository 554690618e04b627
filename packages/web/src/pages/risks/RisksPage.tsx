import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { RiskItem } from '../../api/risks';
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
import { useRiskMatrix, useThreatCatalogue } from './hooks';
import { NEW_RISK_PATH, RISK_MATRIX_PATH, RISK_REPORT_URL, THREATS_PATH } from './paths';
import { FILTER_KEYS, RiskFilters, type RiskFilterValues } from './RiskFilters';
import { RiskOverview } from './RiskOverview';
import { RiskTable } from './RiskTable';
import './risks.css';
import { threatName } from './vocab';

const PAGE_SIZE = 25;
type View = 'overview' | 'list';
/** Filters a heatmap cell sets: shown as one removable note above the list. */
const CELL_KEYS = ['basis', 'likelihood', 'impact', 'systemId'] as const;

/** /risks: the overview (heatmaps, top risks, gaps, expiring acceptances) and the register with filters in the URL. */
export function RisksPage() {
  const { t, tp, formatNumber } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'list' ? 'list' : 'overview';
  const q = params.get('q') ?? '';
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as RiskFilterValues;
  const cell = Object.fromEntries(CELL_KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof CELL_KEYS)[number], string>;
  const [search, setSearch] = useState(q);
  const debounced = useDebounced(search.trim(), 300);
  const matrix = useRiskMatrix();
  const threats = useThreatCatalogue();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const m = matrix.data?.matrix;

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

  const query = { page, pageSize: PAGE_SIZE, q, ...filters, ...cell };
  const list = useApi(
    (signal) => (view === 'list' ? api.get<Page<RiskItem>>('/risks', query, { signal }) : Promise.resolve(undefined)),
    `${view}|${JSON.stringify(query)}`,
  );
  const data = list.data;
  const filtered = q !== '' || FILTER_KEYS.some((k) => filters[k] !== '') || CELL_KEYS.some((k) => cell[k] !== '');
  const clear = () => {
    setSearch('');
    setParams({ view: 'list' }, { replace: true });
  };
  const threatOptions = useMemo(
    () => threats.items.map((x) => ({ value: x.key, label: threatName(t, x.key, x.name) })),
    [threats.items, t],
  );
  const ratingOptions = (m?.bands ?? []).map((b) => ({ value: b.key, label: b.label }));
  const cellNote =
    cell.likelihood && cell.impact && m
      ? t(cell.basis === 'inherent' ? 'risks.cellFilter.inherent' : 'risks.cellFilter.residual', {
          likelihood: m.likelihood[Number(cell.likelihood) - 1]?.label ?? cell.likelihood,
          impact: m.impact[Number(cell.impact) - 1]?.label ?? cell.impact,
        })
      : null;

  if (isForbidden(list.error) || isForbidden(matrix.error)) return <AccessDenied />;
  return (
    <>
      <PageHeader
        title={t('risks.title')}
        intro={t('risks.intro')}
        actions={
          <div className="form-actions">
            {(can('risks:manage') || can('systems:edit')) && (
              <Link to={NEW_RISK_PATH} className="button button--primary">
                {t('risks.new')}
              </Link>
            )}
            <a href={RISK_REPORT_URL} className="button button--secondary" download>
              {t('risks.report')}
            </a>
            <Link to={THREATS_PATH} className="button button--secondary">
              {t('risks.threats.title')}
            </Link>
            {can('risks:manage') && (
              <Link to={RISK_MATRIX_PATH} className="button button--secondary">
                {t('risks.matrix.title')}
              </Link>
            )}
          </div>
        }
      />
      {!can('systems:read-all') && <p className="alert alert--info">{t('risks.ownNote')}</p>}
      <Tabs
        label={t('risks.views')}
        tabs={[
          { key: 'overview', label: t('risks.viewOverview') },
          { key: 'list', label: t('risks.viewList') },
        ]}
        active={view}
        onChange={(v) => update({ view: v === 'list' ? 'list' : null, page: null })}
      >
        {view === 'overview' ? (
          <RiskOverview />
        ) : (
          <>
            <RiskFilters
              search={search}
              onSearch={setSearch}
              values={filters}
              threats={threatOptions}
              ratings={ratingOptions}
              onChange={(key, value) => update({ [key]: value, page: null })}
              onClear={filtered || search ? clear : null}
            />
            {cellNote && (
              <p className="alert alert--info risk-cell-note">
                <span>{cellNote}</span>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => update({ basis: null, likelihood: null, impact: null, page: null })}
                >
                  {t('risks.cellFilter.remove')}
                </button>
              </p>
            )}
            <section className="stack" aria-labelledby="risks-list-title">
              <div className="browser__heading">
                <h2 id="risks-list-title" className="section-title" ref={headingRef} tabIndex={-1}>
                  {t('risks.tableCaption')}
                </h2>
                <p className="muted" role="status">
                  {data ? tp('risks.count', data.total, { count: formatNumber(data.total) }) : ''}
                </p>
              </div>
              {list.loading && !data ? (
                <Loading />
              ) : list.error ? (
                <LoadError error={list.error} onRetry={list.reload} />
              ) : !data?.items.length ? (
                <EmptyState>{filtered ? t('risks.emptyFiltered') : t('risks.empty')}</EmptyState>
              ) : (
                <>
                  <div className="table-wrap" aria-busy={list.loading}>
                    <RiskTable items={data.items} bands={m?.bands ?? []} caption={t('risks.tableCaption')} />
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
        )}
      </Tabs>
    </>
  );
}
