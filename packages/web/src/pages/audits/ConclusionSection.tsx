import { useState } from 'react';
import { type Audit, auditApiPath } from '../../api/audits';
import { api } from '../../api/client';
import { Notice } from '../../components/Feedback';
import { TextAreaField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { type FieldErrors, useSubmit } from '../../hooks/useSubmit';
import { useI18n } from '../../i18n';

interface Props {
  audit: Audit;
  manage: boolean;
  onChanged: (audit: Audit) => void;
}

/** The audit's conclusion: planners write it and close the audit with it (closing needs one). */
export function ConclusionSection({ audit, manage, onChanged }: Props) {
  const { t, formatDateTime } = useI18n();
  const [text, setText] = useState(audit.conclusion ?? '');
  const [notice, setNotice] = useState('');
  const submit = useSubmit();
  const closed = audit.status === 'closed';
  const editable = manage && !closed;
  const mayClose = audit.status === 'reporting';

  const required = (): FieldErrors => (text.trim() ? {} : { conclusion: t('audits.conclusion.required') });

  const save = () =>
    submit.handle(null, async () => {
      onChanged(await api.patch<Audit>(auditApiPath(audit.id), { conclusion: text.trim() || null }));
      setNotice(t('audits.conclusion.saved'));
    });

  const close = () =>
    submit.handle(
      null,
      async () => {
        onChanged(await api.patch<Audit>(auditApiPath(audit.id), { status: 'closed', conclusion: text.trim() }));
        setNotice(t('audits.conclusion.closed', { ref: audit.ref }));
      },
      required,
    );

  return (
    <section className="card card--flat audits-card" id="audit-conclusion" aria-labelledby="audit-conclusion-title" tabIndex={-1}>
      <h2 id="audit-conclusion-title" className="card__title">
        {t('audits.conclusion.title')}
      </h2>
      <Notice>{notice}</Notice>
      {editable ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          noValidate
        >
          <FormError error={submit.error} />
          <TextAreaField
            label={t('audits.conclusion.label')}
            hint={mayClose ? t('audits.conclusion.hintClose') : t('audits.conclusion.hint')}
            value={text}
            onValueChange={setText}
            rows={5}
            maxLength={20000}
            error={submit.fieldErrors.conclusion}
          />
          <div className="form-actions">
            <button type="submit" className="button button--secondary" disabled={submit.busy}>
              {t('audits.conclusion.save')}
            </button>
            {mayClose && (
              <button type="button" className="button button--primary" disabled={submit.busy} onClick={() => void close()}>
                {t('audits.conclusion.close')}
              </button>
            )}
          </div>
        </form>
      ) : audit.conclusion ? (
        <>
          <p className="pre-line">{audit.conclusion}</p>
          {audit.closedAt && <p className="muted small">{t('audits.conclusion.closedAt', { at: formatDateTime(audit.closedAt) })}</p>}
        </>
      ) : (
        <p className="muted">{t('audits.conclusion.none')}</p>
      )}
    </section>
  );
}
