import { Link } from 'react-router-dom';
import { bandStep, type Heatmap } from '../../api/risks';
import { useI18n } from '../../i18n';
import { risksListPath } from './paths';

interface Props {
  data: Heatmap;
  basis: 'inherent' | 'residual';
  title: string;
  titleId: string;
  /** Narrow the links to one system's risks. */
  systemId?: string;
}

/**
 * Impact (rows, highest on top) × likelihood (columns) of the open risks, each cell coloured by the
 * rating it has on the organisation's matrix; a cell with risks leads to the list filtered to it.
 */
export function RiskHeatmap({ data, basis, title, titleId, systemId }: Props) {
  const { t, formatNumber } = useI18n();
  const rows = data.impact.map((label, i) => ({ label, impact: i + 1 })).reverse();
  const band = (key: string) => data.bands.find((b) => b.key === key)?.label ?? key;
  return (
    <figure className="risk-heatmap">
      <figcaption id={titleId} className="risk-heatmap__title">
        {title}
      </figcaption>
      <div className="risk-heatmap__frame">
        <span className="risk-heatmap__axis risk-heatmap__axis--y" aria-hidden="true">
          {t('risks.heatmap.impact')}
        </span>
        <table className="risk-heatmap__grid" aria-labelledby={titleId}>
          <thead>
            <tr>
              <td />
              {data.likelihood.map((l) => (
                <th key={l} scope="col">
                  {l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.impact}>
                <th scope="row">{r.label}</th>
                {data.likelihood.map((l, li) => {
                  const c = data.cells.find((x) => x.likelihood === li + 1 && x.impact === r.impact);
                  const n = c ? c[basis] : 0;
                  const rating = c ? band(c.rating) : '';
                  const name = t('risks.heatmap.cell', { impact: r.label, likelihood: l, rating, count: formatNumber(n) });
                  return (
                    <td
                      key={l}
                      className={`risk-heatmap__cell risk-step--${c ? bandStep(data.bands, c.rating) : 0}${n ? '' : ' is-empty'}`}
                    >
                      {n > 0 ? (
                        <Link
                          to={risksListPath({ basis, likelihood: li + 1, impact: r.impact, status: 'open', systemId })}
                          title={name}
                          aria-label={name}
                        >
                          {formatNumber(n)}
                        </Link>
                      ) : (
                        <span title={name}>
                          <span className="visually-hidden">{name}</span>
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="risk-heatmap__axis risk-heatmap__axis--x" aria-hidden="true">
        {t('risks.heatmap.likelihood')}
      </p>
    </figure>
  );
}

/** The bands as a legend under the heatmaps. */
export function BandLegend({ bands }: { bands: Heatmap['bands'] }) {
  const { t } = useI18n();
  return (
    <ul className="risk-legend" aria-label={t('risks.heatmap.legend')}>
      {bands.map((b) => (
        <li key={b.key}>
          <span className={`risk-legend__swatch risk-step--${bandStep(bands, b.key)}`} aria-hidden="true" />
          {b.label}
        </li>
      ))}
    </ul>
  );
}
