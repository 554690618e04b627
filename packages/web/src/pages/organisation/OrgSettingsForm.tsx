import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import type { Organisation } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { Notice } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { requireFields } from '../../components/validation';
import { useSubmit } from '../../hooks/useSubmit';
import { useI18n } from '../../i18n';

function timeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const all = new Set(['UTC', ...zones]);
  if (current) all.add(current);
  return [...all].sort((a, b) => a.localeCompare(b));
}

interface Props {
  org: Organisation;
  onSaved: (org: Organisation) => void;
}

export function OrgSettingsForm({ org, onSaved }: Props) {
  const { t, formatDate } = useI18n();
  const { can, refresh } = useAuth();
  const editable = can('org:update');
  const form = useSubmit();
  const [name, setName] = useState(org.name);
  const [timeZone, setTimeZone] = useState(org.timeZone);
  const [saved, setSaved] = useState(false);
  const zoneOptions = useMemo(() => timeZones(org.timeZone).map((z) => ({ value: z, label: z })), [org.timeZone]);

  const submit = async () => {
    setSaved(false);
    const next = await api.patch<Organisation>('/organisation', {
      name: name.trim(),
      timeZone,
    });
    onSaved(next);
    setSaved(true);
    // The header shows the organisation name from /auth/me.
    await refresh().catch(() => undefined);
  };

  return (
    <section className="card" aria-labelledby="org-settings-title">
      <h2 id="org-settings-title" className="card__title">
        {t('organisation.settings')}
      </h2>
      <p className="muted small">{t('organisation.createdAt', { date: formatDate(org.createdAt) })}</p>
      {editable ? (
        <form className="form form--narrow" noValidate onSubmit={(e) => void form.handle(e, submit, () => requireFields(t, { name }))}>
          <FormError error={form.error} />
          {saved && <Notice>{t('common.saved')}</Notice>}
          <TextField
            label={t('fields.organisationName')}
            value={name}
            onValueChange={setName}
            error={form.fieldErrors.name}
            autoComplete="organization"
            required
          />
          <SelectField
            label={t('fields.timeZone')}
            value={timeZone}
            options={zoneOptions}
            onValueChange={setTimeZone}
            error={form.fieldErrors.timeZone}
          />
          <div>
            <button type="submit" className="button button--primary" disabled={form.busy}>
              {form.busy ? t('common.saving') : t('common.save')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <dl className="summary-list">
            <div>
              <dt>{t('fields.organisationName')}</dt>
              <dd>{org.name}</dd>
            </div>
            <div>
              <dt>{t('fields.timeZone')}</dt>
              <dd>{org.timeZone}</dd>
            </div>
          </dl>
          <p className="muted small">{t('organisation.readOnly')}</p>
        </>
      )}
    </section>
  );
}
