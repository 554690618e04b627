import { useState } from 'react';
import type { Evidence } from '../../api/baselines';
import { api } from '../../api/client';
import { Notice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { requireFields } from '../../components/validation';
import { type FieldErrors, useSubmit } from '../../hooks/useSubmit';
import { useT } from '../../i18n';
import { isWebUrl } from '../catalogs/oscal';

/** Attach a link (a document in the intranet, a ticket) as evidence. */
export function EvidenceLinkForm({ path, onAdded }: { path: string; onAdded: (evidence: Evidence) => void }) {
  const t = useT();
  const form = useSubmit();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [done, setDone] = useState('');

  const validate = (): FieldErrors => {
    const errors = requireFields(t, { name, url });
    if (url.trim() && !isWebUrl(url.trim()) && !errors.url) errors.url = t('requirements.evidence.urlInvalid');
    return errors;
  };
  const submit = async () => {
    const evidence = await api.post<Evidence>(path, { name: name.trim(), url: url.trim() });
    setName('');
    setUrl('');
    setDone(t('requirements.evidence.linkAdded', { name: evidence.name }));
    onAdded(evidence);
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void form.handle(e, submit, validate)}>
      <FormError error={form.error} />
      <Notice>{done}</Notice>
      <div className="inline-form">
        <TextField
          label={t('requirements.evidence.linkName')}
          value={name}
          onValueChange={(v) => {
            setDone('');
            setName(v);
          }}
          error={form.fieldErrors.name}
          maxLength={200}
        />
        <TextField
          label={t('requirements.evidence.linkUrl')}
          type="url"
          value={url}
          onValueChange={setUrl}
          error={form.fieldErrors.url}
          placeholder="https://"
          maxLength={2000}
        />
        <div className="inline-form__actions">
          <button type="submit" className="button button--secondary" disabled={form.busy}>
            {t('requirements.evidence.addLink')}
          </button>
        </div>
      </div>
    </form>
  );
}
