import { useState } from 'react';
import { api } from '../../api/client';
import type { Department } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { requireFields } from '../../components/validation';
import { useSubmit } from '../../hooks/useSubmit';
import { useT } from '../../i18n';
import { departmentOptions } from './tree';

interface Props {
  departments: Department[];
  onAdded: (dept: Department) => void;
}

export function DepartmentAddForm({ departments, onAdded }: Props) {
  const t = useT();
  const form = useSubmit();
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');

  const submit = async () => {
    const body: { name: string; parentId?: string } = { name: name.trim() };
    if (parentId) body.parentId = parentId;
    const dept = await api.post<Department>('/departments', body);
    setName('');
    onAdded(dept);
  };

  return (
    <form className="form subsection" noValidate onSubmit={(e) => void form.handle(e, submit, () => requireFields(t, { name }))}>
      <h3 className="subsection-title">{t('organisation.addTitle')}</h3>
      <FormError error={form.error} />
      <div className="form-row">
        <TextField label={t('organisation.departmentName')} value={name} onValueChange={setName} error={form.fieldErrors.name} required />
        <SelectField
          label={t('organisation.parent')}
          value={parentId}
          onValueChange={setParentId}
          options={[{ value: '', label: t('organisation.topLevel') }, ...departmentOptions(departments)]}
          error={form.fieldErrors.parentId}
        />
      </div>
      <div>
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {t('organisation.add')}
        </button>
      </div>
    </form>
  );
}
