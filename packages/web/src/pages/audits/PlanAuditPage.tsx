import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Audit, AuditInput } from '../../api/audits';
import type { ComponentSummary } from '../../api/baselines';
import { api } from '../../api/client';
import type { Items } from '../../api/types';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { TextAreaField, TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../hooks/useApi';
import { type FieldErrors, useSubmit } from '../../hooks/useSubmit';
import { useT } from '../../i18n';
import { useMethod } from '../systems/classificationView';
import { type ScopeSystem, ScopeSystemsPicker } from './ScopeSystemsPicker';
import { useFamilies } from './useFamilies';
import { AUDITS_PATH, addDays, auditPath, todayUtc } from './vocab';

const DEFAULT_METHOD = 'Document review, interviews and technical tests of a sample of requirements.';

/** /audits/new: plan an audit — title, period, method and scope (systems, components, requirement families). */
export function PlanAuditPage() {
  const t = useT();
  const navigate = useNavigate();
  const method = useMethod().data?.method;
  const today = todayUtc();
  const [title, setTitle] = useState('');
  const [periodStart, setPeriodStart] = useState(today);
  const [periodEnd, setPeriodEnd] = useState(addDays(today, 30));
  const [auditMethod, setAuditMethod] = useState(DEFAULT_METHOD);
  const [systems, setSystems] = useState<ScopeSystem[]>([]);
  const [componentIds, setComponentIds] = useState<string[]>([]);
  const [families, setFamilies] = useState<string[]>([]);
  const submit = useSubmit();
  const fe = submit.fieldErrors;

  const components = useApi(
    (signal) => api.get<Items<ComponentSummary>>('/components', undefined, { signal }).catch(() => ({ items: [] as ComponentSummary[] })),
    'plan-components',
  );
  const familyList = useFamilies();
  const familyOptions = familyList.options;

  const toggle = (list: string[], setList: (v: string[]) => void, value: string, on: boolean) =>
    setList(on ? [...list, value] : list.filter((v) => v !== value));

  const validate = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!title.trim()) errors.title = t('common.required');
    if (!periodStart) errors.periodStart = t('common.required');
    if (!periodEnd) errors.periodEnd = t('common.required');
    if (periodStart && periodEnd && periodEnd < periodStart) errors.periodEnd = t('audits.plan.endBeforeStart');
    if (systems.length === 0 && componentIds.length === 0) errors.systemIds = t('audits.plan.scopeRequired');
    return errors;
  };

  const onSubmit = (e: FormEvent) =>
    submit.handle(
      e,
      async () => {
        const body: AuditInput = {
          title: title.trim(),
          method: auditMethod,
          periodStart,
          periodEnd,
          systemIds: systems.map((s) => s.id),
          componentIds,
          families,
        };
        const created = await api.post<Audit>('/audits', body);
        navigate(auditPath(created.id), { state: { notice: t('audits.plan.created', { ref: created.ref }) } });
      },
      validate,
    );

  return (
    <>
      <Breadcrumbs
        label={t('audits.breadcrumb')}
        items={[{ label: t('audits.title'), to: AUDITS_PATH }, { label: t('audits.plan.title') }]}
      />
      <PageHeader title={t('audits.plan.title')} intro={t('audits.plan.intro')} />
      <form className="form plan-form card card--flat audits-card" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormError error={submit.error} />
        <TextField label={t('audits.plan.name')} value={title} onValueChange={setTitle} error={fe.title} required maxLength={300} />
        <fieldset className="fieldset">
          <legend className="field__label">{t('audits.plan.period')}</legend>
          <div className="form-row">
            <TextField
              label={t('audits.plan.periodStart')}
              type="date"
              value={periodStart}
              onValueChange={setPeriodStart}
              error={fe.periodStart}
              required
            />
            <TextField
              label={t('audits.plan.periodEnd')}
              type="date"
              value={periodEnd}
              min={periodStart || undefined}
              onValueChange={setPeriodEnd}
              error={fe.periodEnd}
              required
            />
          </div>
        </fieldset>
        <TextAreaField
          label={t('audits.plan.method')}
          hint={t('audits.plan.methodHint')}
          value={auditMethod}
          onValueChange={setAuditMethod}
          rows={3}
          error={fe.method}
        />
        <ScopeSystemsPicker value={systems} onChange={setSystems} method={method} error={fe.systemIds} />
        <fieldset className="fieldset">
          <legend className="field__label">{t('audits.plan.components')}</legend>
          <p className="field__hint">{t('audits.plan.componentsHint')}</p>
          {(components.data?.items ?? []).length === 0 ? (
            <p className="muted small">{components.loading ? t('app.loading') : t('audits.plan.noComponents')}</p>
          ) : (
            <ul className="checkbox-grid">
              {(components.data?.items ?? []).map((c) => (
                <li key={c.id}>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={componentIds.includes(c.id)}
                      onChange={(e) => toggle(componentIds, setComponentIds, c.id, e.target.checked)}
                    />
                    <span>{c.name}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {fe.componentIds && <p className="field__error">{fe.componentIds}</p>}
        </fieldset>
        <fieldset className="fieldset">
          <legend className="field__label">{t('audits.plan.families')}</legend>
          <p className="field__hint">{t('audits.plan.familiesHint')}</p>
          {familyOptions.length === 0 ? (
            <p className="muted small">{familyList.loading ? t('app.loading') : t('audits.plan.noFamilies')}</p>
          ) : (
            <ul className="checkbox-grid">
              {familyOptions.map((f) => (
                <li key={f.value}>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={families.includes(f.value)}
                      onChange={(e) => toggle(families, setFamilies, f.value, e.target.checked)}
                    />
                    <span>{f.label}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={submit.busy}>
            {submit.busy ? t('common.saving') : t('audits.plan.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => navigate(AUDITS_PATH)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}
