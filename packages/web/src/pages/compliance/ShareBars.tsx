import { Link } from 'react-router-dom';
import type { Counts } from '../../api/baselines';
import { useI18n } from '../../i18n';
import { StackedBar } from '../requirements/StatusBar';
import { countsByStatus, formatShare, statusLabel } from '../requirements/status';

export interface ShareRow {
  key: string;
  label: string;
  counts: Counts;
  /** Where the row leads (the list behind it); none: not a link. */
  to: string | null;
}

/** One bar per family, sector, …: the status mix and the implemented share, each row a link to its list. */
export function ShareBars({ rows, caption }: { rows: ShareRow[]; caption: string }) {
  const { t, locale, formatNumber } = useI18n();
  return (
    <ul className="share-bars" aria-label={caption}>
      {rows.map((r) => {
        const c = countsByStatus(r.counts);
        const total = Object.values(c).reduce((a, b) => a + b, 0);
        const share = formatShare(locale, r.counts.share) ?? t('common.none');
        const body = (
          <>
            <span className="share-bar__label">{r.label}</span>
            <span className="share-bar__share">{share}</span>
            <StackedBar
              size="small"
              decorative
              label={r.label}
              segments={(['implemented', 'partially', 'planned', 'not-started', 'not-applicable'] as const).map((s) => ({
                key: s,
                fill: `status-fill--${s}`,
                value: c[s],
                label: statusLabel(t, s),
              }))}
            />
            <span className="share-bar__detail muted small">
              {t('compliance.bars.detail', {
                implemented: formatNumber(r.counts.implemented),
                total: formatNumber(total),
              })}
            </span>
          </>
        );
        return (
          <li key={r.key}>
            {r.to ? (
              <Link to={r.to} className="share-bar share-bar--link">
                {body}
              </Link>
            ) : (
              <span className="share-bar">{body}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
