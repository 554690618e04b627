import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { AuthResponse, SetupStatus } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { PublicLayout } from '../../components/PublicLayout';
import { checkConfirm, checkEmail, requireFields } from '../../components/validation';
import { useApi } from '../../hooks/useApi';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useSubmit } from '../../hooks/useSubmit';
import { useT } from '../../i18n';

export function SetupPage() {
  const t = useT();
  usePageTitle(t('setup.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const status = useApi(
    (signal) =>
      api.get<SetupStatus>('/setup/status', undefined, {
        signal,
        public: true,
      }),
    '',
  );

  return (
    <PublicLayout>
      <h1 className="public-card__title">{t('setup.title')}</h1>
      {status.loading ? (
        <Loading />
      ) : status.data && !status.data.needsSetup ? (
        <>
          <p>{t('setup.alreadyDone')}</p>
          <Link className="button button--primary" to="/login">
            {t('login.submit')}
          </Link>
        </>
      ) : !token ? (
        <p className="alert alert--error" role="alert">
          {t('setup.missingToken')}
        </p>
      ) : (
        <SetupForm token={token} />
      )}
    </PublicLayout>
  );
}

function SetupForm({ token }: { token: string }) {
  const t = useT();
  const navigate = useNavigate();
  const { applyAuth } = useAuth();
  const form = useSubmit();
  const [organisationName, setOrganisationName] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const fe = form.fieldErrors;

  const validate = () => {
    const errors = requireFields(t, {
      organisationName,
      name,
      email,
      password,
      confirmPassword,
    });
    checkEmail(t, 'email', email, errors);
    return checkConfirm(t, password, confirmPassword, errors);
  };

  const submit = async () => {
    const res = await api.post<AuthResponse>(
      '/setup',
      {
        token,
        organisationName: organisationName.trim(),
        name: name.trim(),
        email: email.trim(),
        password,
      },
      { public: true },
    );
    applyAuth(res);
    navigate('/', { replace: true });
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void form.handle(e, submit, validate)}>
      <p>{t('setup.intro')}</p>
      <FormError error={form.error} />
      <TextField
        label={t('fields.organisationName')}
        value={organisationName}
        onValueChange={setOrganisationName}
        error={fe.organisationName}
        autoComplete="organization"
        required
      />
      <TextField label={t('fields.yourName')} value={name} onValueChange={setName} error={fe.name} autoComplete="name" required />
      <TextField
        label={t('fields.email')}
        type="email"
        value={email}
        onValueChange={setEmail}
        error={fe.email}
        autoComplete="email"
        required
      />
      <TextField
        label={t('fields.password')}
        type="password"
        value={password}
        onValueChange={setPassword}
        error={fe.password}
        hint={t('setup.passwordHint')}
        autoComplete="new-password"
        required
      />
      <TextField
        label={t('fields.confirmPassword')}
        type="password"
        value={confirmPassword}
        onValueChange={setConfirmPassword}
        error={fe.confirmPassword}
        autoComplete="new-password"
        required
      />
      <button type="submit" className="button button--primary button--block" disabled={form.busy}>
        {form.busy ? t('setup.submitting') : t('setup.submit')}
      </button>
    </form>
  );
}
