import type { CatalogDiff } from '../../api/types';
import { useI18n } from '../../i18n';

export type DiffKind = 'added' | 'removed' | 'changed' | 'unchanged';
export const DIFF_KINDS: DiffKind[] = ['added', 'removed', 'changed', 'unchanged'];

export function diffCounts(diff: CatalogDiff): Record<DiffKind, number> {
  return { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length, unchanged: diff.unchanged };
}

/**
 * One card per kind of change with its count and a bar showing its share of
 * all controls. The bar is an inline SVG sized with attributes (allowed under
 * the CSP, unlike inline styles); it is decorative because the number is text.
 */
export function DiffSummary({ diff }: { diff: CatalogDiff }) {
  const { t, formatNumber } = useI18n();
  const counts = diffCounts(diff);
  const total = Math.max(
    1,
    DIFF_KINDS.reduce((sum, k) => sum + counts[k], 0),
  );

  return (
    <section aria-labelledby="diff-summary-title">
      <h2 id="diff-summary-title" className="section-title">
        {t('catalogs.diff.summary')}
      </h2>
      <ul className="diff-cards">
        {DIFF_KINDS.map((kind) => {
          const count = counts[kind];
          // Any non-zero count stays visible as at least a sliver.
          const width = count === 0 ? 0 : Math.max(1, Math.round((count / total) * 1000) / 10);
          return (
            <li key={kind} className={`diff-card diff-card--${kind}`}>
              <span className="diff-card__label">{t(`catalogs.diff.${kind}`)}</span>
              <span className="diff-card__count">{formatNumber(count)}</span>
              <svg className="diff-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect className="diff-bar__track" x="0" y="0" width="100" height="8" rx="2" />
                <rect className={`diff-bar__fill diff-bar__fill--${kind}`} x="0" y="0" width={width} height="8" rx="2" />
              </svg>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
