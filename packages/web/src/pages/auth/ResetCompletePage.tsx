import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { Notice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { PublicLayout } from '../../components/PublicLayout';
import { checkConfirm, requireFields } from '../../components/validation';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useSubmit } from '../../hooks/useSubmit';
import { useT } from '../../i18n';

export function ResetCompletePage() {
  const t = useT();
  usePageTitle(t('reset.completeTitle'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const form = useSubmit();
  const [password, setPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [done, setDone] = useState(false);

  const submit = async () => {
    await api.post('/auth/password-reset/complete', { token, password }, { public: true });
    setDone(true);
  };

  const validate = () => checkConfirm(t, password, confirmPassword, requireFields(t, { password, confirmPassword }));

  return (
    <PublicLayout>
      <h1 className="public-card__title">{t('reset.completeTitle')}</h1>
      {done ? (
        <Notice>{t('reset.completeDone')}</Notice>
      ) : !token ? (
        <p className="alert alert--error" role="alert">
          {t('reset.missingToken')} <Link to="/reset-password">{t('reset.requestSubmit')}</Link>
        </p>
      ) : (
        <form className="form" noValidate onSubmit={(e) => void form.handle(e, submit, validate)}>
          <FormError error={form.error} />
          <TextField
            label={t('fields.newPassword')}
            type="password"
            value={password}
            onValueChange={setPassword}
            error={form.fieldErrors.password ?? form.fieldErrors.newPassword}
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
            {t('reset.completeSubmit')}
          </button>
        </form>
      )}
      <p className="form__footer">
        <Link to="/login">{t('common.backToLogin')}</Link>
      </p>
    </PublicLayout>
  );
}
