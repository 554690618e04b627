import { type ReactNode, useState } from 'react';
import { api } from '../../api/client';
import { type Incident, type IncidentPatch, incidentApiPath, type Severity } from '../../api/incidents';
import { useMe } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/Feedback';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import type { FieldErrors } from '../../hooks/useSubmit';
import { useSubmit } from '../../hooks/useSubmit';
import { useT } from '../../i18n';
import { ResponsibleField } from '../requirements/ResponsibleField';
import { SeverityBadge, ZonedTime } from './bits';
import { severityOptions } from './vocab';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const yesNo = (v: boolean | null) => (v === null ? '' : v ? 'yes' : 'no');

interface Props {
  incident: Incident;
  zone: string;
  manage: boolean;
  threatOptions: { value: string; label: string }[];
  typeLabel: (key: string | null) => string;
  onChanged: (incident: Incident) => void;
}

/** What is known about the incident; handlers edit it (type, severity, handler, personal data, indicators). */
export function IncidentDetails({ incident: i, zone, manage, threatOptions, typeLabel, onChanged }: Props) {
  const t = useT();
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [assignError, setAssignError] = useState<unknown>(null);

  const assignToMe = async () => {
    setAssigning(true);
    setAssignError(null);
    try {
      onChanged(await api.patch<Incident>(incidentApiPath(i.id), { handlerId: me.id }));
    } catch (e) {
      setAssignError(e);
    } finally {
      setAssigning(false);
    }
  };
  return (
    <section className="card card--flat" aria-labelledby="incident-details-title">
      <div className="card__header">
        <h2 id="incident-details-title" className="card__title">
          {t('incidents.details.title')}
        </h2>
        {manage && !editing && (
          <button type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>
            {t('incidents.details.edit')}
          </button>
        )}
      </div>
      {editing ? (
        <DetailsForm
          incident={i}
          threatOptions={threatOptions}
          onCancel={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false);
            onChanged(next);
          }}
        />
      ) : (
        <dl className="summary-list incident-details">
          <Row label={t('incidents.details.description')}>
            <span className={i.description ? 'incident-text' : 'muted'}>{i.description || t('incidents.details.noDescription')}</span>
          </Row>
          <Row label={t('incidents.details.type')}>{typeLabel(i.type)}</Row>
          <Row label={t('incidents.details.severity')}>
            <SeverityBadge severity={i.severity} />
          </Row>
          <Row label={t('incidents.details.handler')}>
            {i.handlerName ?? <span className="muted">{t('incidents.noHandler')}</span>}
            {manage && i.handlerId !== me.id && (
              <button
                type="button"
                className="button button--ghost button--small incident-details__assign"
                disabled={assigning}
                onClick={() => void assignToMe()}
              >
                {t('incidents.details.assignToMe')}
              </button>
            )}
            <ErrorAlert error={assignError} />
          </Row>
          <Row label={t('incidents.details.detectedAt')}>
            <ZonedTime iso={i.detectedAt} zone={zone} />
          </Row>
          <Row label={t('incidents.details.source')}>
            {t(i.source === 'api' ? 'incidents.details.sourceApi' : 'incidents.details.sourceWeb')}
            {i.reportCount > 1 && ` · ${t('incidents.reportCount', { count: i.reportCount })}`}
          </Row>
          <Row label={t('incidents.details.personalData')}>{i.personalData ? t('incidents.yesNo.yes') : t('incidents.yesNo.no')}</Row>
          <Row label={t('incidents.details.malicious')}>
            {i.malicious === null ? t('incidents.yesNo.unknown') : i.malicious ? t('incidents.yesNo.yes') : t('incidents.yesNo.no')}
          </Row>
          <Row label={t('incidents.details.iocs')}>
            {i.iocs.length ? (
              <ul className="chip-list">
                {i.iocs.map((x) => (
                  <li key={x} className="chip">
                    {x}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">{t('common.none')}</span>
            )}
          </Row>
          {i.containedAt && (
            <Row label={t('incidents.details.containedAt')}>
              <ZonedTime iso={i.containedAt} zone={zone} />
            </Row>
          )}
        </dl>
      )}
    </section>
  );
}

interface FormValues {
  title: string;
  description: string;
  type: string;
  severity: string;
  handlerId: string;
  personalData: boolean;
  malicious: string;
  iocs: string;
}

function DetailsForm({
  incident: i,
  threatOptions,
  onSaved,
  onCancel,
}: {
  incident: Incident;
  threatOptions: { value: string; label: string }[];
  onSaved: (incident: Incident) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const form = useSubmit();
  const initial: FormValues = {
    title: i.title,
    description: i.description,
    type: i.type ?? '',
    severity: i.severity,
    handlerId: i.handlerId ?? '',
    personalData: i.personalData,
    malicious: yesNo(i.malicious),
    iocs: i.iocs.join('\n'),
  };
  const [v, setValues] = useState(initial);
  const set =
    <K extends keyof FormValues>(key: K) =>
    (value: FormValues[K]) =>
      setValues((prev) => ({ ...prev, [key]: value }));
  const types =
    threatOptions.some((o) => o.value === v.type) || !v.type ? threatOptions : [...threatOptions, { value: v.type, label: v.type }];

  const validate = (): FieldErrors => (v.title.trim() ? {} : { title: t('common.required') });
  const submit = async () => {
    const patch: IncidentPatch = {};
    if (v.title.trim() !== initial.title) patch.title = v.title.trim();
    if (v.description !== initial.description) patch.description = v.description;
    if (v.type !== initial.type) patch.type = v.type || null;
    if (v.severity !== initial.severity) patch.severity = v.severity as Severity;
    if (v.handlerId !== initial.handlerId) patch.handlerId = v.handlerId || null;
    if (v.personalData !== initial.personalData) patch.personalData = v.personalData;
    if (v.malicious !== initial.malicious) patch.malicious = v.malicious === '' ? null : v.malicious === 'yes';
    const iocs = v.iocs
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean);
    if (iocs.join('\n') !== initial.iocs) patch.iocs = iocs;
    if (Object.keys(patch).length === 0) {
      onCancel();
      return;
    }
    onSaved(await api.patch<Incident>(incidentApiPath(i.id), patch));
  };
  const errors = form.fieldErrors;

  return (
    <form className="form" noValidate onSubmit={(e) => void form.handle(e, submit, validate)}>
      <FormError error={form.error} />
      <TextField
        label={t('incidents.form.titleLabel')}
        value={v.title}
        onValueChange={set('title')}
        error={errors.title}
        maxLength={300}
        required
      />
      <TextAreaField
        label={t('incidents.details.description')}
        value={v.description}
        onValueChange={set('description')}
        error={errors.description}
        rows={4}
      />
      <div className="form-row">
        <SelectField
          label={t('incidents.details.type')}
          value={v.type}
          onValueChange={set('type')}
          options={[{ value: '', label: t('incidents.form.typeUnsure') }, ...types]}
          error={errors.type}
        />
        <SelectField
          label={t('incidents.details.severity')}
          value={v.severity}
          onValueChange={set('severity')}
          options={severityOptions(t)}
          error={errors.severity}
        />
      </div>
      <ResponsibleField
        label={t('incidents.details.handler')}
        value={v.handlerId}
        onChange={set('handlerId')}
        currentName={i.handlerName}
        error={errors.handlerId}
      />
      <div className="form-row">
        <label className="checkbox">
          <input type="checkbox" checked={v.personalData} onChange={(e) => set('personalData')(e.target.checked)} />
          <span>
            {t('incidents.form.personalData')}
            <span className="checkbox__desc">{t('incidents.form.personalDataHint')}</span>
          </span>
        </label>
        <SelectField
          label={t('incidents.details.malicious')}
          value={v.malicious}
          onValueChange={set('malicious')}
          options={[
            { value: '', label: t('incidents.yesNo.unknown') },
            { value: 'yes', label: t('incidents.yesNo.yes') },
            { value: 'no', label: t('incidents.yesNo.no') },
          ]}
        />
      </div>
      <TextAreaField
        label={t('incidents.details.iocs')}
        value={v.iocs}
        onValueChange={set('iocs')}
        error={errors.iocs}
        hint={t('incidents.details.iocsHint')}
        rows={3}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {form.busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
