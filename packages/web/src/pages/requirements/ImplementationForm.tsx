import { useEffect, useId, useState } from 'react';
import { REQUIREMENT_STATUSES, type Requirement, type RequirementPatch, type RequirementStatus } from '../../api/baselines';
import { api } from '../../api/client';
import { Notice } from '../../components/Feedback';
import { TextAreaField, TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { type FieldErrors, useSubmit } from '../../hooks/useSubmit';
import { useI18n } from '../../i18n';
import { formatDay } from '../systems/classificationView';
import { ResponsibleField } from './ResponsibleField';
import { StatusBadge } from './StatusBadge';
import { statusLabel } from './status';

interface Values {
  status: RequirementStatus;
  justification: string;
  statement: string;
  responsibleId: string;
  dueDate: string;
}

const valuesOf = (r: Requirement): Values => ({
  // An inherited requirement shows the status that counts (the component's).
  status: r.effectiveStatus,
  justification: r.justification ?? '',
  statement: r.statement,
  responsibleId: r.responsibleId ?? '',
  dueDate: r.dueDate ?? '',
});

interface Props {
  requirement: Requirement;
  editable: boolean;
  onSaved: (next: Requirement) => void;
}

/**
 * Status, justification, implementation statement, responsible person and due date. Only what
 * changed is sent, so saving a statement does not override an inherited status by accident;
 * choosing another status on an inherited requirement does override it (the server's rule).
 */
export function ImplementationForm({ requirement: r, editable, onSaved }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const form = useSubmit();
  const [values, setValues] = useState<Values>(() => valuesOf(r));
  const [initial, setInitial] = useState<Values>(() => valuesOf(r));
  const [saved, setSaved] = useState('');

  // A new version of the record (saved here, or overridden, inherited again, reviewed): start from it.
  // New evidence or comments do not change the record, so they keep what is being typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the record's id and version are the trigger.
  useEffect(() => {
    setValues(valuesOf(r));
    setInitial(valuesOf(r));
  }, [r.id, r.updatedAt]);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setSaved('');
    setValues((v) => ({ ...v, [key]: value }));
  };

  const patch: RequirementPatch = {};
  if (values.status !== initial.status) patch.status = values.status;
  if (values.justification !== initial.justification || (patch.status === 'not-applicable' && values.justification))
    patch.justification = values.justification.trim() || null;
  if (values.statement !== initial.statement) patch.statement = values.statement;
  if (values.responsibleId !== initial.responsibleId) patch.responsibleId = values.responsibleId || null;
  if (values.dueDate !== initial.dueDate) patch.dueDate = values.dueDate || null;
  const dirty = Object.keys(patch).length > 0;

  const validate = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (values.status === 'not-applicable' && !values.justification.trim()) errors.justification = t('requirements.justificationRequired');
    if (values.dueDate && !/^\d{4}-\d{2}-\d{2}$/.test(values.dueDate)) errors.dueDate = t('requirements.dateInvalid');
    return errors;
  };
  const submit = async () => {
    const next = await api.patch<Requirement>(`/requirements/${encodeURIComponent(r.id)}`, patch);
    onSaved(next);
    setSaved(t('requirements.form.saved'));
  };

  if (!editable) {
    return (
      <section className="card card--flat" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="card__title">
          {t('requirements.form.title')}
        </h2>
        <dl className="summary-list">
          <div>
            <dt>{t('requirements.status')}</dt>
            <dd>
              <StatusBadge status={r.effectiveStatus} />
            </dd>
          </div>
          {r.justification && (
            <div>
              <dt>{t('requirements.justification')}</dt>
              <dd className="pre-line">{r.justification}</dd>
            </div>
          )}
          <div>
            <dt>{t('requirements.statement')}</dt>
            <dd className={r.statement ? 'pre-line' : 'muted'}>{r.statement || t('requirements.form.noStatement')}</dd>
          </div>
          <div>
            <dt>{t('requirements.responsible.label')}</dt>
            <dd>{r.responsibleName ?? t('common.none')}</dd>
          </div>
          <div>
            <dt>{t('requirements.dueDate')}</dt>
            <dd className={r.overdue ? 'review--overdue' : undefined}>{formatDay(locale, r.dueDate) ?? t('common.none')}</dd>
          </div>
        </dl>
      </section>
    );
  }

  return (
    <section className="card card--flat" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        {t('requirements.form.title')}
      </h2>
      <form className="form implementation-form" noValidate onSubmit={(e) => void form.handle(e, submit, validate)}>
        <FormError error={form.error} />
        <Notice>{saved}</Notice>
        <fieldset className={`fieldset${form.fieldErrors.status ? ' field--invalid' : ''}`}>
          <legend className="field__label">{t('requirements.status')}</legend>
          {r.inherited && <p className="field__hint">{t('requirements.form.statusInheritedHint', { name: r.inherited.componentName })}</p>}
          <ul className="status-options">
            {REQUIREMENT_STATUSES.map((s) => (
              <li key={s}>
                <label className={`checkbox status-option status-option--${s}`}>
                  <input type="radio" name={`${id}-status`} value={s} checked={values.status === s} onChange={() => set('status', s)} />
                  <span>
                    <span className="status-option__name">{statusLabel(t, s)}</span>
                    <span className="checkbox__desc">{t(`requirements.statusHelp.${s}`)}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {(values.status === 'not-applicable' || values.justification) && (
          <TextAreaField
            label={t('requirements.justification')}
            value={values.justification}
            onValueChange={(v) => set('justification', v)}
            hint={t('requirements.justificationHint')}
            error={form.fieldErrors.justification}
            required={values.status === 'not-applicable'}
            rows={3}
            maxLength={5000}
          />
        )}
        <TextAreaField
          label={t('requirements.statement')}
          value={values.statement}
          onValueChange={(v) => set('statement', v)}
          hint={t('requirements.form.statementHint')}
          error={form.fieldErrors.statement}
          rows={5}
          maxLength={50000}
        />
        <div className="form-row">
          <ResponsibleField
            label={t('requirements.responsible.label')}
            value={values.responsibleId}
            onChange={(v) => set('responsibleId', v)}
            currentName={r.responsibleName}
            error={form.fieldErrors.responsibleId}
          />
          <TextField
            label={t('requirements.dueDate')}
            type="date"
            value={values.dueDate}
            onValueChange={(v) => set('dueDate', v)}
            hint={r.overdue ? t('requirements.form.overdueHint') : t('requirements.form.dueHint')}
            error={form.fieldErrors.dueDate}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={form.busy || !dirty}>
            {form.busy ? t('common.saving') : t('common.save')}
          </button>
          {dirty && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                form.reset();
                setValues(initial);
              }}
            >
              {t('requirements.form.discard')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
