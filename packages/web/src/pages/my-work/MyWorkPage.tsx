import { Link } from 'react-router-dom';
import type { MyWork } from '../../api/baselines';
import { api } from '../../api/client';
import { useAuth, useMe } from '../../auth/AuthContext';
import { Badge } from '../../components/Badge';
import { EmptyState, LoadError } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { MyCorrectiveActions } from '../audits/MyCorrectiveActions';
import { requirementPath, requirementsListPath } from '../requirements/paths';
import { StatusBadge } from '../requirements/StatusBadge';
import { classifyPath, formatDay } from '../systems/classificationView';
import { systemPath } from '../systems/vocab';

const LIMIT = 200;

/** What is mine to do: open requirements assigned to me (overdue first) and my systems waiting for a classification. */
export function MyWorkPage() {
  const { t, tp, locale, formatNumber } = useI18n();
  const { can } = useAuth();
  const me = useMe();
  const res = useApi((signal) => api.get<MyWork>('/my/work', { limit: LIMIT }, { signal }), '');
  const data = res.data;
  const read = can('systems:read');
  const classify = can('systems:edit');

  return (
    <>
      <PageHeader
        title={t('myWork.title')}
        intro={
          data
            ? `${tp('myWork.open', data.open, { count: formatNumber(data.open) })} ${
                data.overdue ? tp('myWork.overdue', data.overdue, { count: formatNumber(data.overdue) }) : ''
              }`.trim()
            : t('myWork.intro')
        }
        actions={
          read && data && data.open > 0 ? (
            <Link to={requirementsListPath({ responsibleId: me.id })} className="button button--secondary">
              {t('myWork.openList')}
            </Link>
          ) : undefined
        }
      />
      <MyCorrectiveActions />
      {res.loading && !data ? (
        <Loading />
      ) : res.error || !data ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : (
        <>
          <section className="stack" aria-labelledby="my-requirements-title">
            <h2 id="my-requirements-title" className="section-title">
              {t('myWork.requirementsTitle')}
            </h2>
            {data.requirements.length === 0 ? (
              <EmptyState>{t('myWork.noRequirements')}</EmptyState>
            ) : (
              <>
                <div className="table-wrap">
                  <table className="table table--requirements">
                    <caption className="visually-hidden">{t('myWork.requirementsTitle')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('requirements.table.requirement')}</th>
                        <th scope="col">{t('requirements.table.system')}</th>
                        <th scope="col">{t('requirements.status')}</th>
                        <th scope="col">{t('requirements.dueDate')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.requirements.map((r) => (
                        <tr key={r.id} className={r.overdue ? 'row--overdue' : undefined}>
                          <th scope="row" className="cell-wrap cell-requirement">
                            {read ? (
                              <Link to={requirementPath(r.id)} className="requirement-link">
                                <span className="requirement-link__id">{r.label ?? r.controlId}</span> {r.title}
                              </Link>
                            ) : (
                              `${r.label ?? r.controlId} ${r.title}`
                            )}
                          </th>
                          <td className="cell-wrap cell-person">
                            {read ? <Link to={systemPath(r.systemId)}>{r.systemName}</Link> : r.systemName}
                          </td>
                          <td>
                            <StatusBadge status={r.status} />
                          </td>
                          <td className={r.overdue ? 'cell-due cell-due--overdue' : 'cell-due'}>
                            {r.dueDate ? formatDay(locale, r.dueDate) : <span className="muted">{t('myWork.noDueDate')}</span>}
                            {r.overdue && (
                              <>
                                {' '}
                                <Badge tone="danger">{t('requirements.overdueBadge')}</Badge>
                              </>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {data.open > data.requirements.length && (
                  <p className="muted small">
                    {t('myWork.more', { shown: formatNumber(data.requirements.length), total: formatNumber(data.open) })}
                  </p>
                )}
              </>
            )}
          </section>
          <section className="stack" aria-labelledby="my-systems-title">
            <h2 id="my-systems-title" className="section-title">
              {t('myWork.systemsTitle')}
            </h2>
            {data.systems.length === 0 ? (
              <EmptyState>{t('myWork.noSystems')}</EmptyState>
            ) : (
              <ul className="work-list">
                {data.systems.map((s) => (
                  <li key={s.id} className="work-list__item">
                    <span className="work-list__main">
                      {read ? (
                        <Link to={systemPath(s.id)} className="work-list__name">
                          {s.name}
                        </Link>
                      ) : (
                        <span className="work-list__name">{s.name}</span>
                      )}{' '}
                      {s.reason === 'unclassified' ? (
                        <Badge>{t('classification.status.unclassified')}</Badge>
                      ) : (
                        <Badge tone="danger">{t('myWork.reviewOverdue', { date: formatDay(locale, s.reviewDue) ?? '' })}</Badge>
                      )}
                    </span>
                    {classify && (
                      <Link
                        to={classifyPath(s.id)}
                        className="button button--secondary button--small"
                        aria-label={t('classification.due.classifyLabel', { name: s.name })}
                      >
                        {s.reason === 'unclassified' ? t('classification.classify') : t('classification.reclassify')}
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
