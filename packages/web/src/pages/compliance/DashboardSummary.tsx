import { Link } from 'react-router-dom';
import type { Dashboard, MyWork } from '../../api/baselines';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { COMPLIANCE_PATH, MY_WORK_PATH, requirementsListPath } from '../requirements/paths';
import { formatShare } from '../requirements/status';
import { DUE_PATH } from '../systems/classificationView';

/** On the home page: my open work and (with systems:read) the city's headline compliance numbers, each a link. */
export function DashboardSummary() {
  const { t, tp, locale, formatNumber } = useI18n();
  const { can } = useAuth();
  const read = can('systems:read');
  const work = useApi((signal) => api.get<MyWork>('/my/work', { limit: 1 }, { signal }), 'my-work-summary');
  const dash = useApi(
    (signal) => (read ? api.get<Dashboard>('/dashboard/compliance', undefined, { signal }) : Promise.resolve(undefined)),
    `compliance-summary-${read}`,
  );
  const w = work.data;
  const d = dash.data;
  if (!w && !d) return null;

  return (
    <section aria-labelledby="glance-title" className="stack">
      <div className="browser__heading">
        <h2 id="glance-title" className="section-title">
          {t('compliance.glance.title')}
        </h2>
        {d && (
          <Link to={COMPLIANCE_PATH} className="button button--ghost button--small">
            {t('compliance.glance.open')}
          </Link>
        )}
      </div>
      <ul className="kpi-grid">
        {w && (
          <li>
            <Link to={MY_WORK_PATH} className={`kpi${w.overdue > 0 ? ' kpi--danger' : ''}`}>
              <span className="kpi__value">{formatNumber(w.open)}</span>
              <span className="kpi__label">{tp('compliance.glance.mine', w.open)}</span>
              <span className="kpi__detail">
                {w.overdue > 0
                  ? tp('compliance.glance.mineOverdue', w.overdue, { count: formatNumber(w.overdue) })
                  : t('compliance.glance.nothingOverdue')}
                {w.systems.length > 0 &&
                  ` · ${tp('compliance.glance.mySystems', w.systems.length, { count: formatNumber(w.systems.length) })}`}
              </span>
            </Link>
          </li>
        )}
        {d && (
          <>
            <li>
              <Link to={COMPLIANCE_PATH} className="kpi">
                <span className="kpi__value">{formatShare(locale, d.totals.share) ?? t('common.none')}</span>
                <span className="kpi__label">{t('compliance.kpi.share')}</span>
                <span className="kpi__detail">
                  {tp('compliance.glance.systems', d.totals.systems, { count: formatNumber(d.totals.systems) })}
                </span>
              </Link>
            </li>
            <li>
              <Link to={requirementsListPath({ overdue: true })} className={`kpi${d.totals.overdue > 0 ? ' kpi--danger' : ''}`}>
                <span className="kpi__value">{formatNumber(d.totals.overdue)}</span>
                <span className="kpi__label">{t('compliance.kpi.overdue')}</span>
              </Link>
            </li>
            <li>
              <Link to={`${DUE_PATH}?status=unclassified`} className={`kpi${d.totals.unclassified > 0 ? ' kpi--warning' : ''}`}>
                <span className="kpi__value">{formatNumber(d.totals.unclassified)}</span>
                <span className="kpi__label">{t('compliance.kpi.unclassified')}</span>
              </Link>
            </li>
          </>
        )}
      </ul>
    </section>
  );
}
