import { useState } from 'react';
import type { ComponentRequirementResult, RequirementStatus } from '../../api/baselines';
import { api } from '../../api/client';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { requireFields } from '../../components/validation';
import { type FieldErrors, useSubmit } from '../../hooks/useSubmit';
import { useI18n } from '../../i18n';
import { statusOptions } from '../requirements/status';

/** Record how the component implements one more control (PUT …/requirements/:controlId). */
export function AddImplementationForm({
  componentId,
  existing,
  onAdded,
}: {
  componentId: string;
  existing: string[];
  onAdded: (message: string) => void;
}) {
  const { t, tp, formatNumber } = useI18n();
  const form = useSubmit();
  const [controlId, setControlId] = useState('');
  const [status, setStatus] = useState<RequirementStatus>('implemented');
  const [statement, setStatement] = useState('');

  const validate = (): FieldErrors => {
    const errors = requireFields(t, { controlId });
    if (!errors.controlId && existing.includes(controlId.trim())) errors.controlId = t('components.impl.exists');
    return errors;
  };
  const submit = async () => {
    const id = controlId.trim();
    const res = await api.put<ComponentRequirementResult>(
      `/components/${encodeURIComponent(componentId)}/requirements/${encodeURIComponent(id)}`,
      { status, statement, responsibleId: null },
    );
    setControlId('');
    setStatement('');
    onAdded(tp('components.impl.saved', res.systemsAffected, { control: id, count: formatNumber(res.systemsAffected) }));
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void form.handle(e, submit, validate)}>
      <FormError error={form.error} />
      <div className="form-row">
        <TextField
          label={t('components.impl.control')}
          value={controlId}
          onValueChange={setControlId}
          error={form.fieldErrors.controlId}
          hint={t('components.impl.controlHint')}
          autoComplete="off"
          maxLength={200}
        />
        <SelectField
          label={t('requirements.status')}
          value={status}
          onValueChange={(v) => setStatus(v as RequirementStatus)}
          options={statusOptions(t)}
        />
      </div>
      <TextAreaField label={t('requirements.statement')} value={statement} onValueChange={setStatement} rows={3} maxLength={50000} />
      <div>
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {t('components.impl.add')}
        </button>
      </div>
    </form>
  );
}
