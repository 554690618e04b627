import { useState } from 'react';
import { api } from '../../api/client';
import type { CreatedInvitation, Department, Items } from '../../api/types';
import { CopyBox } from '../../components/CopyBox';
import { Notice } from '../../components/Feedback';
import { type Option, SelectField, TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { checkEmail, requireFields } from '../../components/validation';
import { useApi } from '../../hooks/useApi';
import { useSubmit } from '../../hooks/useSubmit';
import { useT } from '../../i18n';
import { departmentOptions } from '../organisation/tree';

interface Props {
  roles: Option[];
  onSent: () => void;
}

export function InviteForm({ roles, onSent }: Props) {
  const t = useT();
  const form = useSubmit();
  const depts = useApi(
    (signal) => api.get<Items<Department>>('/departments', undefined, { signal }).catch(() => ({ items: [] as Department[] })),
    '',
  );
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('staff');
  const [departmentId, setDepartmentId] = useState('');
  const [sent, setSent] = useState<{ email: string; link?: string } | null>(null);

  const validate = () => checkEmail(t, 'email', email, requireFields(t, { email, role }));

  const submit = async () => {
    setSent(null);
    const body: { email: string; role: string; departmentId?: string } = {
      email: email.trim(),
      role,
    };
    if (departmentId) body.departmentId = departmentId;
    const res = await api.post<CreatedInvitation>('/invitations', body);
    const link = res.link?.startsWith('/') ? `${window.location.origin}${res.link}` : res.link;
    setSent(link ? { email: res.invitation.email, link } : { email: res.invitation.email });
    setEmail('');
    onSent();
  };

  const roleOptions = roles.some((r) => r.value === role) ? roles : [{ value: role, label: role }, ...roles];

  return (
    <section className="card card--flat" aria-labelledby="invite-title">
      <h2 id="invite-title" className="card__title">
        {t('invitations.formTitle')}
      </h2>
      <form className="form" noValidate onSubmit={(e) => void form.handle(e, submit, validate)}>
        <FormError error={form.error} />
        <div className="form-row form-row--3">
          <TextField
            label={t('fields.email')}
            type="email"
            value={email}
            onValueChange={setEmail}
            error={form.fieldErrors.email}
            autoComplete="off"
            required
          />
          <SelectField label={t('fields.role')} value={role} onValueChange={setRole} options={roleOptions} error={form.fieldErrors.role} />
          <SelectField
            label={t('fields.department')}
            value={departmentId}
            onValueChange={setDepartmentId}
            options={[{ value: '', label: t('invitations.noDepartment') }, ...departmentOptions(depts.data?.items ?? [])]}
            error={form.fieldErrors.departmentId}
          />
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {t('invitations.submit')}
          </button>
        </div>
      </form>
      {sent && <Notice>{t('invitations.sent', { email: sent.email })}</Notice>}
      {sent?.link && (
        <div className="secret-panel">
          <h3 className="subsection-title">{t('invitations.linkTitle')}</h3>
          <p>{t('invitations.linkText', { email: sent.email })}</p>
          <CopyBox value={sent.link} label={t('invitations.linkLabel', { email: sent.email })} testId="invite-link" />
        </div>
      )}
    </section>
  );
}
