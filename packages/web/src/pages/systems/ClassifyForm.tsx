import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ClassificationMethod, Question } from '../../api/classification';
import { SelectField, TextAreaField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../hooks/useSubmit';
import { useI18n, useT } from '../../i18n';
import { groupQuestions } from './classificationView';
import { type ClassifyValues, overrideLevelField, overrideReasonField, questionField, serverFieldErrors, validate } from './classifyForm';

interface QuestionProps {
  question: Question;
  chosen: string[];
  onChange: (chosen: string[]) => void;
  error?: string | undefined;
}

/** One question as a group of radio buttons (or checkboxes when several answers fit). */
function QuestionFieldset({ question: q, chosen, onChange, error }: QuestionProps) {
  const t = useT();
  const id = useId();
  const toggle = (option: string, on: boolean) => {
    if (!q.multiple) return onChange(on ? [option] : []);
    onChange(on ? [...chosen.filter((c) => c !== option), option] : chosen.filter((c) => c !== option));
  };
  const describedBy = [q.help ? `${id}-help` : '', q.multiple ? `${id}-multi` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="question">
      <fieldset className={`fieldset${error ? ' field--invalid' : ''}`} aria-describedby={describedBy || undefined}>
        <legend className="question__text">{q.text}</legend>
        {q.help && (
          <p className="field__hint" id={`${id}-help`}>
            {q.help}
          </p>
        )}
        {q.multiple && (
          <p className="field__hint" id={`${id}-multi`}>
            {t('classification.form.chooseAll')}
          </p>
        )}
        <ul className="option-list">
          {q.options.map((o) => (
            <li key={o.id}>
              <label className="checkbox option">
                <input
                  type={q.multiple ? 'checkbox' : 'radio'}
                  name={`${id}-${q.id}`}
                  value={o.id}
                  checked={chosen.includes(o.id)}
                  onChange={(e) => toggle(o.id, e.target.checked)}
                  aria-invalid={error ? true : undefined}
                />
                <span>{o.label ?? o.text}</span>
              </label>
            </li>
          ))}
        </ul>
        <div className="question__footer">
          {error ? (
            <p className="field__error" id={`${id}-error`}>
              {error}
            </p>
          ) : (
            <span />
          )}
          {chosen.length > 0 && (
            <button type="button" className="button button--ghost button--small" onClick={() => onChange([])}>
              {t('classification.form.clearAnswer')}
            </button>
          )}
        </div>
      </fieldset>
    </div>
  );
}

interface Props {
  method: ClassificationMethod;
  questions: Question[];
  initial: ClassifyValues;
  systemPath: string;
  submitLabel: string;
  onSubmit: (values: ClassifyValues) => Promise<void>;
}

/** The guided questionnaire, optional overrides with reasons, and why the system is (re)classified. */
export function ClassifyForm({ method, questions, initial, systemPath, submitLabel, onSubmit }: Props) {
  const { t, tp } = useI18n();
  const form = useSubmit();
  const [v, setValues] = useState(initial);
  const groups = groupQuestions(method, questions);
  const errors = form.error && typeof form.error !== 'string' ? serverFieldErrors(form.error, method, questions) : form.fieldErrors;
  const unanswered = questions.filter((q) => (v.answers[q.id] ?? []).length === 0).length;
  // A method without a questionnaire (an own one): each dimension is set directly, with a reason.
  const direct = questions.length === 0;

  const setAnswer = (questionId: string, chosen: string[]) =>
    setValues((prev) => ({ ...prev, answers: { ...prev.answers, [questionId]: chosen } }));
  const setOverride = (dimension: string, change: Partial<ClassifyValues['overrides'][string]>) =>
    setValues((prev) => {
      const current = prev.overrides[dimension] ?? { level: '', reason: '' };
      return { ...prev, overrides: { ...prev.overrides, [dimension]: { ...current, ...change } } };
    });

  return (
    <form
      className="form classify-form"
      noValidate
      onSubmit={(e) =>
        void form.handle(
          e,
          () => onSubmit(v),
          () => validate(t, questions, v),
        )
      }
    >
      <FormError error={form.error} />
      {errors.answers && <p className="field__error">{errors.answers}</p>}
      {groups.map((g) => (
        <section key={g.dimension} className="card card--flat classify-group" aria-labelledby={`group-${g.dimension}`}>
          <h2 id={`group-${g.dimension}`} className="card__title">
            {g.name}
          </h2>
          {g.description && <p className="muted small">{g.description}</p>}
          {g.questions.map((q) => (
            <QuestionFieldset
              key={q.id}
              question={q}
              chosen={v.answers[q.id] ?? []}
              onChange={(chosen) => setAnswer(q.id, chosen)}
              error={errors[questionField(q.id)]}
            />
          ))}
        </section>
      ))}

      <section className="card card--flat classify-group" aria-labelledby="overrides-title">
        <h2 id="overrides-title" className="card__title">
          {direct ? t('directClassification.title') : t('classification.form.overridesTitle')}
        </h2>
        <p className="muted small">{direct ? t('directClassification.levelsIntro') : t('classification.form.overridesIntro')}</p>
        <div className="override-list">
          {method.dimensions.map((d) => {
            const o = v.overrides[d.key] ?? { level: '', reason: '' };
            return (
              <div key={d.key} className="override">
                <SelectField
                  label={t(direct ? 'directClassification.level' : 'classification.form.overrideLevel', { dimension: d.name })}
                  value={o.level}
                  onValueChange={(level) => setOverride(d.key, { level })}
                  options={[
                    { value: '', label: direct ? t('directClassification.notRated') : t('classification.form.noOverride') },
                    ...d.levels.map((l) => ({ value: l.key, label: l.description ? `${l.name} — ${l.description}` : l.name })),
                  ]}
                  error={errors[overrideLevelField(d.key)]}
                />
                {o.level && (
                  <TextAreaField
                    label={t(direct ? 'directClassification.reason' : 'classification.form.overrideReason', { dimension: d.name })}
                    value={o.reason}
                    onValueChange={(reason) => setOverride(d.key, { reason })}
                    hint={direct ? t('directClassification.reasonHint') : t('classification.form.overrideReasonHint')}
                    error={errors[overrideReasonField(d.key)]}
                    maxLength={2000}
                    rows={2}
                    required
                  />
                )}
              </div>
            );
          })}
        </div>
      </section>

      <TextAreaField
        label={t('classification.form.reason')}
        value={v.reason}
        onValueChange={(reason) => setValues((prev) => ({ ...prev, reason }))}
        hint={t('classification.form.reasonHint')}
        error={errors.reason}
        maxLength={2000}
        rows={2}
        fieldClassName="classify-form__reason"
      />
      {unanswered > 0 && (
        <p className="alert alert--info" role="status">
          {tp('classification.form.unanswered', unanswered)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {form.busy ? t('common.saving') : submitLabel}
        </button>
        <Link to={systemPath} className="button button--secondary">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
