import { Link } from 'react-router-dom';
import type { Action } from '../../api/audits';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useAuth, useMe } from '../../auth/AuthContext';
import { LoadError } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { formatDay } from '../systems/classificationView';
import { ActionStatusBadge, OverdueBadge } from './bits';
import { ACTIONS_PATH } from './vocab';

const LIMIT = 50;

/** "My corrective actions" on the my-work page: open actions I own, overdue in red, with the way to the plan of action. */
export function MyCorrectiveActions() {
  const { t, tp, locale, formatNumber } = useI18n();
  const { can } = useAuth();
  const me = useMe();
  const read = can('audits:read');
  const res = useApi(
    (signal) =>
      read
        ? api.get<Page<Action>>('/corrective-actions', { ownerId: me.id, open: true, pageSize: LIMIT }, { signal })
        : Promise.resolve(undefined),
    `my-actions|${me.id}|${read}`,
  );
  if (!read) return null;
  const data = res.data;
  const overdue = data?.items.filter((a) => a.overdue).length ?? 0;
  const mine = `${ACTIONS_PATH}?mine=true`;

  return (
    <section className="stack" aria-labelledby="my-actions-title">
      <div className="browser__heading">
        <h2 id="my-actions-title" className="section-title">
          {t('audits.myActions.title')}
        </h2>
        {data && data.total > 0 && (
          <p className="muted">
            {tp('audits.myActions.open', data.total, { count: formatNumber(data.total) })}{' '}
            {overdue > 0 && (
              <span className="cell-due--overdue">{tp('audits.myActions.overdue', overdue, { count: formatNumber(overdue) })}</span>
            )}
          </p>
        )}
      </div>
      {res.loading && !data ? (
        <Loading />
      ) : res.error || !data ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : data.items.length === 0 ? (
        <p className="muted">{t('audits.myActions.none')}</p>
      ) : (
        <>
          <ul className="work-list">
            {data.items.map((a) => (
              <li key={a.id} className={`work-list__item${a.overdue ? ' work-list__item--overdue' : ''}`}>
                <span className="work-list__main">
                  <Link to={mine} className="work-list__name">
                    {a.title}
                  </Link>{' '}
                  <span className="muted small">
                    {a.source.type === 'finding'
                      ? t('audits.actions.fromFinding', { ref: a.source.ref })
                      : t('audits.actions.fromIncident', { ref: a.source.ref })}
                  </span>
                </span>
                <span className="badge-row">
                  <ActionStatusBadge status={a.status} />
                  <span className={a.overdue ? 'cell-due--overdue small' : 'small'}>
                    {a.dueDate ? t('audits.actions.dueOn', { date: formatDay(locale, a.dueDate) ?? a.dueDate }) : t('audits.actions.noDue')}
                  </span>
                  {a.overdue && <OverdueBadge />}
                </span>
              </li>
            ))}
          </ul>
          <p className="small">
            <Link to={mine}>{t('audits.myActions.openList')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
