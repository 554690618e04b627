import type { RequirementStatus } from '../../api/baselines';
import { useI18n } from '../../i18n';
import { DISPLAY_ORDER, formatShare, type StatusCounts, statusLabel, totalOf } from './status';

const WIDTH = 1000;

export interface Segment {
  key: string;
  /** Colour class (`status-fill--…`). */
  fill: string;
  value: number;
  label: string;
}

/**
 * A stacked horizontal bar (SVG: widths as attributes, colours from CSS classes, so the strict CSP
 * needs no inline style). Its accessible name is the whole text equivalent.
 */
export function StackedBar({
  segments,
  label,
  size = 'large',
  decorative = false,
}: {
  segments: Segment[];
  label: string;
  size?: 'large' | 'small';
  /** Hidden from assistive technology (the text next to it says the same). */
  decorative?: boolean;
}) {
  const { t, locale, formatNumber } = useI18n();
  const total = segments.reduce((n, s) => n + s.value, 0);
  let x = 0;
  const shown = segments
    .filter((s) => s.value > 0)
    .map((s) => {
      const width = (s.value / total) * WIDTH;
      const seg = { ...s, x, width };
      x += width;
      return seg;
    });
  const summary = total
    ? `${label}: ${shown
        .map((s) =>
          t('requirements.progress.part', {
            status: s.label,
            count: formatNumber(s.value),
            share: formatShare(locale, s.value / total) ?? '',
          }),
        )
        .join(', ')}`
    : `${label}: ${t('requirements.progress.none')}`;
  return (
    <svg
      className={`status-bar__svg status-bar__svg--${size}`}
      viewBox={`0 0 ${WIDTH} 10`}
      preserveAspectRatio="none"
      role={decorative ? undefined : 'img'}
      aria-label={decorative ? undefined : summary}
      aria-hidden={decorative ? true : undefined}
    >
      <title>{summary}</title>
      {total === 0 ? (
        <rect className="status-fill status-fill--empty" x={0} y={0} width={WIDTH} height={10} />
      ) : (
        shown.map((s) => <rect key={s.key} className={`status-fill ${s.fill}`} x={s.x} y={0} width={s.width} height={10} />)
      )}
    </svg>
  );
}

interface Props {
  counts: StatusCounts;
  /** What the bar is about, e.g. "Requirements of Payroll by status". */
  label: string;
  /** Show the legend with counts and shares; with `onSelect` its entries filter by status. */
  legend?: boolean;
  onSelect?: (status: RequirementStatus) => void;
  /** The status the legend shows as chosen. */
  selected?: string;
  size?: 'large' | 'small';
}

/** Requirement counts by status as a stacked bar, with an optional legend that doubles as a status filter. */
export function StatusBar({ counts, label, legend = false, onSelect, selected, size = 'large' }: Props) {
  const { t, locale, formatNumber } = useI18n();
  const total = totalOf(counts);
  const segments = DISPLAY_ORDER.map((s) => ({
    key: s,
    fill: `status-fill--${s}`,
    value: counts[s] ?? 0,
    label: statusLabel(t, s),
  }));
  return (
    <div className="status-bar">
      <StackedBar segments={segments} label={label} size={size} />
      {legend && (
        <ul className="status-legend">
          {DISPLAY_ORDER.map((s) => {
            const body = (
              <>
                <span className={`status-swatch status-fill--${s}`} aria-hidden="true" />
                <span className="status-legend__label">{statusLabel(t, s)}</span>
                <span className="status-legend__count">{formatNumber(counts[s] ?? 0)}</span>
                {total > 0 && <span className="status-legend__share muted">{formatShare(locale, (counts[s] ?? 0) / total)}</span>}
              </>
            );
            return (
              <li key={s}>
                {onSelect ? (
                  <button
                    type="button"
                    className="status-legend__item status-legend__item--button"
                    aria-pressed={selected === s}
                    onClick={() => onSelect(s)}
                  >
                    {body}
                  </button>
                ) : (
                  <span className="status-legend__item">{body}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
