import { useT } from '../../i18n';

interface Props {
  /** Names the item in the buttons' accessible names ("Move level Amber up"). */
  label: string;
  index: number;
  count: number;
  onMove?: (to: number) => void;
  onRemove?: () => void;
  /** At least this many items must stay. */
  min?: number;
  disabled?: boolean;
  /** Visible text of the remove button ("Remove" by default). */
  removeText?: string;
}

/** Move up, move down and remove for one item of an editable list. */
export function RowActions({ label, index, count, onMove, onRemove, min = 0, disabled, removeText }: Props) {
  const t = useT();
  return (
    <div className="row-actions">
      {onMove && (
        <>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => onMove(index - 1)}
            disabled={disabled || index === 0}
            aria-label={t('methodEditor.moveUp', { item: label })}
            title={t('methodEditor.moveUp', { item: label })}
          >
            <span aria-hidden="true">↑</span>
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => onMove(index + 1)}
            disabled={disabled || index === count - 1}
            aria-label={t('methodEditor.moveDown', { item: label })}
            title={t('methodEditor.moveDown', { item: label })}
          >
            <span aria-hidden="true">↓</span>
          </button>
        </>
      )}
      {onRemove && (
        <button
          type="button"
          className="button button--ghost-danger button--small"
          onClick={onRemove}
          disabled={disabled || count <= min}
          aria-label={t('methodEditor.remove', { item: label })}
          title={t('methodEditor.remove', { item: label })}
        >
          {removeText ?? t('methodEditor.removeShort')}
        </button>
      )}
    </div>
  );
}

/** Moves the item at `from` to `to` (a new array). */
export function move<T>(items: T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return items;
  const out = [...items];
  const [item] = out.splice(from, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}
