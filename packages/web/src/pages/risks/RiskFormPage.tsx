import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import type { InfoSystem } from '../../api/register';
import { type Cell, type Risk, type RiskInput, type RiskStatus, TREATMENTS, type Treatment } from '../../api/risks';
import { useMe } from '../../auth/AuthContext';
import { AccessDenied } from '../../components/AccessDenied';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { isForbidden } from '../../components/errors';
import { ErrorAlert, LoadError } from '../../components/Feedback';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { ResponsibleField } from '../requirements/ResponsibleField';
import { CellPicker } from './CellPicker';
import { ControlsField } from './ControlsField';
import { useRiskMatrix, useThreatCatalogue } from './hooks';
import { RISKS_PATH, riskPath } from './paths';
import './risks.css';
import { type Target, TargetPicker } from './TargetPicker';
import { riskStatusOptions, threatName, todayIso, treatmentLabel } from './vocab';

interface Draft {
  target: Target;
  title: string;
  threatKey: string;
  vulnerability: string;
  inherent: Cell;
  residual: Cell;
  treatment: Treatment;
  treatmentNote: string;
  controlIds: string[];
  approverId: string;
  approverName: string | null;
  expiresOn: string;
  reason: string;
  transferTo: string;
  ownerId: string;
  ownerName: string | null;
  reviewDate: string;
  status: RiskStatus;
}

const EMPTY: Draft = {
  target: { type: 'system', id: '', name: '' },
  title: '',
  threatKey: '',
  vulnerability: '',
  inherent: { likelihood: 3, impact: 3 },
  residual: { likelihood: 3, impact: 3 },
  treatment: 'reduce',
  treatmentNote: '',
  controlIds: [],
  approverId: '',
  approverName: null,
  expiresOn: '',
  reason: '',
  transferTo: '',
  ownerId: '',
  ownerName: null,
  reviewDate: '',
  status: 'open',
};

function fromRisk(r: Risk): Draft {
  return {
    target: { type: r.target.type, id: r.target.id, name: r.target.name },
    title: r.title,
    threatKey: r.threat.key,
    vulnerability: r.vulnerability,
    inherent: { likelihood: r.inherent.likelihood, impact: r.inherent.impact },
    residual: { likelihood: r.residual.likelihood, impact: r.residual.impact },
    treatment: r.treatment,
    treatmentNote: r.treatmentNote,
    controlIds: r.controlStatus.map((c) => c.controlId),
    approverId: r.acceptance?.approverId ?? '',
    approverName: r.acceptance?.approverName ?? null,
    expiresOn: r.acceptance?.expiresOn ?? '',
    reason: r.acceptance?.reason ?? '',
    transferTo: r.transferTo ?? '',
    ownerId: r.ownerId ?? '',
    ownerName: r.ownerName,
    reviewDate: r.reviewDate ?? '',
    status: r.status,
  };
}

/** Server problems by their full path ("inherent.likelihood"), without the "body." of schema errors. */
function errorsByPath(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError)) return out;
  for (const d of err.details) {
    const path = d.path.replace(/^body\.?/, '');
    if (!(path in out)) out[path] = d.message;
  }
  return out;
}

/** /risks/new (optionally ?systemId=) and /risks/:id/edit: the risk form. */
export function RiskFormPage() {
  const { t } = useI18n();
  const me = useMe();
  const { id } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const editing = Boolean(id);
  const presetSystem = params.get('systemId') ?? '';
  const matrix = useRiskMatrix();
  const threats = useThreatCatalogue();
  const existing = useApi(
    (signal) => (id ? api.get<Risk>(`/risks/${encodeURIComponent(id)}`, undefined, { signal }) : Promise.resolve(undefined)),
    id ?? 'new',
  );
  const preset = useApi(
    (signal) =>
      !id && presetSystem
        ? api.get<InfoSystem>(`/systems/${encodeURIComponent(presetSystem)}`, undefined, { signal })
        : Promise.resolve(undefined),
    presetSystem,
  );
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  // Fill the form once what it starts from has arrived.
  useEffect(() => {
    if (draft) return;
    if (id) {
      if (existing.data) setDraft(fromRisk(existing.data));
      return;
    }
    if (presetSystem && !preset.data && !preset.error) return;
    setDraft({
      ...EMPTY,
      target: preset.data ? { type: 'system', id: preset.data.id, name: preset.data.name } : EMPTY.target,
      ownerId: preset.data?.ownerId ?? me.id,
      ownerName: preset.data?.ownerName ?? me.name,
    });
  }, [draft, id, existing.data, preset.data, preset.error, presetSystem, me]);

  const m = matrix.data?.matrix;
  const loadError = existing.error ?? matrix.error ?? threats.error;
  if (isForbidden(loadError)) return <AccessDenied />;
  if (loadError) return <LoadError error={loadError} onRetry={() => (existing.error ? existing.reload() : matrix.reload())} />;
  if (!draft || !m) return <Loading />;
  if (existing.data && !existing.data.editable) return <AccessDenied />;

  const set = (patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const threat = threats.byKey.get(draft.threatKey);
  // The residual follows the inherent rating until it is set apart, and never exceeds it.
  const setInherent = (inherent: Cell) => {
    const same = draft.residual.likelihood === draft.inherent.likelihood && draft.residual.impact === draft.inherent.impact;
    set({
      inherent,
      residual: same
        ? inherent
        : {
            likelihood: Math.min(draft.residual.likelihood, inherent.likelihood),
            impact: Math.min(draft.residual.impact, inherent.impact),
          },
    });
  };

  const validate = (): Record<string, string> => {
    const e: Record<string, string> = {};
    if (!editing && !draft.target.id) e[draft.target.type === 'system' ? 'systemId' : 'componentId'] = t('common.required');
    if (!draft.threatKey) e.threatKey = t('common.required');
    if (draft.treatment === 'accept') {
      if (!draft.approverId) e['acceptance.approverId'] = t('risks.form.approverRequired');
      if (!draft.expiresOn) e['acceptance.expiresOn'] = t('common.required');
      else if (draft.expiresOn < todayIso()) e['acceptance.expiresOn'] = t('risks.form.expiryPast');
      if (!draft.reason.trim()) e['acceptance.reason'] = t('common.required');
    }
    if (draft.treatment === 'transfer' && !draft.transferTo.trim()) e.transferTo = t('common.required');
    return e;
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const e = validate();
    setErrors(e);
    if (Object.keys(e).length > 0) {
      setError(t('common.fixErrors'));
      return;
    }
    const body: Omit<RiskInput, 'systemId' | 'componentId'> = {
      title: draft.title.trim() || undefined,
      threatKey: draft.threatKey,
      vulnerability: draft.vulnerability,
      inherent: draft.inherent,
      residual: draft.residual,
      treatment: draft.treatment,
      treatmentNote: draft.treatmentNote,
      controlIds: draft.treatment === 'reduce' ? draft.controlIds : [],
      acceptance:
        draft.treatment === 'accept' ? { approverId: draft.approverId, expiresOn: draft.expiresOn, reason: draft.reason.trim() } : null,
      transferTo: draft.treatment === 'transfer' ? draft.transferTo.trim() : null,
      ownerId: draft.ownerId || null,
      reviewDate: draft.reviewDate || null,
      status: draft.status,
    };
    setBusy(true);
    setError(null);
    try {
      const saved = id
        ? await api.patch<Risk>(`/risks/${encodeURIComponent(id)}`, body)
        : await api.post<Risk>('/risks', {
            ...body,
            ...(draft.target.type === 'system' ? { systemId: draft.target.id } : { componentId: draft.target.id }),
          });
      navigate(riskPath(saved.id), { state: { notice: t(id ? 'risks.saved' : 'risks.created') } });
    } catch (err) {
      setError(err);
      setErrors(errorsByPath(err));
    } finally {
      setBusy(false);
    }
  };

  const title = editing ? t('risks.form.editTitle') : t('risks.form.newTitle');
  const threatOptions = [
    { value: '', label: t('risks.form.chooseThreat') },
    ...threats.items.map((x) => ({ value: x.key, label: threatName(t, x.key, x.name) })),
  ];

  return (
    <>
      <Breadcrumbs
        label={t('risks.breadcrumb')}
        items={[
          { label: t('risks.title'), to: RISKS_PATH },
          ...(existing.data ? [{ label: existing.data.title, to: riskPath(existing.data.id) }] : []),
          { label: title },
        ]}
      />
      <PageHeader title={title} intro={t('risks.form.intro')} />
      <form className="form risk-form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorAlert error={error} />
        <section className="card card--flat">
          <h2 className="card__title">{t('risks.form.what')}</h2>
          {editing ? (
            <p>
              <span className="field__label">{t('risks.form.target')}</span> {draft.target.name}
            </p>
          ) : (
            <TargetPicker value={draft.target} onChange={(target) => set({ target })} error={errors.systemId ?? errors.componentId} />
          )}
          <SelectField
            label={t('risks.form.threat')}
            value={draft.threatKey}
            options={threatOptions}
            onValueChange={(threatKey) => set({ threatKey })}
            hint={threat ? threat.description : t('risks.form.threatHint')}
            error={errors.threatKey}
          />
          <TextField
            label={t('risks.form.title')}
            value={draft.title}
            onValueChange={(v) => set({ title: v })}
            hint={editing ? undefined : t('risks.form.titleHint')}
            maxLength={200}
            error={errors.title}
          />
          <TextAreaField
            label={t('risks.form.vulnerability')}
            value={draft.vulnerability}
            onValueChange={(v) => set({ vulnerability: v })}
            hint={t('risks.form.vulnerabilityHint')}
            rows={3}
            error={errors.vulnerability}
          />
        </section>
        <section className="card card--flat">
          <h2 className="card__title">{t('risks.form.howBad')}</h2>
          <CellPicker
            legend={t('risks.form.inherent')}
            hint={t('risks.form.inherentHint')}
            matrix={m}
            value={draft.inherent}
            onChange={setInherent}
            errors={{ likelihood: errors['inherent.likelihood'], impact: errors['inherent.impact'] }}
          />
          <CellPicker
            legend={t('risks.form.residual')}
            hint={t('risks.form.residualHint')}
            matrix={m}
            value={draft.residual}
            onChange={(residual) => set({ residual })}
            max={draft.inherent}
            errors={{ likelihood: errors['residual.likelihood'], impact: errors['residual.impact'] }}
          />
        </section>
        <section className="card card--flat">
          <h2 className="card__title">{t('risks.form.treatment')}</h2>
          <fieldset className="fieldset">
            <legend className="visually-hidden">{t('risks.form.treatment')}</legend>
            <div className="risk-treatments">
              {TREATMENTS.map((k) => (
                <label key={k} className="checkbox">
                  <input type="radio" name="treatment" checked={draft.treatment === k} onChange={() => set({ treatment: k })} />
                  <span>
                    {treatmentLabel(t, k)}
                    <span className="checkbox__desc">{t(`risks.treatmentHelp.${k}`)}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          {draft.treatment === 'reduce' && (
            <ControlsField
              systemId={draft.target.type === 'system' && draft.target.id ? draft.target.id : null}
              suggested={threat?.mitigations ?? []}
              value={draft.controlIds}
              onChange={(controlIds) => set({ controlIds })}
              error={errors.controlIds}
            />
          )}
          {draft.treatment === 'accept' && (
            <div className="stack">
              <p className="muted small">{t('risks.form.acceptIntro')}</p>
              <ResponsibleField
                label={t('risks.form.approver')}
                value={draft.approverId}
                currentName={draft.approverName}
                onChange={(v) => set({ approverId: v })}
                error={errors['acceptance.approverId'] ?? errors.acceptance}
              />
              <div className="form-row">
                <TextField
                  label={t('risks.form.expiresOn')}
                  type="date"
                  min={todayIso()}
                  value={draft.expiresOn}
                  onValueChange={(v) => set({ expiresOn: v })}
                  error={errors['acceptance.expiresOn']}
                />
              </div>
              <TextAreaField
                label={t('risks.form.reason')}
                value={draft.reason}
                onValueChange={(v) => set({ reason: v })}
                rows={3}
                error={errors['acceptance.reason']}
              />
            </div>
          )}
          {draft.treatment === 'transfer' && (
            <TextField
              label={t('risks.form.transferTo')}
              value={draft.transferTo}
              onValueChange={(v) => set({ transferTo: v })}
              hint={t('risks.form.transferToHint')}
              error={errors.transferTo}
            />
          )}
          <TextAreaField
            label={t('risks.form.treatmentNote')}
            value={draft.treatmentNote}
            onValueChange={(v) => set({ treatmentNote: v })}
            rows={2}
            error={errors.treatmentNote}
          />
        </section>
        <section className="card card--flat">
          <h2 className="card__title">{t('risks.form.followUp')}</h2>
          <ResponsibleField
            label={t('risks.form.owner')}
            value={draft.ownerId}
            currentName={draft.ownerName}
            onChange={(v) => set({ ownerId: v })}
            error={errors.ownerId}
          />
          <div className="form-row">
            <TextField
              label={t('risks.form.reviewDate')}
              type="date"
              value={draft.reviewDate}
              onValueChange={(v) => set({ reviewDate: v })}
              error={errors.reviewDate}
            />
            {editing && (
              <SelectField
                label={t('risks.form.status')}
                value={draft.status}
                options={riskStatusOptions(t)}
                onValueChange={(v) => set({ status: v as RiskStatus })}
              />
            )}
          </div>
        </section>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('common.saving') : editing ? t('common.save') : t('risks.form.create')}
          </button>
          <Link to={id ? riskPath(id) : RISKS_PATH} className="button button--secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
