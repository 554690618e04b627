import { useRef } from 'react';
import { Link } from 'react-router-dom';
import { CALENDAR_STATES, type Calendar } from '../../api/audits';
import type { ClassificationMethod } from '../../api/classification';
import { api } from '../../api/client';
import { Badge } from '../../components/Badge';
import { EmptyState, LoadError } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { Pagination } from '../../components/Pagination';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { StackedBar } from '../requirements/StatusBar';
import { formatDay, securityLevelName, securityTone } from '../systems/classificationView';
import { systemPath } from '../systems/vocab';
import { CalendarBadge } from './bits';
import { calendarStateLabel } from './vocab';

const PAGE_SIZE = 20;

interface Props {
  state: string;
  page: number;
  onState: (state: string) => void;
  onPage: (page: number) => void;
  method: ClassificationMethod | undefined;
}

/**
 * When each system is next due for an independent audit: counts per state as tiles (each a filter)
 * and a bar, then the systems, overdue first.
 */
export function CalendarSection({ state, page, onState, onPage, method }: Props) {
  const { t, tp, locale, formatNumber } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const query = { state: state || undefined, page, pageSize: PAGE_SIZE };
  const res = useApi((signal) => api.get<Calendar>('/audits/calendar', query, { signal }), JSON.stringify(query));
  const data = res.data;
  const counts = data?.counts ?? {};
  const systems = CALENDAR_STATES.reduce((n, s) => n + (counts[s] ?? 0), 0);

  return (
    <section className="card card--flat audits-card stack" aria-labelledby="audit-calendar-title">
      <div className="card__header">
        <div>
          <h2 id="audit-calendar-title" className="card__title" ref={headingRef} tabIndex={-1}>
            {t('audits.calendar.title')}
          </h2>
          <p className="muted small">{t('audits.calendar.intro')}</p>
        </div>
      </div>
      {res.loading && !data ? (
        <Loading />
      ) : res.error || !data ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : (
        <>
          <ul className="calendar-tiles">
            {CALENDAR_STATES.map((s) => (
              <li key={s}>
                <button
                  type="button"
                  className={`calendar-tile calendar-tile--${s}`}
                  aria-pressed={state === s}
                  onClick={() => onState(state === s ? '' : s)}
                >
                  <span className="calendar-tile__value">{formatNumber(counts[s] ?? 0)}</span>
                  <span className="calendar-tile__label">{calendarStateLabel(t, s)}</span>
                </button>
              </li>
            ))}
          </ul>
          <StackedBar
            label={t('audits.calendar.barLabel')}
            segments={CALENDAR_STATES.map((s) => ({
              key: s,
              fill: `calendar-fill--${s}`,
              value: counts[s] ?? 0,
              label: calendarStateLabel(t, s),
            }))}
          />
          <div className="browser__heading">
            <h3 className="subsection-title">
              {state ? t('audits.calendar.filtered', { state: calendarStateLabel(t, state) }) : t('audits.calendar.all')}
            </h3>
            <p className="muted" role="status">
              {tp('audits.calendar.count', data.total, { count: formatNumber(data.total), systems: formatNumber(systems) })}
            </p>
            {state && (
              <button type="button" className="button button--ghost button--small" onClick={() => onState('')}>
                {t('audits.calendar.showAll')}
              </button>
            )}
          </div>
          {data.items.length === 0 ? (
            <EmptyState>{state ? t('audits.calendar.emptyFiltered') : t('audits.calendar.empty')}</EmptyState>
          ) : (
            <>
              <div className="table-wrap" aria-busy={res.loading}>
                <table className="table table--calendar">
                  <caption className="visually-hidden">{t('audits.calendar.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('audits.calendar.system')}</th>
                      <th scope="col">{t('audits.calendar.level')}</th>
                      <th scope="col">{t('audits.calendar.lastAudit')}</th>
                      <th scope="col">{t('audits.calendar.nextDue')}</th>
                      <th scope="col">{t('audits.calendar.state')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((i) => (
                      <tr key={i.systemId} className={i.state === 'overdue' ? 'row--overdue' : undefined}>
                        <th scope="row" className="cell-wrap">
                          <Link to={systemPath(i.systemId)}>{i.name}</Link>
                        </th>
                        <td>
                          {i.securityLevel ? (
                            <Badge tone={securityTone(method, i.securityLevel)}>
                              {securityLevelName(method, i.securityLevel) ?? i.securityLevel}
                            </Badge>
                          ) : (
                            <span className="muted">{t('audits.calendar.noLevel')}</span>
                          )}
                        </td>
                        <td>{formatDay(locale, i.lastAuditEnd) ?? <span className="muted">{t('audits.calendar.never')}</span>}</td>
                        <td className={i.state === 'overdue' ? 'cell-due cell-due--overdue' : 'cell-due'}>
                          {i.state === 'never-audited'
                            ? t('audits.calendar.dueNow')
                            : (formatDay(locale, i.nextDue) ?? <span className="muted">{t('common.none')}</span>)}
                        </td>
                        <td>
                          <CalendarBadge state={i.state} />
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
                  onPage(p);
                  headingRef.current?.focus();
                }}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
