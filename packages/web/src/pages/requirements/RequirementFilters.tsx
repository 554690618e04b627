import { useMe } from '../../auth/AuthContext';
import { type Option, SelectField, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import type { RequirementFilterValues } from './filters';
import { statusOptions } from './status';

interface Props {
  search: string;
  onSearch: (value: string) => void;
  values: RequirementFilterValues;
  onChange: (changes: Partial<RequirementFilterValues>) => void;
  families: Option[];
  /** Department, sector and security level options (cross-system list only). */
  departments?: Option[];
  sectors?: Option[];
  levels?: Option[];
  onClear: (() => void) | null;
}

/** The options plus the value in force when they lack it (not loaded yet, no longer offered), so the select shows it. */
const withValue = (options: Option[], value: string) =>
  value && !options.some((o) => o.value === value) ? [...options, { value, label: value }] : options;

/** Search, selects and on/off filters of a requirement list. */
export function RequirementFilters({ search, onSearch, values, onChange, families, departments, sectors, levels, onClear }: Props) {
  const t = useT();
  const me = useMe();
  const check = (key: 'overdue' | 'reviewRequired' | 'inherited' | 'retired', label: string) => (
    <label className="filter-check">
      <input type="checkbox" checked={values[key]} onChange={(e) => onChange({ [key]: e.target.checked })} />
      {label}
    </label>
  );
  return (
    <search className="filters filters--requirements" aria-label={t('requirements.filters.label')}>
      <div className="filters__row">
        <TextField
          label={t('requirements.filters.search')}
          type="search"
          value={search}
          onValueChange={onSearch}
          hint={t('requirements.filters.searchHint')}
          autoComplete="off"
        />
        <SelectField
          label={t('requirements.status')}
          value={values.status}
          onValueChange={(v) => onChange({ status: v })}
          options={[{ value: '', label: t('requirements.filters.allStatuses') }, ...statusOptions(t)]}
        />
        <SelectField
          label={t('requirements.family')}
          value={values.family}
          onValueChange={(v) => onChange({ family: v })}
          options={[{ value: '', label: t('requirements.filters.allFamilies') }, ...withValue(families, values.family)]}
        />
        {departments && (
          <SelectField
            label={t('requirements.filters.department')}
            value={values.departmentId}
            onValueChange={(v) => onChange({ departmentId: v })}
            options={[{ value: '', label: t('systems.allDepartments') }, ...departments]}
          />
        )}
        {sectors && (
          <SelectField
            label={t('requirements.filters.sector')}
            value={values.sector}
            onValueChange={(v) => onChange({ sector: v })}
            options={[{ value: '', label: t('systems.allSectors') }, ...withValue(sectors, values.sector)]}
          />
        )}
        {levels && (
          <SelectField
            label={t('requirements.filters.securityLevel')}
            value={values.securityLevel}
            onValueChange={(v) => onChange({ securityLevel: v })}
            options={[{ value: '', label: t('requirements.filters.allLevels') }, ...withValue(levels, values.securityLevel)]}
          />
        )}
      </div>
      <fieldset className="filters__checks">
        <legend className="visually-hidden">{t('requirements.filters.show')}</legend>
        {check('overdue', t('requirements.filters.overdue'))}
        {check('reviewRequired', t('requirements.filters.reviewRequired'))}
        {check('inherited', t('requirements.filters.inherited'))}
        <label className="filter-check">
          <input
            type="checkbox"
            checked={values.responsibleId === me.id}
            onChange={(e) => onChange({ responsibleId: e.target.checked ? me.id : '' })}
          />
          {t('requirements.filters.mine')}
        </label>
        {check('retired', t('requirements.filters.retired'))}
        {onClear && (
          <button type="button" className="button button--secondary button--small" onClick={onClear}>
            {t('common.reset')}
          </button>
        )}
      </fieldset>
    </search>
  );
}
