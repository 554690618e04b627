import { useId } from 'react';
import { PERSONAL_DATA } from '../../api/register';
import { useT } from '../../i18n';
import { vocabLabel } from './vocab';

interface Props {
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
}

/** Checkbox group; "None" excludes the others (ticking one unticks the other side). */
export function PersonalDataField({ value, onChange, error }: Props) {
  const t = useT();
  const id = useId();
  const toggle = (item: string, on: boolean) => {
    if (!on) return onChange(value.filter((v) => v !== item));
    if (item === 'none') return onChange(['none']);
    onChange([...value.filter((v) => v !== 'none' && v !== item), item]);
  };
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset className={`fieldset${error ? ' field--invalid' : ''}`} aria-describedby={describedBy}>
      <legend className="field__label">{t('systems.form.personalData')}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {t('systems.form.personalDataHint')}
      </p>
      <ul className="checkbox-grid checkbox-grid--compact">
        {PERSONAL_DATA.map((item) => (
          <li key={item}>
            <label className="checkbox">
              <input
                type="checkbox"
                name="personalData"
                value={item}
                checked={value.includes(item)}
                onChange={(e) => toggle(item, e.target.checked)}
                aria-invalid={error ? true : undefined}
              />
              <span>{vocabLabel(t, 'personalData', item)}</span>
            </label>
          </li>
        ))}
      </ul>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
