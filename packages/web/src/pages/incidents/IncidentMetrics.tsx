import { api } from '../../api/client';
import type { IncidentMetrics as Metrics } from '../../api/incidents';
import { LoadError } from '../../components/Feedback';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { useSectorLabel } from './lookups';

const WIDTH = 1000;

interface Row {
  key: string;
  label: string;
  count: number;
}

/** Horizontal bars (SVG widths as attributes: the strict CSP allows no inline style); the numbers are text beside them. */
function Bars({ rows, caption, id }: { rows: Row[]; caption: string; id: string }) {
  const { t, formatNumber } = useI18n();
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <figure className="incident-bars" aria-labelledby={id}>
      <figcaption id={id} className="subsection-title">
        {caption}
      </figcaption>
      {rows.length === 0 ? (
        <p className="muted small">{t('incidents.metrics.noData')}</p>
      ) : (
        <ul className="incident-bars__list">
          {rows.map((r) => (
            <li key={r.key} className="incident-bars__row">
              <span className="incident-bars__label">{r.label}</span>
              <svg
                className="incident-bars__svg"
                viewBox={`0 0 ${WIDTH} 10`}
                preserveAspectRatio="none"
                aria-hidden="true"
                focusable="false"
              >
                <rect className="incident-bars__track" x={0} y={0} width={WIDTH} height={10} />
                <rect className="incident-bars__fill" x={0} y={0} width={(r.count / max) * WIDTH} height={10} />
              </svg>
              <span className="incident-bars__value">{formatNumber(r.count)}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

/** The last year at a glance (incidents:read): totals, the median time to contain, incidents by type and by sector. */
export function IncidentMetrics({ typeLabel }: { typeLabel: (key: string | null) => string }) {
  const { t, formatNumber, locale } = useI18n();
  const sectorLabel = useSectorLabel();
  const res = useApi((signal) => api.get<Metrics>('/incidents/metrics', { days: 365 }, { signal }), 'incident-metrics');
  if (res.error) return <LoadError error={res.error} onRetry={res.reload} />;
  const m = res.data;
  if (!m) return null;
  const hours = m.medianHoursToContain;
  const median =
    hours === null
      ? t('incidents.metrics.noMedian')
      : hours >= 48
        ? t('incidents.metrics.days', { value: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(hours / 24) })
        : t('incidents.metrics.hours', { value: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(hours) });
  return (
    <section className="card card--flat incident-metrics" aria-labelledby="incident-metrics-title">
      <h2 id="incident-metrics-title" className="card__title">
        {t('incidents.metrics.title')}
      </h2>
      <dl className="incident-metrics__tiles">
        <div>
          <dt>{t('incidents.metrics.total')}</dt>
          <dd>{formatNumber(m.total)}</dd>
        </div>
        <div>
          <dt>{t('incidents.metrics.open')}</dt>
          <dd>{formatNumber(m.open)}</dd>
        </div>
        <div>
          <dt>{t('incidents.metrics.significant')}</dt>
          <dd>{formatNumber(m.significant)}</dd>
        </div>
        <div>
          <dt>{t('incidents.metrics.median')}</dt>
          <dd>{median}</dd>
        </div>
      </dl>
      <div className="incident-metrics__charts">
        <Bars
          id="incident-metrics-type"
          caption={t('incidents.metrics.byType')}
          rows={m.byType.map((r) => ({ key: r.type ?? '', label: typeLabel(r.type), count: r.count }))}
        />
        <Bars
          id="incident-metrics-sector"
          caption={t('incidents.metrics.bySector')}
          rows={m.bySector.map((r) => ({ key: r.sector, label: sectorLabel(r.sector), count: r.count }))}
        />
      </div>
    </section>
  );
}
