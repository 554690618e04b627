import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { RowActions } from './RowActions';

interface Props<D, T extends { uid: string }> {
  items: T[];
  /** Applies `change` to a copy of the whole draft (the editor page's `update`). */
  update: (change: (draft: D) => void) => void;
  /** Finds the list in that copy; every change to the list is made there, in place. */
  select: (draft: D) => T[] | undefined;
  /** The fields of one row, between its rank and its actions; `change` edits that row in the copy. */
  renderFields: (item: T, index: number, change: (fn: (item: T) => void) => void) => ReactNode;
  /** Names the row in its buttons' accessible names ("Move security level Basic up"). */
  rowLabel: (item: T, index: number) => string;
  newItem: () => T;
  /** Runs in the same update after a row was added, for what else in the draft follows the list. */
  afterAdd?: (draft: D) => void;
  /** Visible text of the add button. */
  addText: string;
  /** The id of the heading that names the list, if it has one. */
  labelledBy?: string;
}

/**
 * A ranked list edited in place, lowest first: the rank is the position (0 up), so moving a row
 * re-ranks it. At least one row stays; rows are keyed by uid so a move keeps their inputs' state.
 */
export function RankedListEditor<D, T extends { uid: string }>(props: Props<D, T>) {
  const { items, update, select, renderFields, rowLabel, newItem, afterAdd, addText, labelledBy } = props;
  const t = useT();
  const edit = (change: (list: T[]) => void) =>
    update((d) => {
      const list = select(d);
      if (list) change(list);
    });
  return (
    <>
      <ol className="level-rows" aria-labelledby={labelledBy}>
        {items.map((item, i) => (
          <li key={item.uid} className="level-row">
            <span className="level-row__rank" title={t('methodEditor.rankTitle')}>
              <span className="visually-hidden">{t('methodEditor.rankTitle')} </span>
              {i}
            </span>
            {renderFields(item, i, (fn) =>
              edit((list) => {
                const target = list[i];
                if (target) fn(target);
              }),
            )}
            <RowActions
              label={rowLabel(item, i)}
              index={i}
              count={items.length}
              min={1}
              // RowActions only offers moves within the list.
              onMove={(to) => edit((list) => list.splice(to, 0, ...list.splice(i, 1)))}
              onRemove={() => edit((list) => list.splice(i, 1))}
            />
          </li>
        ))}
      </ol>
      <div>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() =>
            update((d) => {
              const list = select(d);
              if (!list) return;
              list.push(newItem());
              afterAdd?.(d);
            })
          }
        >
          {addText}
        </button>
      </div>
    </>
  );
}
