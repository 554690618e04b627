import { Link } from 'react-router-dom';
import type { IncidentListItem } from '../../api/incidents';
import { useI18n } from '../../i18n';
import { SeverityBadge, SignificantBadge, StatusBadge, ZonedTime } from './bits';
import { NextDeadline } from './NextDeadline';
import { incidentPath } from './vocab';

interface Props {
  items: IncidentListItem[];
  typeLabel: (key: string | null) => string;
  zone: string;
  caption: string;
}

/** The incident list: reference and title first, then what decides urgency. */
export function IncidentTable({ items, typeLabel, zone, caption }: Props) {
  const { t } = useI18n();
  return (
    <table className="table table--incidents">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('incidents.table.incident')}</th>
          <th scope="col">{t('incidents.table.type')}</th>
          <th scope="col">{t('incidents.table.state')}</th>
          <th scope="col">{t('incidents.table.deadline')}</th>
          <th scope="col">{t('incidents.table.handler')}</th>
          <th scope="col">{t('incidents.table.detected')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.id}>
            <th scope="row" className="cell-wrap incident-cell">
              <span className="incident-ref">{i.ref}</span>
              <Link to={incidentPath(i.id)} className="incident-cell__title">
                {i.title}
              </Link>
              {(i.significant || i.reportCount > 1) && (
                <span className="badge-row">
                  {i.significant && <SignificantBadge />}
                  {i.reportCount > 1 && <span className="muted small">{t('incidents.reportCount', { count: i.reportCount })}</span>}
                </span>
              )}
            </th>
            <td className="cell-wrap incident-cell__type">{typeLabel(i.type)}</td>
            <td>
              <span className="incident-cell__state">
                <StatusBadge status={i.status} />
                <SeverityBadge severity={i.severity} />
              </span>
            </td>
            <td className="cell-wrap">
              <NextDeadline item={i} />
            </td>
            <td className="cell-wrap">{i.handlerName ?? <span className="muted">{t('incidents.noHandler')}</span>}</td>
            <td className="cell-wrap incident-cell__time">
              <ZonedTime iso={i.detectedAt} zone={zone} short />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
