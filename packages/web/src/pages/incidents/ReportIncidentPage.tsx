import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import type { IncidentInput, IncidentSystem, Severity } from '../../api/incidents';
import { useAuth } from '../../auth/AuthContext';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import type { FieldErrors } from '../../hooks/useSubmit';
import { useSubmit } from '../../hooks/useSubmit';
import { useT } from '../../i18n';
import { useOrgZone, useThreats } from './lookups';
import { SystemPicker } from './SystemPicker';
import { INCIDENTS_PATH, incidentPath, severityOptions } from './vocab';
import { readZoned, ZonedDateTimeField } from './ZonedDateTimeField';
import { toZonedInput } from './zonedTime';

interface Values {
  title: string;
  description: string;
  type: string;
  severity: Severity;
  systems: IncidentSystem[];
  personalData: boolean;
  malicious: '' | 'yes' | 'no';
  detectedAt: string;
}

/** /incidents/new: anyone who may report says what happened; the incident page follows. */
export function ReportIncidentPage() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const threats = useThreats();
  const { zone, own } = useOrgZone();
  const form = useSubmit();
  const [v, setValues] = useState<Values>(() => ({
    title: '',
    description: '',
    type: '',
    severity: 'medium',
    systems: [],
    personalData: false,
    malicious: '',
    detectedAt: '',
  }));
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((prev) => ({ ...prev, [key]: value }));
  const mayPickSystems = can('systems:read');
  // "Now" on the organisation's clock until the reporter says otherwise.
  const detectedValue = v.detectedAt || toZonedInput(Date.now(), zone);

  const validate = (): FieldErrors => {
    const e: FieldErrors = {};
    if (!v.title.trim()) e.title = t('common.required');
    const d = readZoned(t, detectedValue, zone, { required: true, notFuture: true });
    if (d.error) e.detectedAt = d.error;
    return e;
  };

  const submit = async () => {
    const body: IncidentInput = {
      title: v.title.trim(),
      description: v.description,
      type: v.type || null,
      severity: v.severity,
      systemIds: v.systems.map((s) => s.id),
      personalData: v.personalData,
      malicious: v.malicious === '' ? null : v.malicious === 'yes',
      detectedAt: readZoned(t, detectedValue, zone, { required: true, notFuture: true }).iso,
    };
    const created = await api.post<{ id: string; ref: string; deduplicated: boolean }>('/incidents', body);
    navigate(incidentPath(created.id), {
      state: { notice: t(created.deduplicated ? 'incidents.form.deduplicated' : 'incidents.form.created', { ref: created.ref }) },
    });
  };

  const errors = form.fieldErrors;
  return (
    <>
      <Breadcrumbs
        label={t('incidents.breadcrumb')}
        items={[{ label: t('incidents.title'), to: INCIDENTS_PATH }, { label: t('incidents.form.crumb') }]}
      />
      <PageHeader title={t('incidents.form.title')} intro={t('incidents.form.intro')} />
      <form className="form incident-form" noValidate onSubmit={(e) => void form.handle(e, submit, validate)}>
        <FormError error={form.error} />
        <TextField
          label={t('incidents.form.titleLabel')}
          value={v.title}
          onValueChange={set('title')}
          error={errors.title}
          hint={t('incidents.form.titleHint')}
          maxLength={300}
          required
        />
        <TextAreaField
          label={t('incidents.form.description')}
          value={v.description}
          onValueChange={set('description')}
          error={errors.description}
          hint={t('incidents.form.descriptionHint')}
          rows={5}
          maxLength={20000}
        />
        <div className="form-row">
          <SelectField
            label={t('incidents.form.type')}
            value={v.type}
            onValueChange={set('type')}
            options={[{ value: '', label: t('incidents.form.typeUnsure') }, ...threats.options]}
            error={errors.type}
          />
          <SelectField
            label={t('incidents.form.severity')}
            value={v.severity}
            onValueChange={(x) => set('severity')(x as Severity)}
            options={severityOptions(t)}
            error={errors.severity}
            hint={t('incidents.form.severityHint')}
          />
        </div>
        {mayPickSystems ? (
          <SystemPicker value={v.systems} onChange={set('systems')} error={errors.systemIds} />
        ) : (
          <p className="alert alert--info">{t('incidents.form.noRegister')}</p>
        )}
        <div className="form-row">
          <div className="field">
            <span className="field__label" id="incident-personal-label">
              {t('incidents.form.personalDataLabel')}
            </span>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={v.personalData}
                onChange={(e) => set('personalData')(e.target.checked)}
                aria-describedby="incident-personal-hint"
              />
              <span>
                {t('incidents.form.personalData')}
                <span className="checkbox__desc" id="incident-personal-hint">
                  {t('incidents.form.personalDataHint')}
                </span>
              </span>
            </label>
          </div>
          <SelectField
            label={t('incidents.form.malicious')}
            value={v.malicious}
            onValueChange={(x) => set('malicious')(x as Values['malicious'])}
            options={[
              { value: '', label: t('incidents.yesNo.unknown') },
              { value: 'yes', label: t('incidents.yesNo.yes') },
              { value: 'no', label: t('incidents.yesNo.no') },
            ]}
            hint={t('incidents.form.maliciousHint')}
          />
        </div>
        <ZonedDateTimeField
          label={t('incidents.form.detectedAt')}
          value={detectedValue}
          onValueChange={set('detectedAt')}
          zone={zone}
          orgZone={own}
          error={errors.detectedAt}
          extraHint={t('incidents.form.detectedAtHint')}
          required
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {form.busy ? t('incidents.form.submitting') : t('incidents.form.submit')}
          </button>
          <Link to={INCIDENTS_PATH} className="button button--secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
