import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { BulkResult, RequirementItem } from '../../api/baselines';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { EmptyState, ErrorAlert, LoadError, Notice } from '../../components/Feedback';
import type { Option } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Pagination } from '../../components/Pagination';
import { useApi } from '../../hooks/useApi';
import { useDebounced } from '../../hooks/useDebounced';
import { useI18n } from '../../i18n';
import { BulkEditBar } from './BulkEditBar';
import { isFiltered, type RequirementFilterValues, toQuery } from './filters';
import { RequirementFilters } from './RequirementFilters';
import { RequirementTable } from './RequirementTable';

export const PAGE_SIZE = 50;
/** The most ids one bulk request takes. */
const BULK_MAX = 5000;
const FETCH_SIZE = 200;

interface Props {
  title: string;
  titleId: string;
  values: RequirementFilterValues;
  page: number;
  /** Filter changes; the page goes back to 1. */
  onChange: (changes: Partial<RequirementFilterValues>) => void;
  onPage: (page: number) => void;
  onClear: () => void;
  families: Option[];
  departments?: Option[];
  sectors?: Option[];
  levels?: Option[];
  showSystem: boolean;
  /** Checkboxes and the bulk-edit bar. */
  editable: boolean;
  /** Filters that belong to the place the list is shown (e.g. the system on its page): never cleared. */
  fixed?: (keyof RequirementFilterValues)[];
  /** After a bulk change (e.g. to reload a progress bar). */
  onChanged?: () => void;
  /** Shown above the table (e.g. the chosen system). */
  extra?: ReactNode;
  /** Level of the list's heading (2 on a page of its own, 3 inside a section). */
  level?: 2 | 3;
  /** Rows per page (50 unless given). */
  pageSize?: number;
  /** Changing it reloads the list (e.g. after something else changed the records). */
  refresh?: number;
}

/**
 * A server-paged requirement list with filters, selection across pages and bulk edit. Where the
 * filter values live (URL or state) is up to the page that shows it.
 */
export function RequirementBrowser(props: Props) {
  const { title, titleId, values, page, onChange, onPage, onClear, families, departments, showSystem, editable, fixed = [] } = props;
  const { t, tp, formatNumber } = useI18n();
  const [search, setSearch] = useState(values.q);
  const debounced = useDebounced(search.trim(), 300);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [selecting, setSelecting] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const filterKey = JSON.stringify(toQuery(values));
  const Heading = props.level === 2 ? 'h2' : 'h3';

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new search term changes the filter.
  useEffect(() => {
    if (debounced !== values.q) onChange({ q: debounced });
  }, [debounced]);

  // The search box follows the filter when it is changed from outside (e.g. "Clear filters").
  // biome-ignore lint/correctness/useExhaustiveDependencies: only an outside change of q resets the box.
  useEffect(() => {
    if (values.q !== debounced) setSearch(values.q);
  }, [values.q]);

  // A selection belongs to one filter: a new filter starts a new one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filter key is the trigger.
  useEffect(() => setSelected(new Set()), [filterKey]);

  const pageSize = props.pageSize ?? PAGE_SIZE;
  const query = { ...toQuery(values), page, pageSize };
  const list = useApi(
    (signal) => api.get<Page<RequirementItem>>('/requirements', query, { signal }),
    `${JSON.stringify(query)}|${props.refresh ?? 0}`,
  );
  const data = list.data;
  const filtered = isFiltered(values, fixed);

  const toggle = (ids: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  /** Every requirement the filter matches (in pages of 200), for "select all". */
  const selectAll = async () => {
    if (!data) return;
    setSelecting(true);
    setError(null);
    try {
      const ids: string[] = [];
      const base = toQuery(values);
      for (let p = 1; ids.length < Math.min(data.total, BULK_MAX); p++) {
        const res = await api.get<Page<RequirementItem>>('/requirements', { ...base, page: p, pageSize: FETCH_SIZE });
        ids.push(...res.items.map((r) => r.id));
        if (res.items.length < FETCH_SIZE) break;
      }
      setSelected(new Set(ids.slice(0, BULK_MAX)));
    } catch (e) {
      setError(e);
    } finally {
      setSelecting(false);
    }
  };

  const done = (result: BulkResult) => {
    setSelected(new Set());
    setMessage(
      tp('requirements.bulk.done', result.updated, {
        count: formatNumber(result.updated),
        systems: tp('requirements.bulk.systems', result.systems, { count: formatNumber(result.systems) }),
      }),
    );
    list.reload();
    props.onChanged?.();
  };

  const allOnPage = !!data && data.items.length > 0 && data.items.every((r) => selected.has(r.id));

  return (
    <div className="stack requirement-browser">
      <RequirementFilters
        search={search}
        onSearch={setSearch}
        values={values}
        onChange={(c) => {
          setMessage('');
          onChange(c);
        }}
        families={families}
        departments={departments}
        sectors={props.sectors}
        levels={props.levels}
        onClear={
          filtered || search
            ? () => {
                setSearch('');
                onClear();
              }
            : null
        }
      />
      {props.extra}
      <div className="browser__heading">
        <Heading id={titleId} className="section-title" ref={headingRef} tabIndex={-1}>
          {title}
        </Heading>
        <p className="muted" role="status">
          {data ? tp('requirements.count', data.total, { count: formatNumber(data.total) }) : ''}
        </p>
      </div>
      <Notice>{message}</Notice>
      <ErrorAlert error={error} />
      {editable && selected.size > 0 && (
        <>
          {allOnPage && data && data.total > selected.size && (
            <p className="select-all-note">
              {tp('requirements.table.selectedCount', selected.size, { count: formatNumber(selected.size) })}{' '}
              <button type="button" className="button button--ghost button--small" onClick={() => void selectAll()} disabled={selecting}>
                {data.total > BULK_MAX
                  ? t('requirements.table.selectMax', { count: formatNumber(BULK_MAX) })
                  : tp('requirements.table.selectAll', data.total, { count: formatNumber(data.total) })}
              </button>
            </p>
          )}
          <BulkEditBar ids={[...selected]} onDone={done} onClear={() => setSelected(new Set())} />
        </>
      )}
      {list.loading && !data ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : !data?.items.length ? (
        <EmptyState>{filtered ? t('requirements.emptyFiltered') : t('requirements.empty')}</EmptyState>
      ) : (
        <>
          <div className="table-wrap" aria-busy={list.loading}>
            <RequirementTable
              items={data.items}
              caption={title}
              showSystem={showSystem}
              selected={editable ? selected : undefined}
              onToggle={editable ? toggle : undefined}
            />
          </div>
          <Pagination
            page={page}
            pageSize={pageSize}
            total={data.total}
            onPage={(p) => {
              onPage(p);
              headingRef.current?.focus();
            }}
          />
        </>
      )}
    </div>
  );
}
