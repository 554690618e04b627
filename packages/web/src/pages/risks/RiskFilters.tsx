import { type Option, SelectField, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { riskStatusOptions, treatmentOptions } from './vocab';

export const FILTER_KEYS = ['status', 'treatment', 'rating', 'threatKey', 'unmitigated', 'reviewOverdue'] as const;
export type RiskFilterValues = Record<(typeof FILTER_KEYS)[number], string>;

interface Props {
  search: string;
  onSearch: (value: string) => void;
  values: RiskFilterValues;
  threats: Option[];
  ratings: Option[];
  onChange: (key: keyof RiskFilterValues, value: string) => void;
  onClear: (() => void) | null;
}

/** Search and filters of the risk register; the page keeps them in the URL. */
export function RiskFilters({ search, onSearch, values, threats, ratings, onChange, onClear }: Props) {
  const t = useT();
  return (
    <search className="filters risk-filters" aria-label={t('risks.filters.label')}>
      <TextField label={t('risks.filters.search')} type="search" value={search} onValueChange={onSearch} autoComplete="off" />
      <SelectField
        label={t('risks.filters.status')}
        value={values.status}
        onValueChange={(v) => onChange('status', v)}
        options={[{ value: '', label: t('risks.filters.allStatuses') }, ...riskStatusOptions(t)]}
      />
      <SelectField
        label={t('risks.filters.rating')}
        value={values.rating}
        onValueChange={(v) => onChange('rating', v)}
        options={[{ value: '', label: t('risks.filters.allRatings') }, ...ratings]}
      />
      <SelectField
        label={t('risks.filters.treatment')}
        value={values.treatment}
        onValueChange={(v) => onChange('treatment', v)}
        options={[{ value: '', label: t('risks.filters.allTreatments') }, ...treatmentOptions(t)]}
      />
      <SelectField
        label={t('risks.filters.threat')}
        value={values.threatKey}
        onValueChange={(v) => onChange('threatKey', v)}
        options={[{ value: '', label: t('risks.filters.allThreats') }, ...threats]}
      />
      <label className="checkbox risk-filters__check">
        <input
          type="checkbox"
          checked={values.unmitigated === 'true'}
          onChange={(e) => onChange('unmitigated', e.target.checked ? 'true' : '')}
        />
        <span>{t('risks.filters.unmitigated')}</span>
      </label>
      <label className="checkbox risk-filters__check">
        <input
          type="checkbox"
          checked={values.reviewOverdue === 'true'}
          onChange={(e) => onChange('reviewOverdue', e.target.checked ? 'true' : '')}
        />
        <span>{t('risks.filters.reviewOverdue')}</span>
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
