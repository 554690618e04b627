import { useRef } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { DUE_STATUSES, type DueList, type DueStatus } from '../../api/classification';
import { api } from '../../api/client';
import { useAuth, useMe } from '../../auth/AuthContext';
import { AccessDenied } from '../../components/AccessDenied';
import { Badge, type Tone } from '../../components/Badge';
import { isForbidden } from '../../components/errors';
import { EmptyState, LoadError } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { Pagination } from '../../components/Pagination';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { classifyPath, formatDay, securityLevelName, securityTone, useMethod } from '../systems/classificationView';
import { systemPath } from '../systems/vocab';

const PAGE_SIZE = 25;
const WITHIN = [30, 60, 90, 180, 365] as const;
const DEFAULT_WITHIN = 30;

export const STATUS_TONE: Record<DueStatus, Tone> = { unclassified: 'neutral', overdue: 'danger', 'due-soon': 'warning' };

const isStatus = (v: string | null): v is DueStatus => DUE_STATUSES.includes(v as DueStatus);

/**
 * The reclassification worklist: systems never classified and systems whose review is overdue or
 * due soon, oldest first. Paged and filtered on the server; the filters live in the URL.
 */
export function ReclassificationDuePage() {
  const { t, tp, locale, formatNumber } = useI18n();
  const { can } = useAuth();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : '';
  const withinParam = Number(params.get('within'));
  const within = WITHIN.includes(withinParam as (typeof WITHIN)[number]) ? withinParam : DEFAULT_WITHIN;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const method = useMethod().data?.method;

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

  const query = { page, pageSize: PAGE_SIZE, within, status };
  const list = useApi((signal) => api.get<DueList>('/classification/due', query, { signal }), JSON.stringify(query));
  const data = list.data;
  const mayClassify = (ownerId: string | null) => can('systems:edit') && (can('systems:manage-all') || ownerId === me.id);

  if (isForbidden(list.error)) return <AccessDenied />;
  return (
    <>
      <PageHeader title={t('classification.due.title')} intro={t('classification.due.intro')} />
      {!can('systems:read-all') && <p className="alert alert--info">{t('systems.ownNote')}</p>}
      <search className="filters" aria-label={t('classification.due.filters')}>
        <SelectField
          label={t('classification.due.status')}
          value={status}
          onValueChange={(v) => update({ status: v || null, page: null })}
          options={[
            { value: '', label: t('classification.due.allStatuses') },
            ...DUE_STATUSES.map((s) => ({ value: s, label: t(`classification.status.${s}`) })),
          ]}
        />
        <SelectField
          label={t('classification.due.within')}
          value={String(within)}
          onValueChange={(v) => update({ within: Number(v) === DEFAULT_WITHIN ? null : v, page: null })}
          options={WITHIN.map((n) => ({ value: String(n), label: t('classification.due.withinDays', { count: n }) }))}
        />
      </search>
      <section className="stack" aria-labelledby="due-list-title">
        <div className="browser__heading">
          <h2 id="due-list-title" className="section-title" ref={headingRef} tabIndex={-1}>
            {t('classification.due.tableCaption')}
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
          <EmptyState>{status ? t('classification.due.emptyFiltered') : t('classification.due.empty')}</EmptyState>
        ) : (
          <>
            <div className="table-wrap" aria-busy={list.loading}>
              <table className="table table--due">
                <caption className="visually-hidden">{t('classification.due.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('systems.name')}</th>
                    <th scope="col">{t('classification.due.statusColumn')}</th>
                    <th scope="col">{t('classification.reviewDue')}</th>
                    <th scope="col">{t('classification.notation')}</th>
                    <th scope="col">{t('classification.securityLevel')}</th>
                    <th scope="col">{t('systems.owner')}</th>
                    <th scope="col">{t('systems.department')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((s) => (
                    <tr key={s.systemId}>
                      <th scope="row" className="cell-wrap cell-name">
                        <Link to={systemPath(s.systemId)}>{s.name}</Link>
                      </th>
                      <td>
                        <Badge tone={STATUS_TONE[s.status]}>{t(`classification.status.${s.status}`)}</Badge>
                      </td>
                      <td className={s.status === 'overdue' ? 'review--overdue' : undefined}>
                        {formatDay(locale, s.reviewDue) ?? <span className="muted">{t('common.none')}</span>}
                      </td>
                      <td>
                        {s.notation ? <span className="notation">{s.notation}</span> : <span className="muted">{t('common.none')}</span>}
                      </td>
                      <td>
                        {s.securityLevel ? (
                          <Badge tone={securityTone(method, s.securityLevel)}>{securityLevelName(method, s.securityLevel)}</Badge>
                        ) : (
                          <span className="muted">{t('common.none')}</span>
                        )}
                      </td>
                      <td className="cell-wrap cell-person">{s.ownerName ?? <span className="muted">{t('systems.noOwner')}</span>}</td>
                      <td className="cell-wrap cell-person">{s.departmentName ?? t('common.none')}</td>
                      <td className="cell-actions">
                        {mayClassify(s.ownerId) && (
                          <Link
                            to={classifyPath(s.systemId)}
                            className="button button--secondary button--small"
                            aria-label={t('classification.due.classifyLabel', { name: s.name })}
                          >
                            {s.status === 'unclassified' ? t('classification.classify') : t('classification.reclassify')}
                          </Link>
                        )}
                      </td>
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
