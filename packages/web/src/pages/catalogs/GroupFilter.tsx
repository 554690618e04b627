import type { CatalogGroup } from '../../api/types';
import { useI18n } from '../../i18n';

interface Props {
  groups: CatalogGroup[];
  total: number;
  /** Selected group id; '' for all controls. */
  value: string;
  onChange: (groupId: string) => void;
}

/**
 * The groups of a version (e.g. the control families of NIST SP 800-53) with
 * their control counts. Each is a toggle button (aria-pressed) that filters the
 * list; controls outside any group cannot be filtered on, so they are listed
 * for their count only.
 */
export function GroupFilter({ groups, total, value, onChange }: Props) {
  const { t, formatNumber } = useI18n();
  const item = (id: string, title: string, count: number) => (
    <li key={id || '*'}>
      <button type="button" className="group-filter__button" aria-pressed={value === id} onClick={() => onChange(id)}>
        <span className="group-filter__title">{title}</span>
        <span className="group-filter__count">{formatNumber(count)}</span>
      </button>
    </li>
  );

  return (
    <aside className="group-filter" aria-labelledby="group-filter-title">
      <h2 id="group-filter-title" className="group-filter__heading">
        {t('catalogs.browser.groups')}
      </h2>
      <ul className="group-filter__list">
        {item('', t('catalogs.browser.allControls'), total)}
        {groups.map((g, i) =>
          g.id ? (
            item(g.id, g.title ?? g.id, g.controls)
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: groups without an id have nothing else to key on.
            <li key={`none-${i}`} className="group-filter__static">
              <span className="group-filter__title">{g.title ?? t('catalogs.browser.ungrouped')}</span>
              <span className="group-filter__count">{formatNumber(g.controls)}</span>
            </li>
          ),
        )}
      </ul>
    </aside>
  );
}
