import { useId, useState } from 'react';
import type { BulkResult, BulkSet, RequirementStatus } from '../../api/baselines';
import { api } from '../../api/client';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { type FieldErrors, useSubmit } from '../../hooks/useSubmit';
import { useI18n } from '../../i18n';
import { KEEP, ResponsibleField } from './ResponsibleField';
import { statusOptions } from './status';

interface Props {
  ids: string[];
  onDone: (result: BulkResult) => void;
  onClear: () => void;
}

/**
 * The same change to every selected requirement (POST /requirements/bulk, all or nothing): status
 * (with the justification "not applicable" needs), due date and responsible person; fields left
 * at "no change" are not sent.
 */
export function BulkEditBar({ ids, onDone, onClear }: Props) {
  const { t, tp, formatNumber } = useI18n();
  const titleId = useId();
  const form = useSubmit();
  const [status, setStatus] = useState('');
  const [justification, setJustification] = useState('');
  const [due, setDue] = useState('');
  const [clearDue, setClearDue] = useState(false);
  const [responsible, setResponsible] = useState(KEEP);

  const set: BulkSet = {};
  if (status) set.status = status as RequirementStatus;
  if (status === 'not-applicable') set.justification = justification.trim();
  if (clearDue) set.dueDate = null;
  else if (due) set.dueDate = due;
  if (responsible !== KEEP) set.responsibleId = responsible || null;
  const nothing = Object.keys(set).length === 0;

  const validate = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (status === 'not-applicable' && !justification.trim()) errors.justification = t('requirements.justificationRequired');
    if (!clearDue && due && !/^\d{4}-\d{2}-\d{2}$/.test(due)) errors.dueDate = t('requirements.dateInvalid');
    return errors;
  };
  const submit = async () => {
    const result = await api.post<BulkResult>('/requirements/bulk', { ids, set });
    setStatus('');
    setJustification('');
    setDue('');
    setClearDue(false);
    setResponsible(KEEP);
    onDone(result);
  };

  return (
    <section className="bulk-bar" aria-labelledby={titleId}>
      <div className="bulk-bar__head">
        <h3 id={titleId} className="bulk-bar__title">
          {tp('requirements.bulk.title', ids.length, { count: formatNumber(ids.length) })}
        </h3>
        <button type="button" className="button button--ghost button--small" onClick={onClear}>
          {t('requirements.bulk.clear')}
        </button>
      </div>
      <form className="form" noValidate onSubmit={(e) => void form.handle(e, submit, validate)}>
        <FormError error={form.error} />
        <div className="bulk-bar__fields">
          <SelectField
            label={t('requirements.status')}
            value={status}
            onValueChange={setStatus}
            options={[{ value: '', label: t('requirements.bulk.keep') }, ...statusOptions(t)]}
            error={form.fieldErrors.status}
          />
          <div className="bulk-bar__due">
            <TextField
              label={t('requirements.dueDate')}
              type="date"
              value={due}
              onValueChange={setDue}
              disabled={clearDue}
              hint={t('requirements.bulk.dueHint')}
              error={form.fieldErrors.dueDate}
            />
            <label className="inline-check">
              <input type="checkbox" checked={clearDue} onChange={(e) => setClearDue(e.target.checked)} />
              {t('requirements.bulk.clearDue')}
            </label>
          </div>
          <ResponsibleField label={t('requirements.responsible.label')} value={responsible} onChange={setResponsible} keep />
        </div>
        {status === 'not-applicable' && (
          <TextAreaField
            label={t('requirements.justification')}
            value={justification}
            onValueChange={setJustification}
            hint={t('requirements.justificationHint')}
            error={form.fieldErrors.justification}
            rows={3}
            required
          />
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={form.busy || nothing}>
            {form.busy ? t('common.saving') : tp('requirements.bulk.apply', ids.length, { count: formatNumber(ids.length) })}
          </button>
        </div>
      </form>
    </section>
  );
}
