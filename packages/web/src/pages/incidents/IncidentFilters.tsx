import { type Option, SelectField, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { severityOptions, statusOptions } from './vocab';

export interface IncidentFilterValues {
  status: string;
  type: string;
  severity: string;
  /** '', 'true' or 'false'. */
  significant: string;
  /** 'true' for open ones only. */
  open: string;
}

export const FILTER_KEYS = ['status', 'type', 'severity', 'significant', 'open'] as const;

interface Props {
  search: string;
  onSearch: (value: string) => void;
  values: IncidentFilterValues;
  types: Option[];
  onChange: (key: keyof IncidentFilterValues, value: string) => void;
  onClear: (() => void) | null;
}

/** Search and filters of the incident list; the page keeps them in the URL. */
export function IncidentFilters({ search, onSearch, values, types, onChange, onClear }: Props) {
  const t = useT();
  return (
    <search className="filters incident-filters" aria-label={t('incidents.filters.label')}>
      <TextField
        label={t('incidents.filters.search')}
        type="search"
        value={search}
        onValueChange={onSearch}
        hint={t('incidents.filters.searchHint')}
        autoComplete="off"
      />
      <SelectField
        label={t('incidents.filters.status')}
        value={values.status}
        onValueChange={(v) => onChange('status', v)}
        options={[{ value: '', label: t('incidents.filters.allStatuses') }, ...statusOptions(t)]}
      />
      <SelectField
        label={t('incidents.filters.type')}
        value={values.type}
        onValueChange={(v) => onChange('type', v)}
        options={[{ value: '', label: t('incidents.filters.allTypes') }, ...types]}
      />
      <SelectField
        label={t('incidents.filters.severity')}
        value={values.severity}
        onValueChange={(v) => onChange('severity', v)}
        options={[{ value: '', label: t('incidents.filters.allSeverities') }, ...severityOptions(t)]}
      />
      <SelectField
        label={t('incidents.filters.significant')}
        value={values.significant}
        onValueChange={(v) => onChange('significant', v)}
        options={[
          { value: '', label: t('incidents.filters.significantAll') },
          { value: 'true', label: t('incidents.filters.significantYes') },
          { value: 'false', label: t('incidents.filters.significantNo') },
        ]}
      />
      <label className="checkbox incident-filters__open">
        <input type="checkbox" checked={values.open === 'true'} onChange={(e) => onChange('open', e.target.checked ? 'true' : '')} />
        <span>{t('incidents.filters.openOnly')}</span>
      </label>
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
