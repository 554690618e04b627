import { useState } from 'react';
import type { ComponentSummary } from '../../api/baselines';
import { api } from '../../api/client';
import type { InfoSystem } from '../../api/register';
import type { Items, Page } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { SelectField, TextField } from '../../components/Field';
import { useApi } from '../../hooks/useApi';
import { useDebounced } from '../../hooks/useDebounced';
import { useT } from '../../i18n';

export interface Target {
  type: 'system' | 'component';
  id: string;
  name: string;
}

interface Props {
  value: Target;
  onChange: (value: Target) => void;
  error?: string | undefined;
}

/**
 * What the new risk is about: a system of the register (searched by name; system owners find only
 * their own) or, for security officers, a common component.
 */
export function TargetPicker({ value, onChange, error }: Props) {
  const t = useT();
  const { can } = useAuth();
  const components = can('risks:manage');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const systems = useApi(
    (signal) =>
      value.type === 'system' ? api.get<Page<InfoSystem>>('/systems', { q, pageSize: 50 }, { signal }) : Promise.resolve(undefined),
    `risk-target|${value.type}|${q}`,
  );
  const comps = useApi(
    (signal) =>
      components && value.type === 'component'
        ? api.get<Items<ComponentSummary>>('/components', undefined, { signal })
        : Promise.resolve(undefined),
    `risk-components|${value.type}`,
  );
  const found = value.type === 'system' ? (systems.data?.items ?? []) : (comps.data?.items ?? []);
  const options = [{ value: '', label: t('risks.form.choose') }, ...found.map((x) => ({ value: x.id, label: x.name }))];
  if (value.id && !found.some((x) => x.id === value.id)) options.push({ value: value.id, label: value.name });

  return (
    <fieldset className="fieldset">
      <legend className="field__label">{t('risks.form.target')}</legend>
      {components && (
        <div className="risk-radios" role="radiogroup" aria-label={t('risks.form.targetType')}>
          {(['system', 'component'] as const).map((k) => (
            <label key={k} className="checkbox">
              <input type="radio" name="risk-target" checked={value.type === k} onChange={() => onChange({ type: k, id: '', name: '' })} />
              <span>{t(k === 'system' ? 'risks.form.targetSystem' : 'risks.form.targetComponent')}</span>
            </label>
          ))}
        </div>
      )}
      <div className="form-row">
        {value.type === 'system' && (
          <TextField label={t('risks.form.findSystem')} type="search" value={search} onValueChange={setSearch} autoComplete="off" />
        )}
        <SelectField
          label={t(value.type === 'system' ? 'risks.form.system' : 'risks.form.component')}
          value={value.id}
          options={options}
          onValueChange={(id) => onChange({ ...value, id, name: found.find((x) => x.id === id)?.name ?? '' })}
          error={error}
        />
      </div>
    </fieldset>
  );
}
