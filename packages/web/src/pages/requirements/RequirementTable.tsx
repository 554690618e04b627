import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import type { RequirementItem } from '../../api/baselines';
import { Badge } from '../../components/Badge';
import { useI18n } from '../../i18n';
import { formatDay } from '../systems/classificationView';
import { systemPath } from '../systems/vocab';
import { requirementPath } from './paths';
import { StatusBadge } from './StatusBadge';

interface Props {
  items: RequirementItem[];
  caption: string;
  /** Show the system column (lists across systems). */
  showSystem: boolean;
  /** Checkboxes for bulk edit; undefined: none. */
  selected?: Set<string>;
  onToggle?: (ids: string[], on: boolean) => void;
}

function PageCheckbox({
  items,
  selected,
  onToggle,
}: {
  items: RequirementItem[];
  selected: Set<string>;
  onToggle: (ids: string[], on: boolean) => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLInputElement>(null);
  const count = items.filter((r) => selected.has(r.id)).length;
  const all = count > 0 && count === items.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="table-check"
      checked={all}
      aria-label={t('requirements.table.selectPage')}
      onChange={(e) =>
        onToggle(
          items.map((r) => r.id),
          e.target.checked,
        )
      }
    />
  );
}

/** Requirement records as a table; each row links to its requirement page. */
export function RequirementTable({ items, caption, showSystem, selected, onToggle }: Props) {
  const { t, locale, formatNumber } = useI18n();
  const checks = selected !== undefined && onToggle !== undefined;
  return (
    <table className="table table--requirements">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {checks && (
            <th scope="col" className="cell-check">
              <PageCheckbox items={items} selected={selected} onToggle={onToggle} />
            </th>
          )}
          <th scope="col">{t('requirements.table.requirement')}</th>
          {showSystem && <th scope="col">{t('requirements.table.system')}</th>}
          <th scope="col">{t('requirements.status')}</th>
          <th scope="col">{t('requirements.responsible.label')}</th>
          <th scope="col">{t('requirements.dueDate')}</th>
          <th scope="col" className="cell-num">
            {t('requirements.table.evidence')}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => {
          const name = `${r.label ?? r.controlId} ${r.title}`;
          return (
            <tr key={r.id} className={selected?.has(r.id) ? 'is-selected' : undefined}>
              {checks && (
                <td className="cell-check">
                  <input
                    type="checkbox"
                    className="table-check"
                    checked={selected.has(r.id)}
                    onChange={(e) => onToggle([r.id], e.target.checked)}
                    aria-label={t('requirements.table.select', { name })}
                  />
                </td>
              )}
              <th scope="row" className="cell-wrap cell-requirement">
                <Link to={requirementPath(r.id)} className="requirement-link">
                  <span className="requirement-link__id">{r.label ?? r.controlId}</span> {r.title}
                </Link>
                <span className="block small muted">{r.familyTitle || r.family}</span>
              </th>
              {showSystem && (
                <td className="cell-wrap cell-system">
                  <Link to={systemPath(r.systemId)}>{r.systemName}</Link>
                </td>
              )}
              <td className="cell-wrap cell-status">
                <span className="badge-row">
                  <StatusBadge status={r.effectiveStatus} />
                  {r.reviewRequired && <Badge tone="warning">{t('requirements.reviewBadge')}</Badge>}
                  {!r.applies && <Badge>{t('requirements.retiredBadge')}</Badge>}
                </span>
                {r.inherited && (
                  <span className="block small muted">{t('requirements.table.inheritedFrom', { name: r.inherited.componentName })}</span>
                )}
              </td>
              <td className="cell-wrap cell-person">{r.responsibleName ?? <span className="muted">{t('common.none')}</span>}</td>
              <td className={r.overdue ? 'cell-due cell-due--overdue' : 'cell-due'}>
                {r.dueDate ? formatDay(locale, r.dueDate) : <span className="muted">{t('common.none')}</span>}
                {r.overdue && (
                  <>
                    {' '}
                    <Badge tone="danger">{t('requirements.overdueBadge')}</Badge>
                  </>
                )}
              </td>
              <td className="cell-num">{r.evidenceCount > 0 ? formatNumber(r.evidenceCount) : <span className="muted">0</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
