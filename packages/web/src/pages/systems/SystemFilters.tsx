import { type Option, SelectField, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { departmentOptions } from '../organisation/tree';
import { securityLevelName, useMethod } from './classificationView';
import { useDepartments } from './lookups';
import { vocabOptions } from './vocab';

export interface SystemFilterValues {
  kind: string;
  sector: string;
  departmentId: string;
  lifecycle: string;
  securityLevel: string;
}

export const FILTER_KEYS = ['kind', 'sector', 'departmentId', 'lifecycle', 'securityLevel'] as const;

interface Props {
  search: string;
  onSearch: (value: string) => void;
  values: SystemFilterValues;
  sectors: Option[];
  onChange: (key: keyof SystemFilterValues, value: string) => void;
  onClear: (() => void) | null;
}

/** Search box and selects; the page keeps the values in the URL. */
export function SystemFilters({ search, onSearch, values, sectors, onChange, onClear }: Props) {
  const t = useT();
  const departments = useDepartments();
  const method = useMethod().data?.method;
  const levels = (method?.securityLevels ?? []).map((l) => ({ value: l.key, label: securityLevelName(method, l.key) ?? l.key }));
  // A level in the URL shows even before the method has loaded (or if the method changed since).
  if (values.securityLevel && !levels.some((l) => l.value === values.securityLevel))
    levels.push({ value: values.securityLevel, label: values.securityLevel });
  return (
    <search className="filters filters--systems" aria-label={t('systems.filters')}>
      <TextField
        label={t('systems.search')}
        type="search"
        value={search}
        onValueChange={onSearch}
        hint={t('systems.searchHint')}
        autoComplete="off"
      />
      <SelectField
        label={t('systems.kind')}
        value={values.kind}
        onValueChange={(v) => onChange('kind', v)}
        options={[{ value: '', label: t('systems.allKinds') }, ...vocabOptions(t, 'systemKind')]}
      />
      <SelectField
        label={t('systems.sector')}
        value={values.sector}
        onValueChange={(v) => onChange('sector', v)}
        options={[{ value: '', label: t('systems.allSectors') }, ...sectors]}
      />
      <SelectField
        label={t('systems.department')}
        value={values.departmentId}
        onValueChange={(v) => onChange('departmentId', v)}
        options={[{ value: '', label: t('systems.allDepartments') }, ...departmentOptions(departments)]}
      />
      <SelectField
        label={t('systems.lifecycle')}
        value={values.lifecycle}
        onValueChange={(v) => onChange('lifecycle', v)}
        options={[{ value: '', label: t('systems.allLifecycles') }, ...vocabOptions(t, 'lifecycle')]}
      />
      <SelectField
        label={t('systems.levelFilter')}
        value={values.securityLevel}
        onValueChange={(v) => onChange('securityLevel', v)}
        options={[{ value: '', label: t('systems.allLevels') }, ...levels]}
      />
      {onClear && (
        <div className="filters__actions">
          <button type="button" className="button button--secondary" onClick={onClear}>
            {t('common.reset')}
          </button>
        </div>
      )}
    </search>
  );
}
