import { useState } from 'react';
import { api } from '../../api/client';
import type { CreatedToken } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { CopyBox } from '../../components/CopyBox';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { IconAlert } from '../../components/Icons';
import { requireFields } from '../../components/validation';
import { type FieldErrors, useSubmit } from '../../hooks/useSubmit';
import { useT } from '../../i18n';
import { describePermission } from '../permissions';

export function TokenCreateForm({ onCreated }: { onCreated: () => void }) {
  const t = useT();
  const me = useMe();
  const form = useSubmit();
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [selected, setSelected] = useState<string[]>([]);
  const [secret, setSecret] = useState<string | null>(null);

  const toggle = (perm: string, on: boolean) => setSelected((prev) => (on ? [...prev, perm] : prev.filter((p) => p !== perm)));

  const validate = (): FieldErrors => {
    const errors = requireFields(t, { name });
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 365) errors.expiresInDays = t('tokens.expiresInvalid');
    if (selected.length === 0) errors.permissions = t('tokens.choosePermissions');
    return errors;
  };

  const submit = async () => {
    const res = await api.post<CreatedToken>('/tokens', {
      name: name.trim(),
      permissions: selected,
      expiresInDays: Number(days),
    });
    setSecret(res.secret);
    setName('');
    setSelected([]);
    onCreated();
  };

  if (secret) {
    return (
      <div className="secret-panel">
        <h3 className="subsection-title">{t('tokens.secretTitle')}</h3>
        <p className="alert alert--warning">
          <IconAlert className="alert__icon" />
          {t('tokens.secretWarning')}
        </p>
        <CopyBox value={secret} label={t('tokens.secretLabel')} testId="token-secret" />
        <button type="button" className="button button--secondary" onClick={() => setSecret(null)}>
          {t('tokens.dismissSecret')}
        </button>
      </div>
    );
  }

  if (me.permissions.length === 0) {
    return <p className="muted subsection">{t('tokens.noPermissions')}</p>;
  }

  const permError = form.fieldErrors.permissions;
  return (
    <form className="form subsection" noValidate onSubmit={(e) => void form.handle(e, submit, validate)}>
      <h3 className="subsection-title">{t('tokens.createTitle')}</h3>
      <FormError error={form.error} />
      <div className="form-row">
        <TextField label={t('tokens.name')} value={name} onValueChange={setName} error={form.fieldErrors.name} required />
        <TextField
          label={t('tokens.expiresInDays')}
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          step={1}
          value={days}
          onValueChange={setDays}
          error={form.fieldErrors.expiresInDays}
          hint={t('tokens.expiresHint')}
          required
        />
      </div>
      <fieldset className="fieldset" aria-describedby={permError ? 'token-perm-error' : undefined}>
        <legend className="field__label">{t('tokens.permissions')}</legend>
        <ul className="checkbox-grid">
          {me.permissions.map((perm) => (
            <li key={perm}>
              <label className="checkbox">
                <input type="checkbox" checked={selected.includes(perm)} onChange={(e) => toggle(perm, e.target.checked)} />
                <span>
                  <code>{perm}</code>
                  {describePermission(t, perm) && <span className="checkbox__desc">{describePermission(t, perm)}</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
        {permError && (
          <p className="field__error" id="token-perm-error">
            {permError}
          </p>
        )}
      </fieldset>
      <div>
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {t('tokens.create')}
        </button>
      </div>
    </form>
  );
}
