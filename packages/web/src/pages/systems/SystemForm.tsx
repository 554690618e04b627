import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { InfoSystem } from '../../api/register';
import type { Page, User } from '../../api/types';
import { useAuth, useMe } from '../../auth/AuthContext';
import { type Option, SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useApi } from '../../hooks/useApi';
import { useSubmit } from '../../hooks/useSubmit';
import { useT } from '../../i18n';
import { departmentOptions } from '../organisation/tree';
import { CustomFieldsEditor } from './CustomFieldsEditor';
import { useDepartments, useSectors } from './lookups';
import { PersonalDataField } from './PersonalDataField';
import { bodyOf, type SystemFormValues, serverFieldErrors, validate } from './systemForm';
import { systemPath, vocabOptions } from './vocab';

interface Props {
  /** null when registering a new system. */
  system: InfoSystem | null;
  initial: SystemFormValues;
  onSaved: (system: InfoSystem) => void;
}

/** Keep the current value selectable even when the server's list no longer has it. */
function withCurrent(options: Option[], value: string, label: string | null): Option[] {
  if (!value || options.some((o) => o.value === value)) return options;
  return [...options, { value, label: label ?? value }];
}

export function SystemForm({ system, initial, onSaved }: Props) {
  const t = useT();
  const { can } = useAuth();
  const me = useMe();
  const manageAll = can('systems:manage-all');
  const form = useSubmit();
  const [v, setValues] = useState(initial);
  const set =
    <K extends keyof SystemFormValues>(key: K) =>
    (value: SystemFormValues[K]) =>
      setValues((prev) => ({ ...prev, [key]: value }));
  const sectors = useSectors();
  const departments = useDepartments();
  const users = useApi(
    (signal) =>
      manageAll ? api.get<Page<User>>('/users', { pageSize: 200 }, { signal }).then((p) => p.items) : Promise.resolve([] as User[]),
    String(manageAll),
  );

  const submit = async () => {
    const body = bodyOf(v, manageAll);
    const saved = system
      ? await api.patch<InfoSystem>(`/systems/${encodeURIComponent(system.id)}`, body)
      : await api.post<InfoSystem>('/systems', body);
    onSaved(saved);
  };

  const errors = form.error && typeof form.error !== 'string' ? serverFieldErrors(form.error) : form.fieldErrors;
  const choose = { value: '', label: t('systems.form.choose') };
  const ownerOptions = withCurrent(
    [{ value: '', label: t('systems.noOwner') }, ...(users.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))],
    v.ownerId,
    v.ownerId === me.id ? me.name : (system?.ownerName ?? null),
  );

  return (
    <form className="form system-form" noValidate onSubmit={(e) => void form.handle(e, submit, () => validate(t, v))}>
      <FormError error={form.error} />
      <TextField label={t('systems.form.name')} value={v.name} onValueChange={set('name')} error={errors.name} maxLength={200} required />
      <TextAreaField
        label={t('systems.form.description')}
        value={v.description}
        onValueChange={set('description')}
        error={errors.description}
        maxLength={5000}
        rows={4}
      />
      <div className="form-row">
        {manageAll ? (
          <SelectField
            label={t('systems.form.owner')}
            value={v.ownerId}
            onValueChange={set('ownerId')}
            options={ownerOptions}
            error={errors.ownerId}
          />
        ) : (
          !system && <p className="muted system-form__note">{t('systems.form.ownerSelf')}</p>
        )}
        <SelectField
          label={t('systems.form.department')}
          value={v.departmentId}
          onValueChange={set('departmentId')}
          options={withCurrent(
            [{ value: '', label: t('systems.noDepartment') }, ...departmentOptions(departments)],
            v.departmentId,
            system?.departmentName ?? null,
          )}
          error={errors.departmentId}
        />
      </div>
      <div className="form-row">
        <SelectField
          label={t('systems.form.sector')}
          value={v.sector}
          onValueChange={set('sector')}
          options={withCurrent([choose, ...sectors.options], v.sector, null)}
          error={errors.sector}
          required
        />
        <SelectField
          label={t('systems.form.kind')}
          value={v.kind}
          onValueChange={set('kind')}
          options={withCurrent([choose, ...vocabOptions(t, 'systemKind')], v.kind, null)}
          error={errors.kind}
          required
        />
        <SelectField
          label={t('systems.form.lifecycle')}
          value={v.lifecycle}
          onValueChange={set('lifecycle')}
          options={withCurrent(vocabOptions(t, 'lifecycle'), v.lifecycle, null)}
          error={errors.lifecycle}
          required
        />
      </div>
      <PersonalDataField value={v.personalData} onChange={set('personalData')} error={errors.personalData} />
      <div className="form-row">
        <SelectField
          label={t('systems.form.hosting')}
          value={v.hosting}
          onValueChange={set('hosting')}
          options={withCurrent([choose, ...vocabOptions(t, 'hosting')], v.hosting, null)}
          error={errors.hosting}
          required
        />
        <TextField
          label={t('systems.form.supplier')}
          value={v.supplier}
          onValueChange={set('supplier')}
          error={errors.supplier}
          hint={t('systems.form.supplierHint')}
          maxLength={200}
        />
      </div>
      <TextField
        label={t('systems.form.tags')}
        value={v.tags}
        onValueChange={set('tags')}
        error={errors.tags}
        hint={t('systems.form.tagsHint')}
        autoComplete="off"
      />
      <CustomFieldsEditor rows={v.customFields} onChange={set('customFields')} error={errors.customFields} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {form.busy ? t('common.saving') : t('systems.form.save')}
        </button>
        <Link to={system ? systemPath(system.id) : '/systems'} className="button button--secondary">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
