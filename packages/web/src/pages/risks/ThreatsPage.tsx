import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { RISK_DIMENSIONS, THREAT_KINDS, type Threat, type ThreatInput } from '../../api/risks';
import { useAuth } from '../../auth/AuthContext';
import { AccessDenied } from '../../components/AccessDenied';
import { Badge } from '../../components/Badge';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { isForbidden } from '../../components/errors';
import { ErrorAlert, LoadError, Notice } from '../../components/Feedback';
import { TextAreaField, TextField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { useSectors } from '../systems/lookups';
import { vocabLabel } from '../systems/vocab';
import { useThreatCatalogue } from './hooks';
import { RISKS_PATH, risksListPath } from './paths';
import './risks.css';
import { Link } from 'react-router-dom';
import { dimensionLabel, threatName } from './vocab';

const EMPTY: ThreatInput = { key: '', name: '', description: '', dimensions: [], kinds: [], sectors: [], mitigations: [] };

function Checks({
  legend,
  options,
  value,
  onChange,
  error,
}: {
  legend: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange: (v: string[]) => void;
  error?: string | undefined;
}) {
  return (
    <fieldset className={`fieldset${error ? ' field--invalid' : ''}`}>
      <legend className="field__label">{legend}</legend>
      <ul className="checkbox-grid risk-checks">
        {options.map((o) => (
          <li key={o.value}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={value.includes(o.value)}
                onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
              />
              <span>{o.label}</span>
            </label>
          </li>
        ))}
      </ul>
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}

/** Add or change an own threat. */
function ThreatForm({ initial, onDone, onCancel }: { initial: Threat | null; onDone: (msg: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const sectors = useSectors();
  const [v, setV] = useState<ThreatInput>(initial ? { ...initial } : EMPTY);
  const [mitigations, setMitigations] = useState((initial?.mitigations ?? []).join(', '));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errs: Record<string, string> = {};
  if (error instanceof ApiError) for (const d of error.details) errs[d.path.replace(/^body\.?/, '').split('.')[0] ?? ''] ??= d.message;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      name: v.name,
      description: v.description,
      dimensions: v.dimensions,
      kinds: v.kinds,
      sectors: v.sectors,
      mitigations: mitigations
        .split(/[\s,;]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    };
    try {
      if (initial) await api.patch(`/risks/threats/${encodeURIComponent(initial.key)}`, body);
      else await api.post('/risks/threats', { ...body, key: v.key });
      onDone(t(initial ? 'risks.threats.saved' : 'risks.threats.created', { name: v.name }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form card card--flat" onSubmit={(e) => void submit(e)} noValidate>
      <h2 className="card__title">{initial ? t('risks.threats.editTitle', { name: initial.name }) : t('risks.threats.addTitle')}</h2>
      <ErrorAlert error={error} />
      <div className="form-row">
        {!initial && (
          <TextField
            label={t('risks.threats.key')}
            value={v.key ?? ''}
            onValueChange={(key) => setV({ ...v, key: key.toLowerCase() })}
            hint={t('risks.threats.keyHint')}
            error={errs.key}
            required
          />
        )}
        <TextField
          label={t('risks.threats.name')}
          value={v.name}
          onValueChange={(name) => setV({ ...v, name })}
          error={errs.name}
          required
        />
      </div>
      <TextAreaField
        label={t('risks.threats.description')}
        value={v.description}
        onValueChange={(description) => setV({ ...v, description })}
        rows={3}
        error={errs.description}
      />
      <Checks
        legend={t('risks.threats.dimensions')}
        options={RISK_DIMENSIONS.map((d) => ({ value: d, label: dimensionLabel(t, d) }))}
        value={v.dimensions}
        onChange={(dimensions) => setV({ ...v, dimensions })}
        error={errs.dimensions}
      />
      <Checks
        legend={t('risks.threats.kinds')}
        options={THREAT_KINDS.map((k) => ({ value: k, label: vocabLabel(t, 'systemKind', k) }))}
        value={v.kinds}
        onChange={(kinds) => setV({ ...v, kinds })}
        error={errs.kinds}
      />
      <Checks
        legend={t('risks.threats.sectors')}
        options={sectors.options}
        value={v.sectors}
        onChange={(s) => setV({ ...v, sectors: s })}
        error={errs.sectors}
      />
      <TextField
        label={t('risks.threats.mitigations')}
        value={mitigations}
        onValueChange={setMitigations}
        hint={t('risks.threats.mitigationsHint')}
        error={errs.mitigations}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** /risks/threats: the threat catalogue — built in (read-only) and the organisation's own (risks:manage). */
export function ThreatsPage() {
  const { t, tp } = useI18n();
  const { can } = useAuth();
  const manage = can('risks:manage');
  const [nonce, setNonce] = useState(0);
  const res = useThreatCatalogue(String(nonce));
  const sectors = useSectors();
  const [editing, setEditing] = useState<Threat | 'new' | null>(null);
  const [removing, setRemoving] = useState<Threat | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (isForbidden(res.error)) return <AccessDenied />;
  const done = (msg: string) => {
    setEditing(null);
    setNotice(msg);
    setNonce((n) => n + 1);
  };
  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    setError(null);
    try {
      await api.del(`/risks/threats/${encodeURIComponent(removing.key)}`);
      done(t('risks.threats.deleted', { name: removing.name }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  };

  return (
    <>
      <Breadcrumbs
        label={t('risks.breadcrumb')}
        items={[{ label: t('risks.title'), to: RISKS_PATH }, { label: t('risks.threats.title') }]}
      />
      <PageHeader
        title={t('risks.threats.title')}
        intro={t('risks.threats.intro')}
        actions={
          manage && editing === null ? (
            <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
              {t('risks.threats.add')}
            </button>
          ) : undefined
        }
      />
      <Notice>{notice}</Notice>
      <ErrorAlert error={error} />
      {editing !== null && (
        <ThreatForm
          key={editing === 'new' ? 'new' : editing.key}
          initial={editing === 'new' ? null : editing}
          onDone={done}
          onCancel={() => setEditing(null)}
        />
      )}
      {res.loading && !res.data ? (
        <Loading />
      ) : res.error ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : (
        <ul className="threat-list">
          {res.items.map((x) => (
            <li key={x.key} className="card card--flat threat-card">
              <div className="card__header">
                <div>
                  <h2 className="card__title">{threatName(t, x.key, x.name)}</h2>
                  <span className="badge-row">
                    <Badge tone={x.builtIn ? 'neutral' : 'info'}>{x.builtIn ? t('risks.threats.builtIn') : t('risks.threats.own')}</Badge>
                    {x.dimensions.map((d) => (
                      <Badge key={d}>{dimensionLabel(t, d)}</Badge>
                    ))}
                  </span>
                </div>
                <div className="form-actions">
                  {x.risks > 0 && (
                    <Link to={risksListPath({ threatKey: x.key })} className="button button--secondary button--small">
                      {tp('risks.threats.risks', x.risks, { count: x.risks })}
                    </Link>
                  )}
                  {manage && !x.builtIn && (
                    <>
                      <button type="button" className="button button--secondary button--small" onClick={() => setEditing(x)}>
                        {t('risks.edit')}
                      </button>
                      <button type="button" className="button button--danger-outline button--small" onClick={() => setRemoving(x)}>
                        {t('common.delete')}
                      </button>
                    </>
                  )}
                </div>
              </div>
              {x.description && <p>{x.description}</p>}
              <dl className="summary-list">
                <div>
                  <dt>{t('risks.threats.kinds')}</dt>
                  <dd>{x.kinds.length ? x.kinds.map((k) => vocabLabel(t, 'systemKind', k)).join(', ') : t('risks.threats.anyKind')}</dd>
                </div>
                <div>
                  <dt>{t('risks.threats.sectors')}</dt>
                  <dd>{x.sectors.length ? x.sectors.map(sectors.label).join(', ') : t('risks.threats.anySector')}</dd>
                </div>
                <div>
                  <dt>{t('risks.threats.mitigations')}</dt>
                  <dd>
                    {x.mitigations.length ? (
                      <ul className="chip-list">
                        {x.mitigations.map((m) => (
                          <li key={m} className="chip">
                            {m}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      t('common.none')
                    )}
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('risks.threats.deleteTitle')}
        confirmLabel={t('common.delete')}
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      >
        <p>{t('risks.threats.deleteText', { name: removing?.name ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}
