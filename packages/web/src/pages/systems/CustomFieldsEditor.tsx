import { useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n';
import { type CustomFieldRow, newRow } from './systemForm';

interface Props {
  rows: CustomFieldRow[];
  onChange: (rows: CustomFieldRow[]) => void;
  error?: string | undefined;
}

/** Key/value rows with add and remove. Focus goes to a new row's name, or to "Add a field" after removing. */
export function CustomFieldsEditor({ rows, onChange, error }: Props) {
  const t = useT();
  const id = useId();
  const addRef = useRef<HTMLButtonElement>(null);
  const focusRow = useRef<number | 'add' | null>(null);
  const keyRefs = useRef(new Map<number, HTMLInputElement>());

  useEffect(() => {
    const target = focusRow.current;
    focusRow.current = null;
    if (target === 'add') addRef.current?.focus();
    else if (target !== null) keyRefs.current.get(target)?.focus();
  });

  const set = (rowId: number, change: Partial<CustomFieldRow>) => onChange(rows.map((r) => (r.rowId === rowId ? { ...r, ...change } : r)));
  const add = () => {
    const row = newRow();
    focusRow.current = row.rowId;
    onChange([...rows, row]);
  };
  const remove = (rowId: number) => {
    focusRow.current = 'add';
    onChange(rows.filter((r) => r.rowId !== rowId));
  };
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');

  return (
    <fieldset className={`fieldset${error ? ' field--invalid' : ''}`} aria-describedby={describedBy}>
      <legend className="field__label">{t('systems.form.customFields')}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {t('systems.form.customFieldsHint')}
      </p>
      {rows.length > 0 && (
        <ul className="kv-rows">
          <li className="kv-rows__head" aria-hidden="true">
            <span>{t('systems.form.fieldKey')}</span>
            <span>{t('systems.form.fieldValue')}</span>
          </li>
          {rows.map((row, i) => (
            <li key={row.rowId} className="kv-rows__row">
              <label className="visually-hidden" htmlFor={`${id}-k${row.rowId}`}>
                {t('systems.form.fieldKeyN', { n: i + 1 })}
              </label>
              <input
                id={`${id}-k${row.rowId}`}
                ref={(el) => {
                  if (el) keyRefs.current.set(row.rowId, el);
                  else keyRefs.current.delete(row.rowId);
                }}
                className="input"
                value={row.key}
                maxLength={60}
                autoComplete="off"
                onChange={(e) => set(row.rowId, { key: e.target.value })}
              />
              <label className="visually-hidden" htmlFor={`${id}-v${row.rowId}`}>
                {t('systems.form.fieldValueN', { n: i + 1 })}
              </label>
              <input
                id={`${id}-v${row.rowId}`}
                className="input"
                value={row.value}
                maxLength={1000}
                autoComplete="off"
                onChange={(e) => set(row.rowId, { value: e.target.value })}
              />
              <button
                type="button"
                className="button button--ghost-danger button--small"
                aria-label={t('systems.form.removeFieldN', { n: i + 1 })}
                onClick={() => remove(row.rowId)}
              >
                {t('systems.form.removeField')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div>
        <button ref={addRef} type="button" className="button button--secondary button--small" onClick={add}>
          {t('systems.form.addField')}
        </button>
      </div>
    </fieldset>
  );
}
