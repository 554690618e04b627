import { useId, useState } from 'react';
import { api } from '../../api/client';
import { type Incident, incidentApiPath } from '../../api/incidents';
import { FormError } from '../../components/FormError';
import type { FieldErrors } from '../../hooks/useSubmit';
import { useSubmit } from '../../hooks/useSubmit';
import { useT } from '../../i18n';
import { readZoned, ZonedDateTimeField } from './ZonedDateTimeField';
import { toZonedInput } from './zonedTime';

interface Props {
  incident: Incident;
  zone: string;
  onSaved: (incident: Incident) => void;
  onCancel?: () => void;
  /** A report was sent: the moment of awareness is anchored and can no longer change. */
  awareLocked: boolean;
}

/**
 * The NIS2 assessment: the significance criteria as a checklist and the moment the organisation
 * became aware (on its own clock). The deadlines follow from these; they are never entered.
 * "Not significant" still records the moment of awareness (the GDPR clock needs it).
 */
export function SignificanceForm({ incident, zone, onSaved, onCancel, awareLocked }: Props) {
  const t = useT();
  const id = useId();
  const form = useSubmit();
  const [criteria, setCriteria] = useState<string[]>(incident.criteria);
  const [initialAware] = useState(() => toZonedInput(incident.awareAt ?? Date.now(), zone));
  const [aware, setAware] = useState(initialAware);
  // Unchanged (or anchored by a sent report): keep the recorded instant to the second.
  const keepRecorded = incident.awareAt !== null && (awareLocked || aware === initialAware);

  const validate = (significant: boolean) => (): FieldErrors => {
    const e: FieldErrors = {};
    if (significant && criteria.length === 0) e.criteria = t('incidents.nis2.criteriaRequired');
    if (!keepRecorded) {
      const r = readZoned(t, aware, zone, { required: true, notFuture: true });
      if (r.error) e.awareAt = r.error;
    }
    return e;
  };

  const save = (significant: boolean) => async () => {
    const awareAt = keepRecorded ? incident.awareAt : readZoned(t, aware, zone, { required: true, notFuture: true }).iso;
    onSaved(
      await api.put<Incident>(`${incidentApiPath(incident.id)}/significance`, {
        significant,
        criteria: significant ? criteria : [],
        awareAt,
      }),
    );
  };

  const toggle = (key: string, on: boolean) =>
    setCriteria((prev) => (on ? [...prev.filter((k) => k !== key), key] : prev.filter((k) => k !== key)));
  const errors = form.fieldErrors;

  return (
    <form
      className="form significance-form"
      noValidate
      onSubmit={(e) => {
        // Which of the two buttons sent the form: significant or not.
        const significant = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') !== 'no';
        void form.handle(e, save(significant), validate(significant));
      }}
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`} className="subsection-title">
        {t('incidents.nis2.formTitle')}
      </h3>
      <p className="muted small">{t('incidents.nis2.formIntro')}</p>
      <FormError error={form.error} />
      <fieldset
        className={`fieldset${errors.criteria ? ' field--invalid' : ''}`}
        aria-describedby={errors.criteria ? `${id}-criteria-error` : undefined}
      >
        <legend className="field__label">{t('incidents.nis2.criteriaLegend')}</legend>
        <ul className="checkbox-grid significance-form__criteria">
          {incident.significanceCriteria.map((c) => (
            <li key={c.key}>
              <label className="checkbox">
                <input type="checkbox" checked={criteria.includes(c.key)} onChange={(e) => toggle(c.key, e.target.checked)} />
                <span>{c.text}</span>
              </label>
            </li>
          ))}
        </ul>
        {errors.criteria && (
          <p className="field__error" id={`${id}-criteria-error`}>
            {errors.criteria}
          </p>
        )}
      </fieldset>
      <ZonedDateTimeField
        label={t('incidents.nis2.awareAt')}
        value={aware}
        onValueChange={setAware}
        zone={zone}
        error={errors.awareAt}
        extraHint={awareLocked ? t('incidents.nis2.awareLocked') : t('incidents.nis2.awareHint')}
        disabled={awareLocked}
        required
      />
      <div className="form-actions">
        <button type="submit" name="decision" value="yes" className="button button--danger" disabled={form.busy}>
          {t('incidents.nis2.markSignificant')}
        </button>
        <button type="submit" name="decision" value="no" className="button button--secondary" disabled={form.busy}>
          {t('incidents.nis2.markNotSignificant')}
        </button>
        {onCancel && (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
