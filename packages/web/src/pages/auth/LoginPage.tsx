import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { PublicLayout } from '../../components/PublicLayout';
import { requireFields } from '../../components/validation';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useSubmit } from '../../hooks/useSubmit';
import { useT } from '../../i18n';

export function LoginPage() {
  const t = useT();
  usePageTitle(t('login.title'));
  const { login } = useAuth();
  const form = useSubmit();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = async () => {
    try {
      await login(email.trim(), password);
    } catch (e) {
      // Never reveal which of the two was wrong; keep the server's (generic) message if it sent one.
      if (e instanceof ApiError && e.status === 401 && !e.message) {
        throw new ApiError(401, e.code, t('login.failed'));
      }
      throw e;
    }
    // <RedirectIfLoggedIn> around this page now sends the user on (to where they came from).
  };

  return (
    <PublicLayout>
      <h1 className="public-card__title">{t('login.title')}</h1>
      <form className="form" noValidate onSubmit={(e) => void form.handle(e, submit, () => requireFields(t, { email, password }))}>
        <FormError error={form.error} />
        <TextField
          label={t('fields.email')}
          type="email"
          value={email}
          onValueChange={setEmail}
          error={form.fieldErrors.email}
          autoComplete="username"
          required
        />
        <TextField
          label={t('fields.password')}
          type="password"
          value={password}
          onValueChange={setPassword}
          error={form.fieldErrors.password}
          autoComplete="current-password"
          required
        />
        <button type="submit" className="button button--primary button--block" disabled={form.busy}>
          {t('login.submit')}
        </button>
        <p className="form__footer">
          <Link to="/reset-password">{t('login.forgot')}</Link>
        </p>
      </form>
    </PublicLayout>
  );
}
