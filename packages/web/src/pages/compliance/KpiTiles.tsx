import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Dashboard } from '../../api/baselines';
import { useI18n } from '../../i18n';
import { formatShare } from '../requirements/status';

export interface TileLinks {
  share: string;
  systems: string;
  unclassified: string;
  reviewOverdue: string;
  overdue: string;
}

function Tile({
  to,
  value,
  label,
  detail,
  tone,
}: {
  to: string;
  value: string;
  label: string;
  detail?: ReactNode;
  tone?: 'danger' | 'warning';
}) {
  return (
    <li>
      <Link to={to} className={`kpi${tone ? ` kpi--${tone}` : ''}`}>
        <span className="kpi__value">{value}</span>
        <span className="kpi__label">{label}</span>
        {detail && <span className="kpi__detail">{detail}</span>}
      </Link>
    </li>
  );
}

/** The headline numbers, each a link to the list behind it. */
export function KpiTiles({ totals, links }: { totals: Dashboard['totals']; links: TileLinks }) {
  const { t, tp, locale, formatNumber } = useI18n();
  const applicable = totals.implemented + totals.partially + totals.planned + totals.notStarted;
  return (
    <ul className="kpi-grid">
      <Tile
        to={links.share}
        value={formatShare(locale, totals.share) ?? t('common.none')}
        label={t('compliance.kpi.share')}
        detail={t('compliance.kpi.shareDetail', {
          implemented: formatNumber(totals.implemented),
          partially: formatNumber(totals.partially),
          applicable: formatNumber(applicable),
        })}
      />
      <Tile to={links.systems} value={formatNumber(totals.systems)} label={tp('compliance.kpi.systems', totals.systems)} />
      <Tile
        to={links.unclassified}
        value={formatNumber(totals.unclassified)}
        label={t('compliance.kpi.unclassified')}
        tone={totals.unclassified > 0 ? 'warning' : undefined}
      />
      <Tile
        to={links.reviewOverdue}
        value={formatNumber(totals.reviewOverdue)}
        label={t('compliance.kpi.reviewOverdue')}
        tone={totals.reviewOverdue > 0 ? 'danger' : undefined}
      />
      <Tile
        to={links.overdue}
        value={formatNumber(totals.overdue)}
        label={t('compliance.kpi.overdue')}
        tone={totals.overdue > 0 ? 'danger' : undefined}
      />
    </ul>
  );
}
