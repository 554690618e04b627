import { Link } from 'react-router-dom';
import type { Dashboard } from '../../api/baselines';
import { useI18n } from '../../i18n';
import { requirementsListPath } from '../requirements/paths';
import { formatShare } from '../requirements/status';
import { DUE_PATH } from '../systems/classificationView';
import { heatClass } from './heat';

const systemsPath = (departmentId: string | null, sector: string, securityLevel: string) => {
  const p = new URLSearchParams();
  if (departmentId) p.set('departmentId', departmentId);
  if (sector) p.set('sector', sector);
  if (securityLevel) p.set('securityLevel', securityLevel);
  const qs = p.toString();
  return qs ? `/systems?${qs}` : '/systems';
};

/** Per department: systems, implemented share, unclassified, reclassification overdue and overdue items, each a link. */
export function DepartmentTable({ data, sector, securityLevel }: { data: Dashboard; sector: string; securityLevel: string }) {
  const { t, locale, formatNumber } = useI18n();
  const num = (n: number, to: string | null, label: string) =>
    n > 0 && to ? (
      <Link to={to} aria-label={label}>
        {formatNumber(n)}
      </Link>
    ) : (
      <span className={n > 0 ? undefined : 'muted'}>{formatNumber(n)}</span>
    );
  return (
    <div className="table-wrap">
      <table className="table table--departments">
        <caption className="visually-hidden">{t('compliance.departments.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compliance.heatmap.department')}</th>
            <th scope="col" className="cell-num">
              {t('compliance.departments.systems')}
            </th>
            <th scope="col" className="cell-num">
              {t('compliance.departments.share')}
            </th>
            <th scope="col" className="cell-num">
              {t('compliance.kpi.unclassified')}
            </th>
            <th scope="col" className="cell-num">
              {t('compliance.kpi.reviewOverdue')}
            </th>
            <th scope="col" className="cell-num">
              {t('compliance.kpi.overdue')}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.byDepartment.map((d) => {
            const name = d.name || t('compliance.noDepartment');
            return (
              <tr key={d.departmentId ?? 'none'}>
                <th scope="row" className="cell-wrap">
                  {name}
                </th>
                <td className="cell-num">
                  {num(d.systems, systemsPath(d.departmentId, sector, securityLevel), t('compliance.departments.systemsOf', { name }))}
                </td>
                <td className="cell-num">
                  <span className={`share-pill ${heatClass(d.share)}`}>{formatShare(locale, d.share) ?? t('common.none')}</span>
                </td>
                <td className="cell-num">
                  {num(d.unclassified, `${DUE_PATH}?status=unclassified`, t('compliance.departments.unclassifiedOf', { name }))}
                </td>
                <td className="cell-num">
                  {num(d.reviewOverdue, `${DUE_PATH}?status=overdue`, t('compliance.departments.reviewOverdueOf', { name }))}
                </td>
                <td className="cell-num">
                  {num(
                    d.overdue,
                    d.departmentId ? requirementsListPath({ departmentId: d.departmentId, sector, securityLevel, overdue: true }) : null,
                    t('compliance.departments.overdueOf', { name }),
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
