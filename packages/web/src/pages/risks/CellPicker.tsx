import { type Cell, type RiskMatrix, rateCell } from '../../api/risks';
import { SelectField } from '../../components/Field';
import { useT } from '../../i18n';
import { RatingBadge } from './RatingBadge';

interface Props {
  legend: string;
  hint?: string;
  matrix: RiskMatrix;
  value: Cell;
  onChange: (value: Cell) => void;
  errors: { likelihood?: string | undefined; impact?: string | undefined };
  /** Steps above these are not offered (residual ≤ inherent). */
  max?: Cell;
}

/** Likelihood and impact on the organisation's matrix, in its plain labels, with the score and rating as you choose. */
export function CellPicker({ legend, hint, matrix, value, onChange, errors, max }: Props) {
  const t = useT();
  const options = (steps: RiskMatrix['likelihood'], limit?: number) =>
    steps.slice(0, limit ?? steps.length).map((s, i) => ({ value: String(i + 1), label: `${i + 1} · ${s.label}` }));
  const band = rateCell(matrix, value.likelihood, value.impact);
  const lDesc = matrix.likelihood[value.likelihood - 1]?.description;
  const iDesc = matrix.impact[value.impact - 1]?.description;
  return (
    <fieldset className="fieldset risk-cell-picker">
      <legend className="field__label">{legend}</legend>
      {hint && <p className="field__hint">{hint}</p>}
      <div className="risk-cell-picker__row">
        <SelectField
          label={t('risks.form.likelihood')}
          value={String(value.likelihood)}
          options={options(matrix.likelihood, max?.likelihood)}
          onValueChange={(v) => onChange({ ...value, likelihood: Number(v) })}
          hint={lDesc}
          error={errors.likelihood}
        />
        <SelectField
          label={t('risks.form.impact')}
          value={String(value.impact)}
          options={options(matrix.impact, max?.impact)}
          onValueChange={(v) => onChange({ ...value, impact: Number(v) })}
          hint={iDesc}
          error={errors.impact}
        />
        <div className="risk-cell-picker__result" aria-live="polite">
          <span className="field__label">{t('risks.form.rating')}</span>
          {band && <RatingBadge bands={matrix.bands} rating={band.key} label={band.label} score={value.likelihood * value.impact} />}
        </div>
      </div>
    </fieldset>
  );
}
