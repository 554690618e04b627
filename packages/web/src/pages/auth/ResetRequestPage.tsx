import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { Notice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { PublicLayout } from '../../components/PublicLayout';
import { checkEmail, requireFields } from '../../components/validation';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useSubmit } from '../../hooks/useSubmit';
import { useT } from '../../i18n';

export function ResetRequestPage() {
  const t = useT();
  usePageTitle(t('reset.requestTitle'));
  const form = useSubmit();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);

  const submit = async () => {
    await api.post('/auth/password-reset/request', { email: email.trim() }, { public: true });
    setSent(true);
  };

  const validate = () => checkEmail(t, 'email', email, requireFields(t, { email }));

  return (
    <PublicLayout>
      <h1 className="public-card__title">{t('reset.requestTitle')}</h1>
      {sent ? (
        <Notice>{t('reset.requestSent')}</Notice>
      ) : (
        <form className="form" noValidate onSubmit={(e) => void form.handle(e, submit, validate)}>
          <p>{t('reset.requestIntro')}</p>
          <FormError error={form.error} />
          <TextField
            label={t('fields.email')}
            type="email"
            value={email}
            onValueChange={setEmail}
            error={form.fieldErrors.email}
            autoComplete="email"
            required
          />
          <button type="submit" className="button button--primary button--block" disabled={form.busy}>
            {t('reset.requestSubmit')}
          </button>
        </form>
      )}
      <p className="form__footer">
        <Link to="/login">{t('common.backToLogin')}</Link>
      </p>
    </PublicLayout>
  );
}
