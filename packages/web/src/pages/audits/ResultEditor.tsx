import { type FormEvent, useEffect, useId, useState } from 'react';
import { AUDIT_RESULTS, type AuditResult, auditApiPath, type FieldworkItem, type ResultInput } from '../../api/audits';
import type { Requirement } from '../../api/baselines';
import { api } from '../../api/client';
import { Badge } from '../../components/Badge';
import { LoadError } from '../../components/Feedback';
import { TextAreaField, TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { useApi } from '../../hooks/useApi';
import { type FieldErrors, useSubmit } from '../../hooks/useSubmit';
import { useI18n } from '../../i18n';
import { evidenceFileUrl } from '../requirements/paths';
import { ResultBadge } from './bits';
import { controlName, resultLabel } from './vocab';

interface Props {
  auditId: string;
  item: FieldworkItem;
  editable: boolean;
  onSaved: (item: FieldworkItem) => void;
}

/**
 * A requirement's details in the fieldwork list: the implementation statement, and the result
 * with observations, sampling notes and the evidence reviewed (picked from the requirement's own
 * evidence). Read-only for everyone but the audit's auditors during fieldwork.
 */
export function ResultEditor({ auditId, item, editable, onSaved }: Props) {
  const { t, formatDateTime } = useI18n();
  const id = useId();
  const requirement = useApi(
    (signal) => api.get<Requirement>(`/requirements/${encodeURIComponent(item.requirementId)}`, undefined, { signal }),
    item.requirementId,
  );
  const [result, setResult] = useState<string>(item.result ?? '');
  const [observations, setObservations] = useState(item.observations ?? '');
  const [sampling, setSampling] = useState(item.sampling ?? '');
  const [evidence, setEvidence] = useState<string[]>(item.evidenceReviewed);
  const [saved, setSaved] = useState('');
  const submit = useSubmit();
  const evidenceList = requirement.data?.evidence ?? [];
  // A one-click result in the row above changes the result here too.
  useEffect(() => {
    if (item.result) setResult(item.result);
  }, [item.result]);
  const name = controlName(item);

  const onSubmit = (e: FormEvent) =>
    submit.handle(
      e,
      async () => {
        const body: ResultInput = { result: result as AuditResult, observations, sampling, evidenceReviewed: evidence };
        const r = await api.put<{ result: string; assessedAt: string }>(
          `${auditApiPath(auditId)}/results/${encodeURIComponent(item.requirementId)}`,
          body,
        );
        setSaved(t('audits.fieldwork.saved', { name }));
        onSaved({ ...item, result: r.result, observations, sampling, evidenceReviewed: evidence, assessedAt: r.assessedAt });
      },
      (): FieldErrors => (result ? {} : { result: t('audits.fieldwork.chooseResult') }),
    );

  const statement = (
    <div className="result-editor__statement">
      <h4 className="result-editor__heading">{t('audits.fieldwork.statement')}</h4>
      {item.statement.trim() ? <p className="pre-line">{item.statement}</p> : <p className="muted">{t('audits.fieldwork.noStatement')}</p>}
    </div>
  );

  const evidencePicker = (
    <fieldset className="fieldset">
      <legend className="field__label">{t('audits.fieldwork.evidence')}</legend>
      {requirement.loading && !requirement.data ? (
        <Loading />
      ) : requirement.error ? (
        <LoadError error={requirement.error} onRetry={requirement.reload} />
      ) : evidenceList.length === 0 ? (
        <p className="muted small">{t('audits.fieldwork.noEvidence')}</p>
      ) : (
        <ul className="evidence-picker">
          {evidenceList.map((ev) => {
            const href = ev.kind === 'file' ? evidenceFileUrl(ev.id) : (ev.url ?? undefined);
            const checked = evidence.includes(ev.id);
            return (
              <li key={ev.id} className="evidence-picker__item">
                {editable ? (
                  <label className="inline-check">
                    <input
                      type="checkbox"
                      checked={checked}
                      onChange={(e) => setEvidence((list) => (e.target.checked ? [...list, ev.id] : list.filter((x) => x !== ev.id)))}
                    />
                    {t('audits.fieldwork.reviewed', { name: ev.name })}
                  </label>
                ) : (
                  <span>{checked ? <Badge tone="success">{t('audits.fieldwork.reviewedBadge')}</Badge> : null}</span>
                )}
                {href && (
                  <a href={href} className="evidence-picker__link" target={ev.kind === 'link' ? '_blank' : undefined} rel="noreferrer">
                    {ev.kind === 'file' ? t('audits.fieldwork.download', { name: ev.name }) : t('audits.fieldwork.open', { name: ev.name })}
                  </a>
                )}
                {ev.inherited && <span className="muted small">{t('audits.fieldwork.inheritedEvidence')}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );

  if (!editable) {
    return (
      <div className="result-editor">
        {statement}
        <dl className="summary-list">
          <div>
            <dt>{t('audits.fieldwork.result')}</dt>
            <dd>
              <ResultBadge result={item.result} />
              {item.assessedAt && <span className="muted small"> {formatDateTime(item.assessedAt)}</span>}
            </dd>
          </div>
          <div>
            <dt>{t('audits.fieldwork.observations')}</dt>
            <dd className="pre-line">{item.observations || t('common.none')}</dd>
          </div>
          <div>
            <dt>{t('audits.fieldwork.sampling')}</dt>
            <dd className="pre-line">{item.sampling || t('common.none')}</dd>
          </div>
        </dl>
        {evidencePicker}
      </div>
    );
  }

  return (
    <form className="result-editor" onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('audits.fieldwork.editorLabel', { name })}>
      {statement}
      <FormError error={submit.error} />
      <fieldset className="fieldset">
        <legend className="field__label">{t('audits.fieldwork.result')}</legend>
        <div className="result-options">
          {AUDIT_RESULTS.map((value) => (
            <label key={value} className={`result-option result-option--${value}`}>
              <input type="radio" name={`${id}-result`} value={value} checked={result === value} onChange={() => setResult(value)} />
              {resultLabel(t, value)}
            </label>
          ))}
        </div>
        {submit.fieldErrors.result && <p className="field__error">{submit.fieldErrors.result}</p>}
      </fieldset>
      <TextAreaField
        label={t('audits.fieldwork.observations')}
        value={observations}
        onValueChange={setObservations}
        rows={3}
        maxLength={20000}
        error={submit.fieldErrors.observations}
      />
      <TextField
        label={t('audits.fieldwork.sampling')}
        hint={t('audits.fieldwork.samplingHint')}
        value={sampling}
        onValueChange={setSampling}
        maxLength={5000}
        error={submit.fieldErrors.sampling}
      />
      {evidencePicker}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={submit.busy}>
          {submit.busy ? t('common.saving') : t('audits.fieldwork.save')}
        </button>
        <p className="muted small" role="status">
          {saved}
        </p>
      </div>
    </form>
  );
}
