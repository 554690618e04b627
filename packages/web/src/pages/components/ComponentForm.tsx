import { useState } from 'react';
import type { Component, ComponentInput } from '../../api/baselines';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { requireFields } from '../../components/validation';
import { type FieldErrors, useSubmit } from '../../hooks/useSubmit';
import { useT } from '../../i18n';
import { componentKindOptions } from './kinds';

interface Props {
  initial?: Component;
  submitLabel: string;
  onSubmit: (input: ComponentInput) => Promise<void>;
  onCancel?: () => void;
}

/** Name, kind, provider and description of a common component (create and edit). */
export function ComponentForm({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const t = useT();
  const form = useSubmit();
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState(initial?.kind ?? 'service');
  const [provider, setProvider] = useState(initial?.provider ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');

  const validate = (): FieldErrors => requireFields(t, { name, kind });
  const submit = () => onSubmit({ name: name.trim(), kind, provider: provider.trim() || null, description: description.trim() });

  return (
    <form className="form component-form" noValidate onSubmit={(e) => void form.handle(e, submit, validate)}>
      <FormError error={form.error} />
      <div className="form-row">
        <TextField
          label={t('components.form.name')}
          value={name}
          onValueChange={setName}
          error={form.fieldErrors.name}
          required
          maxLength={200}
        />
        <SelectField
          label={t('components.form.kind')}
          value={kind}
          onValueChange={setKind}
          options={componentKindOptions(t)}
          error={form.fieldErrors.kind}
          hint={t('components.form.kindHint')}
        />
        <TextField
          label={t('components.form.provider')}
          value={provider}
          onValueChange={setProvider}
          error={form.fieldErrors.provider}
          hint={t('components.form.providerHint')}
          maxLength={200}
        />
      </div>
      <TextAreaField
        label={t('components.form.description')}
        value={description}
        onValueChange={setDescription}
        error={form.fieldErrors.description}
        rows={4}
        maxLength={20000}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {form.busy ? t('common.saving') : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
