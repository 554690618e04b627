import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { type Audit, auditApiPath, type FieldworkItem, type FindingInput, type FindingSeverity } from '../../api/audits';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { Notice } from '../../components/Feedback';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useApi } from '../../hooks/useApi';
import { type FieldErrors, useSubmit } from '../../hooks/useSubmit';
import { useI18n } from '../../i18n';
import { FindingStatusBadge, SeverityBadge } from './bits';
import { UserSelect } from './UserSelect';
import { ACTIONS_PATH, addDays, controlName, severityOptions, todayUtc } from './vocab';

interface Props {
  audit: Audit;
  /** The caller is an auditor of this audit and it is in fieldwork or reporting. */
  canRecord: boolean;
  onRecorded: () => void;
}

/** The audit's findings; its auditors record new ones, each with the corrective action it asks for. */
export function FindingsSection({ audit, canRecord, onRecorded }: Props) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');

  return (
    <section className="card card--flat audits-card" aria-labelledby="audit-findings-title">
      <div className="card__header">
        <h2 id="audit-findings-title" className="card__title">
          {t('audits.findings.title')}
        </h2>
        {canRecord && !adding && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setNotice('');
              setAdding(true);
            }}
          >
            {t('audits.findings.record')}
          </button>
        )}
      </div>
      <Notice>{notice}</Notice>
      {audit.findings.length === 0 ? (
        <p className="muted">{t('audits.findings.none')}</p>
      ) : (
        <ul className="finding-list">
          {audit.findings.map((f) => (
            <li key={f.id} className={`finding-list__item finding-list__item--${f.severity}`}>
              <span className="audit-ref">{f.ref}</span>
              <span className="finding-list__title">{f.title}</span>
              <span className="badge-row">
                <SeverityBadge severity={f.severity} />
                <FindingStatusBadge status={f.status} />
                {f.controlId && <code className="chip">{f.controlId}</code>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {audit.findings.length > 0 && (
        <p className="small">
          <Link to={`${ACTIONS_PATH}?source=finding`}>{t('audits.findings.toActions')}</Link>
        </p>
      )}
      {adding && (
        <FindingForm
          audit={audit}
          onCancel={() => setAdding(false)}
          onSaved={(message) => {
            setAdding(false);
            setNotice(message);
            onRecorded();
          }}
        />
      )}
    </section>
  );
}

/** Controls that did not (fully) pass, offered as suggestions for the finding's control. */
function useFailedControls(auditId: string): FieldworkItem[] {
  const res = useApi(async (signal) => {
    const get = (result: string) =>
      api.get<Page<FieldworkItem>>(`${auditApiPath(auditId)}/requirements`, { result, pageSize: 100 }, { signal }).then((p) => p.items);
    const [failed, partly] = await Promise.all([get('not-satisfied'), get('partially')]);
    return [...failed, ...partly];
  }, `failed|${auditId}`);
  return res.data ?? [];
}

function FindingForm({ audit, onCancel, onSaved }: { audit: Audit; onCancel: () => void; onSaved: (message: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const failed = useFailedControls(audit.id);
  const today = todayUtc();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [severity, setSeverity] = useState<FindingSeverity>('moderate');
  const [controlId, setControlId] = useState('');
  const [systemIds, setSystemIds] = useState<string[]>(audit.systems.length === 1 ? [audit.systems[0]?.id ?? ''] : []);
  const [withAction, setWithAction] = useState(true);
  const [actionTitle, setActionTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState(addDays(today, 90));
  const submit = useSubmit();
  const fe = submit.fieldErrors;
  const controls = [...new Map(failed.map((r) => [r.controlId, r])).values()];

  const validate = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!title.trim()) errors.title = t('common.required');
    if (withAction) {
      if (!actionTitle.trim()) errors.actionTitle = t('common.required');
      if (!dueDate) errors.dueDate = t('common.required');
      else if (dueDate < today) errors.dueDate = t('audits.findings.dueInPast');
      if (!ownerId && systemIds.length === 0) errors.ownerId = t('audits.findings.ownerNeeded');
    }
    return errors;
  };

  const onSubmit = (e: FormEvent) =>
    submit.handle(
      e,
      async () => {
        const body: FindingInput = {
          title: title.trim(),
          description,
          severity,
          controlId: controlId.trim() || null,
          systemIds,
          action: withAction ? { title: actionTitle.trim(), ownerId: ownerId || null, dueDate } : null,
        };
        const created = await api.post<{ id: string; ref: string; actionId: string | null }>(`${auditApiPath(audit.id)}/findings`, body);
        onSaved(
          created.actionId
            ? t('audits.findings.recordedWithAction', { ref: created.ref })
            : t('audits.findings.recorded', { ref: created.ref }),
        );
      },
      validate,
    );

  return (
    <form className="form finding-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="subsection-title">
        {t('audits.findings.formTitle')}
      </h3>
      <FormError error={submit.error} />
      <TextField label={t('audits.findings.name')} value={title} onValueChange={setTitle} error={fe.title} required maxLength={300} />
      <TextAreaField
        label={t('audits.findings.description')}
        hint={t('audits.findings.descriptionHint')}
        value={description}
        onValueChange={setDescription}
        rows={3}
        error={fe.description}
      />
      <div className="form-row">
        <SelectField
          label={t('audits.findings.severity')}
          value={severity}
          onValueChange={(v) => setSeverity(v as FindingSeverity)}
          options={severityOptions(t)}
          error={fe.severity}
        />
        <div className="field">
          <label className="field__label" htmlFor={`${id}-control`}>
            {t('audits.findings.control')}
          </label>
          <input
            id={`${id}-control`}
            className="input"
            list={`${id}-controls`}
            value={controlId}
            onChange={(e) => setControlId(e.target.value)}
            autoComplete="off"
            maxLength={200}
            aria-describedby={`${id}-control-hint`}
          />
          <datalist id={`${id}-controls`}>
            {controls.map((r) => (
              <option key={r.controlId} value={r.controlId}>
                {controlName(r)}
              </option>
            ))}
          </datalist>
          <p className="field__hint" id={`${id}-control-hint`}>
            {controls.length > 0 ? t('audits.findings.controlHintFailed', { count: controls.length }) : t('audits.findings.controlHint')}
          </p>
        </div>
      </div>
      <fieldset className="fieldset">
        <legend className="field__label">{t('audits.findings.systems')}</legend>
        <ul className="checkbox-grid">
          {audit.systems.map((s) => (
            <li key={s.id}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={systemIds.includes(s.id)}
                  onChange={(e) => setSystemIds((list) => (e.target.checked ? [...list, s.id] : list.filter((x) => x !== s.id)))}
                />
                <span>{s.name}</span>
              </label>
            </li>
          ))}
        </ul>
        {fe.systemIds && <p className="field__error">{fe.systemIds}</p>}
      </fieldset>
      <fieldset className="fieldset finding-form__action">
        <legend className="field__label">{t('audits.findings.actionLegend')}</legend>
        <label className="inline-check">
          <input type="checkbox" checked={withAction} onChange={(e) => setWithAction(e.target.checked)} />
          {t('audits.findings.withAction')}
        </label>
        {withAction && (
          <>
            <TextField
              label={t('audits.findings.actionTitle')}
              value={actionTitle}
              onValueChange={setActionTitle}
              error={fe.actionTitle}
              required
              maxLength={300}
            />
            <UserSelect
              label={t('audits.findings.owner')}
              value={ownerId}
              onChange={setOwnerId}
              emptyLabel={t('audits.findings.ownerDefault')}
              error={fe.ownerId}
              hint={t('audits.findings.ownerHint')}
            />
            <TextField
              label={t('audits.findings.dueDate')}
              type="date"
              min={today}
              value={dueDate}
              onValueChange={setDueDate}
              error={fe.dueDate}
              required
            />
          </>
        )}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={submit.busy}>
          {submit.busy ? t('common.saving') : t('audits.findings.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
