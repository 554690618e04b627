import { Link } from 'react-router-dom';
import type { Dashboard, RequirementQuery } from '../../api/baselines';
import type { ClassificationMethod } from '../../api/classification';
import { useI18n } from '../../i18n';
import { requirementsListPath } from '../requirements/paths';
import { formatShare } from '../requirements/status';
import { securityLevelName } from '../systems/classificationView';
import { heatClass } from './heat';

interface Props {
  data: Dashboard;
  method: ClassificationMethod | undefined;
  /** The page's filters (department, sector, level), carried into the lists the cells lead to. */
  query: RequirementQuery;
}

/**
 * Departments × security levels, each cell coloured by its implemented share and saying it in
 * numbers. A cell leads to the requirements of its department at its level, a row's total to the
 * department's.
 */
export function Heatmap({ data, method, query }: Props) {
  const { t, locale, formatNumber } = useI18n();
  const known = (method?.securityLevels ?? []).slice().sort((a, b) => a.rank - b.rank);
  const used = new Set(data.heatmap.map((c) => c.securityLevel));
  const levels: (string | null)[] = [
    ...known.map((l) => l.key),
    ...[...used].filter((l): l is string => l !== null && !known.some((k) => k.key === l)),
  ];
  if (used.has(null)) levels.push(null);
  const rows = data.byDepartment.filter((d) => data.heatmap.some((c) => c.departmentId === d.departmentId));
  const cell = (dept: string | null, level: string | null) =>
    data.heatmap.find((c) => c.departmentId === dept && c.securityLevel === level);
  const levelLabel = (l: string | null) => (l === null ? t('compliance.heatmap.noLevel') : (securityLevelName(method, l) ?? l));

  return (
    <div className="table-wrap">
      <table className="table heatmap">
        <caption className="visually-hidden">{t('compliance.heatmap.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compliance.heatmap.department')}</th>
            {levels.map((l) => (
              <th key={l ?? 'none'} scope="col" className="heatmap__level">
                {levelLabel(l)}
              </th>
            ))}
            <th scope="col" className="heatmap__level">
              {t('compliance.heatmap.all')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => {
            const name = d.name || t('compliance.noDepartment');
            // The API cannot ask for the systems without a department (nor, in a cell, without a level).
            const to = d.departmentId ? requirementsListPath({ ...query, departmentId: d.departmentId }) : null;
            return (
              <tr key={d.departmentId ?? 'none'}>
                <th scope="row" className="cell-wrap">
                  {name}
                </th>
                {levels.map((l) => {
                  const c = cell(d.departmentId, l);
                  if (!c) {
                    return (
                      <td key={l ?? 'none'} className="heatmap__cell heatmap__cell--empty">
                        <span className="visually-hidden">{t('compliance.heatmap.noSystems')}</span>
                      </td>
                    );
                  }
                  const share = formatShare(locale, c.share) ?? t('common.none');
                  const applicable = c.implemented + c.partially + c.planned + c.notStarted;
                  const title = t('compliance.heatmap.cellTitle', {
                    department: name,
                    level: levelLabel(l),
                    share,
                    implemented: formatNumber(c.implemented),
                    applicable: formatNumber(applicable),
                  });
                  const href =
                    d.departmentId && l !== null
                      ? requirementsListPath({ ...query, departmentId: d.departmentId, securityLevel: l })
                      : null;
                  return (
                    <td key={l ?? 'none'} className={`heatmap__cell ${heatClass(c.share)}`}>
                      {href ? (
                        <Link to={href} className="heatmap__link" title={title} aria-label={title}>
                          {share}
                        </Link>
                      ) : (
                        <span title={title}>{share}</span>
                      )}
                    </td>
                  );
                })}
                <td className={`heatmap__cell heatmap__cell--total ${heatClass(d.share)}`}>
                  {to ? (
                    <Link to={to} className="heatmap__link">
                      {formatShare(locale, d.share) ?? t('common.none')}
                    </Link>
                  ) : (
                    (formatShare(locale, d.share) ?? t('common.none'))
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
