import { useState } from 'react';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { Notice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { checkConfirm, requireFields } from '../../components/validation';
import { useSubmit } from '../../hooks/useSubmit';
import { useT } from '../../i18n';

export function PasswordForm({ onChanged }: { onChanged?: () => void }) {
  const t = useT();
  const { refresh } = useAuth();
  const form = useSubmit();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [done, setDone] = useState(false);
  const fe = form.fieldErrors;

  const validate = () => checkConfirm(t, newPassword, confirmPassword, requireFields(t, { currentPassword, newPassword, confirmPassword }));

  const submit = async () => {
    setDone(false);
    await api.post('/profile/password', { currentPassword, newPassword });
    setCurrentPassword('');
    setNewPassword('');
    setConfirmPassword('');
    setDone(true);
    await refresh().catch(() => undefined);
    onChanged?.();
  };

  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title" className="card__title">
        {t('profile.passwordTitle')}
      </h2>
      <form className="form form--narrow" noValidate onSubmit={(e) => void form.handle(e, submit, validate)}>
        <FormError error={form.error} />
        {done && <Notice>{t('profile.passwordDone')}</Notice>}
        <TextField
          label={t('fields.currentPassword')}
          type="password"
          value={currentPassword}
          onValueChange={setCurrentPassword}
          error={fe.currentPassword}
          autoComplete="current-password"
          required
        />
        <TextField
          label={t('fields.newPassword')}
          type="password"
          value={newPassword}
          onValueChange={setNewPassword}
          error={fe.newPassword}
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
        <div>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {t('profile.passwordSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
