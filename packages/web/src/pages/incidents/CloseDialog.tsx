import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api/client';
import { type Incident, incidentApiPath } from '../../api/incidents';
import { TextAreaField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import type { FieldErrors } from '../../hooks/useSubmit';
import { useSubmit } from '../../hooks/useSubmit';
import { useI18n } from '../../i18n';

interface Props {
  open: boolean;
  incident: Incident;
  onClosed: (incident: Incident) => void;
  onCancel: () => void;
}

/**
 * Closing an incident (a modal <dialog>: focus stays inside, Escape cancels): root cause and
 * lessons learned are required, and the open corrective actions are named so none is forgotten.
 */
export function CloseDialog({ open, incident, onClosed, onCancel }: Props) {
  const { t, tp } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const form = useSubmit();
  const [rootCause, setRootCause] = useState(incident.rootCause ?? '');
  const [lessons, setLessons] = useState(incident.lessonsLearned ?? '');
  const openActions = incident.actions.filter((a) => a.status !== 'done');

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const validate = (): FieldErrors => {
    const e: FieldErrors = {};
    if (!rootCause.trim()) e.rootCause = t('incidents.close.rootCauseRequired');
    if (!lessons.trim()) e.lessonsLearned = t('incidents.close.lessonsRequired');
    return e;
  };
  const submit = async () => {
    onClosed(
      await api.patch<Incident>(incidentApiPath(incident.id), {
        status: 'closed',
        rootCause: rootCause.trim(),
        lessonsLearned: lessons.trim(),
      }),
    );
  };

  return (
    <dialog
      ref={ref}
      className="dialog dialog--wide"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form className="form" noValidate onSubmit={(e) => void form.handle(e, submit, validate)}>
        <h2 id={titleId} className="dialog__title">
          {t('incidents.close.title', { ref: incident.ref })}
        </h2>
        <p className="muted">{t('incidents.close.intro')}</p>
        <FormError error={form.error} />
        <TextAreaField
          label={t('incidents.close.rootCause')}
          value={rootCause}
          onValueChange={setRootCause}
          error={form.fieldErrors.rootCause}
          hint={t('incidents.close.rootCauseHint')}
          rows={3}
          required
        />
        <TextAreaField
          label={t('incidents.close.lessons')}
          value={lessons}
          onValueChange={setLessons}
          error={form.fieldErrors.lessonsLearned}
          hint={t('incidents.close.lessonsHint')}
          rows={3}
          required
        />
        {openActions.length > 0 ? (
          <p className="alert alert--info">{tp('incidents.close.openActions', openActions.length, { count: openActions.length })}</p>
        ) : incident.actions.length === 0 ? (
          <p className="alert alert--warning">{t('incidents.close.noActions')}</p>
        ) : null}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {t('incidents.close.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
