import { useId } from 'react';
import { useI18n } from '../../i18n';
import { formatDay } from '../systems/classificationView';

export interface TrendPoint {
  day: string;
  value: number | null;
}

interface Props {
  title: string;
  points: TrendPoint[];
  /** Fixed top of the scale (1 for shares); otherwise the largest value, rounded up. */
  max?: number;
  format: (value: number) => string;
  tone: 'share' | 'overdue';
}

const W = 480;
const H = 190;
const PAD = { top: 12, right: 14, bottom: 28, left: 46 };

/** The top of a count scale: four whole-number steps of 1, 2 or 5 × 10ⁿ that reach `v`. */
function niceMax(v: number): number {
  const quarter = Math.max(1, v / 4);
  const pow = 10 ** Math.floor(Math.log10(quarter));
  const step = [1, 2, 5, 10].find((s) => s * pow >= quarter) ?? 10;
  return step * pow * 4;
}

const dayNumber = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;

/**
 * A hand-drawn SVG line over days (gaps where a day has no value), with four grid lines, the first
 * and last day on the axis and a table of the same points as its text alternative.
 */
export function TrendChart({ title, points, max, format, tone }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const top = max ?? niceMax(Math.max(0, ...values));
  const first = points[0];
  const last = points[points.length - 1];
  const d0 = first ? dayNumber(first.day) : 0;
  const d1 = last ? dayNumber(last.day) : 1;
  const span = Math.max(1, d1 - d0);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (day: string) => (points.length === 1 ? PAD.left + innerW / 2 : PAD.left + ((dayNumber(day) - d0) / span) * innerW);
  const y = (v: number) => PAD.top + innerH - (Math.min(v, top) / top) * innerH;

  // Runs of consecutive points with a value, one polyline each.
  const runs: TrendPoint[][] = [];
  let run: TrendPoint[] = [];
  for (const p of points) {
    if (p.value === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(p);
  }
  if (run.length) runs.push(run);
  const latest = [...points].reverse().find((p) => p.value !== null);
  const summary = latest
    ? t('compliance.trend.summary', { title, value: format(latest.value ?? 0), date: formatDay(locale, latest.day) ?? latest.day })
    : t('compliance.trend.empty', { title });

  return (
    <figure className="trend">
      <figcaption id={`${id}-caption`} className="trend__title">
        {title}
      </figcaption>
      <svg className={`trend__svg trend__svg--${tone}`} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f}>
            <line className="trend__grid" x1={PAD.left} x2={W - PAD.right} y1={y(top * f)} y2={y(top * f)} />
            <text className="trend__axis" x={PAD.left - 8} y={y(top * f) + 4} textAnchor="end">
              {format(top * f)}
            </text>
          </g>
        ))}
        {first && (
          <text
            className="trend__axis"
            x={points.length === 1 ? x(first.day) : PAD.left}
            y={H - 8}
            textAnchor={points.length === 1 ? 'middle' : 'start'}
          >
            {formatDay(locale, first.day)}
          </text>
        )}
        {last && last !== first && (
          <text className="trend__axis" x={W - PAD.right} y={H - 8} textAnchor="end">
            {formatDay(locale, last.day)}
          </text>
        )}
        {runs.map((r) => (
          <polyline key={r[0]?.day} className="trend__line" points={r.map((p) => `${x(p.day)},${y(p.value ?? 0)}`).join(' ')} />
        ))}
        {points.map((p) =>
          p.value === null || (points.length > 31 && p !== latest) ? null : (
            <circle key={p.day} className="trend__dot" cx={x(p.day)} cy={y(p.value)} r={3.5}>
              <title>{`${formatDay(locale, p.day)}: ${format(p.value)}`}</title>
            </circle>
          ),
        )}
      </svg>
      <details className="trend__data">
        <summary className="history__summary small">{t('compliance.trend.showData')}</summary>
        <div className="table-wrap trend__table">
          <table className="table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('compliance.trend.day')}</th>
                <th scope="col">{title}</th>
              </tr>
            </thead>
            <tbody>
              {[...points].reverse().map((p) => (
                <tr key={p.day}>
                  <th scope="row">{formatDay(locale, p.day)}</th>
                  <td className="cell-num">{p.value === null ? t('common.none') : format(p.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
