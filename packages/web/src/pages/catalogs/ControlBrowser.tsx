import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { CatalogVersionInfo, ControlSummary, Page } from '../../api/types';
import { EmptyState, LoadError } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Pagination } from '../../components/Pagination';
import { useApi } from '../../hooks/useApi';
import { useDebounced } from '../../hooks/useDebounced';
import { useI18n } from '../../i18n';
import { WithdrawnBadge } from './CatalogBadges';
import { GroupFilter } from './GroupFilter';
import { controlPath } from './paths';

const PAGE_SIZE = 50;
const MAX_INDENT = 4;

/**
 * Groups on the left, a debounced server-side search on top and a paged list
 * of controls in document order. Group, search and page live in the URL, so
 * "back" from a control returns to the same place.
 */
export function ControlBrowser({ info }: { info: CatalogVersionInfo }) {
  const { t, tp, formatNumber } = useI18n();
  const [params, setParams] = useSearchParams();
  const group = params.get('group') ?? '';
  const q = params.get('q') ?? '';
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const [search, setSearch] = useState(q);
  const debounced = useDebounced(search.trim(), 300);
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

  const query = { page, pageSize: PAGE_SIZE, q, group };
  const list = useApi(
    (signal) => api.get<Page<ControlSummary>>(`/catalog-versions/${encodeURIComponent(info.id)}/controls`, query, { signal }),
    `${info.id}|${JSON.stringify(query)}`,
  );
  const data = list.data;

  return (
    <div className="browser">
      <GroupFilter groups={info.groups} total={info.controlCount} value={group} onChange={(id) => update({ group: id, page: null })} />
      <section className="browser__main stack" aria-labelledby="controls-title">
        <search>
          <TextField
            label={t('catalogs.browser.search')}
            type="search"
            value={search}
            onValueChange={setSearch}
            hint={t('catalogs.browser.searchHint')}
            autoComplete="off"
            spellCheck={false}
          />
        </search>
        <div className="browser__heading">
          <h2 id="controls-title" className="section-title" ref={headingRef} tabIndex={-1}>
            {t('catalogs.browser.controlsTitle')}
          </h2>
          <p className="muted" role="status">
            {data ? tp('catalogs.controlCount', data.total, { count: formatNumber(data.total) }) : ''}
          </p>
        </div>
        {list.loading && !data ? (
          <Loading />
        ) : list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : !data?.items.length ? (
          <EmptyState>{t('catalogs.browser.empty')}</EmptyState>
        ) : (
          <>
            <ul className="control-list" aria-labelledby="controls-title" aria-busy={list.loading}>
              {data.items.map((c) => (
                <li
                  key={c.id}
                  className={`control-list__item control-list__item--depth-${Math.min(Math.max(c.depth, 0), MAX_INDENT)}${c.withdrawn ? ' control-list__item--withdrawn' : ''}`}
                >
                  <Link to={controlPath(info.id, c.id)} className="control-list__link">
                    <span className="control-list__label">{c.label ?? c.id}</span>
                    <span className="control-list__title">{c.title}</span>
                  </Link>
                  {c.withdrawn && <WithdrawnBadge />}
                  {q && c.groupTitle && <span className="control-list__group">{c.groupTitle}</span>}
                </li>
              ))}
            </ul>
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
    </div>
  );
}
