import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { IncidentListItem } from '../../api/incidents';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { Countdown } from './bits';
import { liveState, useNow } from './clock';
import { INCIDENTS_PATH, incidentPath, NEW_INCIDENT_PATH, stageLabel } from './vocab';

/** On the home page: open incidents and the nearest NIS2 / GDPR reporting deadline, each a link. */
export function DashboardIncidents() {
  const { t, tp, formatNumber } = useI18n();
  const { can } = useAuth();
  const allowed = can('incidents:report');
  // Reporting deadlines matter to those who handle or oversee incidents; reporters follow their own.
  const oversee = can('incidents:read') || can('incidents:manage');
  const now = useNow();
  const res = useApi(
    (signal) =>
      allowed
        ? api.get<Page<IncidentListItem>>('/incidents', { open: true, pageSize: 200 }, { signal }).catch(() => undefined)
        : Promise.resolve(undefined),
    `dashboard-incidents-${allowed}`,
  );
  const data = res.data;
  if (!data) return null;
  const next = data.items
    .filter((i) => i.nextDeadline)
    .sort((a, b) => (a.nextDeadline?.due ?? '').localeCompare(b.nextDeadline?.due ?? ''))[0];
  const state = next?.nextDeadline ? liveState({ due: next.nextDeadline.due, state: 'pending' }, now) : null;
  const tone = state === 'overdue' ? ' kpi--danger' : state === 'due-soon' ? ' kpi--warning' : '';

  return (
    <section aria-labelledby="incidents-glance-title" className="stack">
      <div className="browser__heading">
        <h2 id="incidents-glance-title" className="section-title">
          {t('incidents.glance.title')}
        </h2>
        <span className="form-actions">
          <Link to={NEW_INCIDENT_PATH} className="button button--ghost button--small">
            {t('incidents.reportAction')}
          </Link>
          <Link to={INCIDENTS_PATH} className="button button--ghost button--small">
            {t('incidents.glance.open')}
          </Link>
        </span>
      </div>
      <ul className="kpi-grid incident-glance">
        <li>
          <Link to={`${INCIDENTS_PATH}?open=true`} className={`kpi${data.total > 0 ? ' kpi--warning' : ''}`}>
            <span className="kpi__value">{formatNumber(data.total)}</span>
            <span className="kpi__label">{tp(oversee ? 'incidents.glance.openCount' : 'incidents.glance.openMine', data.total)}</span>
          </Link>
        </li>
        {oversee && (
          <li>
            {next?.nextDeadline ? (
              <Link to={incidentPath(next.id)} className={`kpi${tone}`}>
                <span className="kpi__value kpi__value--text">
                  <Countdown due={next.nextDeadline.due} />
                </span>
                <span className="kpi__label">{t('incidents.glance.nextDeadline')}</span>
                <span className="kpi__detail">
                  {t('incidents.glance.deadlineOf', { stage: stageLabel(t, next.nextDeadline.stage), ref: next.ref })}
                </span>
              </Link>
            ) : (
              <Link to={INCIDENTS_PATH} className="kpi">
                <span className="kpi__value kpi__value--text">{t('incidents.glance.noDeadline')}</span>
                <span className="kpi__label">{t('incidents.glance.nextDeadline')}</span>
              </Link>
            )}
          </li>
        )}
      </ul>
    </section>
  );
}
