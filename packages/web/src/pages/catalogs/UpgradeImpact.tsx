import { useI18n } from '../../i18n';

export interface Tile {
  key: string;
  label: string;
  value: number;
  hint: string;
  tone: 'neutral' | 'success' | 'warning' | 'danger' | 'info';
}

/** Numbers as tiles: the label, the count, one line on what it means. */
export function Tiles({ tiles, label }: { tiles: Tile[]; label: string }) {
  const { formatNumber } = useI18n();
  return (
    <ul className="upgrade-tiles" aria-label={label}>
      {tiles.map((tile) => (
        <li key={tile.key} className={`upgrade-tile upgrade-tile--${tile.tone}`}>
          <span className="upgrade-tile__label">{tile.label}</span>
          <span className="upgrade-tile__count">{formatNumber(tile.value)}</span>
          <span className="upgrade-tile__hint">{tile.hint}</span>
        </li>
      ))}
    </ul>
  );
}

type Segment = 'kept' | 'review' | 'retired';
const SEGMENTS: Segment[] = ['kept', 'review', 'retired'];

/**
 * The organisation's requirement records as one stacked bar: kept, to review, retired. An SVG sized
 * with attributes (no inline styles under the CSP), decorative: the legend carries the numbers.
 */
export function RecordsBar({ records }: { records: Record<Segment, number> }) {
  const { t, formatNumber } = useI18n();
  const total = SEGMENTS.reduce((sum, s) => sum + records[s], 0);
  let x = 0;
  const parts = SEGMENTS.map((s) => {
    const width = total === 0 ? 0 : (records[s] / total) * 100;
    const part = { s, x, width };
    x += width;
    return part;
  });
  const percent = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 100));
  return (
    <div className="records-bar">
      <svg className="records-bar__svg" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect className="records-bar__track" x="0" y="0" width="100" height="10" />
        {parts.map(
          (p) => p.width > 0 && <rect key={p.s} className={`records-bar__fill--${p.s}`} x={p.x} y="0" width={p.width} height="10" />,
        )}
      </svg>
      <ul className="records-bar__legend">
        {SEGMENTS.map((s) => (
          <li key={s}>
            <svg className="records-bar__swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
              <rect className={`records-bar__fill--${s}`} x="0" y="0" width="10" height="10" rx="2" />
            </svg>
            {t(`upgrades.bar.${s}`, { count: formatNumber(records[s]), percent: percent(records[s]) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
