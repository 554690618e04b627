import { Link } from 'react-router-dom';
import type { RiskItem } from '../../api/risks';
import { Badge } from '../../components/Badge';
import { useI18n } from '../../i18n';
import { componentPath } from '../requirements/paths';
import { riskPath } from './paths';
import { RatingBadge } from './RatingBadge';
import { threatName, treatmentLabel } from './vocab';

interface Props {
  items: RiskItem[];
  bands: readonly { key: string }[];
  caption: string;
  /** Hide the system column (on a system's own page). */
  showTarget?: boolean;
}

/** Risks, worst residual rating first: what, where, how bad before and after treatment, and who owns it. */
export function RiskTable({ items, bands, caption, showTarget = true }: Props) {
  const { t, formatDate } = useI18n();
  return (
    <table className="table table--risks">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('risks.table.risk')}</th>
          {showTarget && <th scope="col">{t('risks.table.target')}</th>}
          <th scope="col">{t('risks.table.inherent')}</th>
          <th scope="col">{t('risks.table.residual')}</th>
          <th scope="col">{t('risks.table.treatment')}</th>
          <th scope="col">{t('risks.table.owner')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id}>
            <th scope="row" className="cell-wrap risk-cell">
              <Link to={riskPath(r.id)} className="risk-cell__title">
                {r.title}
              </Link>
              <span className="muted small">{threatName(t, r.threat.key, r.threat.name)}</span>
              {(r.status === 'closed' || r.reviewOverdue) && (
                <span className="badge-row">
                  {r.status === 'closed' && <Badge>{t('riskStatus.closed')}</Badge>}
                  {r.reviewOverdue && <Badge tone="warning">{t('risks.reviewOverdue')}</Badge>}
                </span>
              )}
            </th>
            {showTarget && (
              <td className="cell-wrap">
                {r.target.type === 'system' ? (
                  <Link to={`/systems/${encodeURIComponent(r.target.id)}`}>{r.target.name}</Link>
                ) : (
                  <>
                    <Link to={componentPath(r.target.id)}>{r.target.name}</Link> <span className="muted small">{t('risks.component')}</span>
                  </>
                )}
              </td>
            )}
            <td>
              <RatingBadge bands={bands} rating={r.inherent.rating} label={r.inherent.ratingLabel} score={r.inherent.score} />
            </td>
            <td>
              <RatingBadge bands={bands} rating={r.residual.rating} label={r.residual.ratingLabel} score={r.residual.score} />
            </td>
            <td className="cell-wrap">
              {treatmentLabel(t, r.treatment)}
              {r.treatment === 'reduce' && r.controls.total > 0 && (
                <span className={`muted small risk-cell__controls${r.controls.implemented < r.controls.total ? ' is-open' : ''}`}>
                  {t('risks.controlsDone', { done: r.controls.implemented, total: r.controls.total })}
                </span>
              )}
              {r.treatment === 'transfer' && r.transferTo && (
                <span className="muted small risk-cell__controls">{t('risks.transferredTo', { to: r.transferTo })}</span>
              )}
              {r.acceptance && (
                <span className={`small risk-cell__controls${r.acceptance.expired ? ' is-open' : ' muted'}`}>
                  {t(r.acceptance.expired ? 'risks.acceptanceEnded' : 'risks.acceptedUntil', { date: formatDate(r.acceptance.expiresOn) })}
                </span>
              )}
            </td>
            <td className="cell-wrap">{r.ownerName ?? <span className="muted">{t('common.none')}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
