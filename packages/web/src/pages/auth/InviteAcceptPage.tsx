import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import type { AuthResponse, InvitationLookup } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { LoadError } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { PublicLayout } from '../../components/PublicLayout';
import { checkConfirm, requireFields } from '../../components/validation';
import { useApi } from '../../hooks/useApi';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useSubmit } from '../../hooks/useSubmit';
import { useT } from '../../i18n';

export function InviteAcceptPage() {
  const t = useT();
  usePageTitle(t('invite.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const lookup = useApi(
    (signal) =>
      token ? api.get<InvitationLookup>('/invitations/lookup', { token }, { signal, public: true }) : Promise.resolve(undefined),
    token,
  );
  const invalid = lookup.error instanceof ApiError && [400, 404, 409, 410].includes(lookup.error.status) && !lookup.loading;

  return (
    <PublicLayout>
      <h1 className="public-card__title">{t('invite.title')}</h1>
      {!token ? (
        <p className="alert alert--error" role="alert">
          {t('invite.missingToken')}
        </p>
      ) : lookup.loading ? (
        <Loading />
      ) : invalid ? (
        <p className="alert alert--error" role="alert">
          {t('invite.invalid')}
        </p>
      ) : lookup.error ? (
        <LoadError error={lookup.error} onRetry={lookup.reload} />
      ) : lookup.data ? (
        <AcceptForm token={token} invitation={lookup.data} />
      ) : null}
    </PublicLayout>
  );
}

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationLookup }) {
  const t = useT();
  const navigate = useNavigate();
  const { applyAuth } = useAuth();
  const form = useSubmit();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');

  const submit = async () => {
    const res = await api.post<AuthResponse>('/invitations/accept', { token, name: name.trim(), password }, { public: true });
    applyAuth(res);
    navigate('/', { replace: true });
  };
  const validate = () => checkConfirm(t, password, confirmPassword, requireFields(t, { name, password, confirmPassword }));

  return (
    <form className="form" noValidate onSubmit={(e) => void form.handle(e, submit, validate)}>
      <p>{t('invite.intro', { org: invitation.orgName })}</p>
      <dl className="summary-list">
        <div>
          <dt>{t('invite.summaryOrg')}</dt>
          <dd>{invitation.orgName}</dd>
        </div>
        <div>
          <dt>{t('invite.summaryEmail')}</dt>
          <dd>{invitation.email}</dd>
        </div>
        <div>
          <dt>{t('invite.summaryRole')}</dt>
          <dd>{invitation.roleName}</dd>
        </div>
      </dl>
      <FormError error={form.error} />
      <TextField
        label={t('fields.yourName')}
        value={name}
        onValueChange={setName}
        error={form.fieldErrors.name}
        autoComplete="name"
        required
      />
      <TextField
        label={t('fields.password')}
        type="password"
        value={password}
        onValueChange={setPassword}
        error={form.fieldErrors.password}
        hint={t('setup.passwordHint')}
        autoComplete="new-password"
        required
      />
      <TextField
        label={t('fields.confirmPassword')}
        type="password"
        value={confirmPassword}
        onValueChange={setConfirmPassword}
        error={form.fieldErrors.confirmPassword}
        autoComplete="new-password"
        required
      />
      <button type="submit" className="button button--primary button--block" disabled={form.busy}>
        {form.busy ? t('invite.submitting') : t('invite.submit')}
      </button>
    </form>
  );
}
