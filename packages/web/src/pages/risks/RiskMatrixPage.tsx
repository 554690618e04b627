import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { bandStep, type MatrixSaved, type MatrixStep, type RatingBand, type RiskMatrix, rateCell } from '../../api/risks';
import { AccessDenied } from '../../components/AccessDenied';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { isForbidden } from '../../components/errors';
import { ErrorAlert, LoadError, Notice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { useRiskMatrix } from './hooks';
import { RISKS_PATH } from './paths';
import './risks.css';

const MIN = 3;
const MAX = 5;

function StepsEditor({
  title,
  steps,
  onChange,
  prefix,
}: {
  title: string;
  steps: MatrixStep[];
  onChange: (steps: MatrixStep[]) => void;
  prefix: string;
}) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<MatrixStep>) => onChange(steps.map((s, j) => (i === j ? { ...s, ...patch } : s)));
  return (
    <fieldset className="fieldset risk-steps">
      <legend className="subsection-title">{title}</legend>
      <p className="field__hint">{t('risks.matrix.stepsHint')}</p>
      <ol className="risk-steps__list">
        {steps.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps are positions on the axis.
          <li key={i} className="risk-steps__row">
            <span className="risk-steps__n" aria-hidden="true">
              {i + 1}
            </span>
            <TextField
              label={t('risks.matrix.stepLabel', { n: i + 1 })}
              value={s.label}
              onValueChange={(v) => set(i, { label: v })}
              maxLength={60}
              id={`${prefix}-label-${i}`}
            />
            <TextField
              label={t('risks.matrix.stepDescription')}
              value={s.description ?? ''}
              onValueChange={(v) => set(i, { description: v })}
              maxLength={300}
              id={`${prefix}-desc-${i}`}
            />
          </li>
        ))}
      </ol>
      <div className="form-actions">
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={steps.length >= MAX}
          onClick={() => onChange([...steps, { label: '' }])}
        >
          {t('risks.matrix.addStep')}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={steps.length <= MIN}
          onClick={() => onChange(steps.slice(0, -1))}
        >
          {t('risks.matrix.removeStep')}
        </button>
      </div>
    </fieldset>
  );
}

/** Cells rated by the score thresholds: the starting point of a cell table. */
function cellsFromThresholds(m: RiskMatrix): string[][] {
  return m.impact.map((_, i) => m.likelihood.map((_, l) => rateCell({ ...m, cells: null }, l + 1, i + 1)?.key ?? m.bands[0]?.key ?? ''));
}

/** Keeps a cell table the size of the axes (new cells from the thresholds). */
function fitCells(m: RiskMatrix): RiskMatrix {
  if (!m.cells) return m;
  const base = cellsFromThresholds(m);
  const keys = new Set(m.bands.map((b) => b.key));
  return {
    ...m,
    cells: base.map((row, i) =>
      row.map((v, l) => {
        const old = m.cells?.[i]?.[l];
        return old && keys.has(old) ? old : v;
      }),
    ),
  };
}

/** /risks/matrix: the organisation's risk matrix — steps with plain labels, rating bands or a cell table; saving re-rates every risk. */
export function RiskMatrixPage() {
  const { t, formatNumber } = useI18n();
  const [nonce, setNonce] = useState(0);
  const res = useRiskMatrix(String(nonce));
  const [draft, setDraft] = useState<RiskMatrix | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (res.data && !draft) setDraft(res.data.matrix);
  }, [res.data, draft]);

  if (isForbidden(res.error)) return <AccessDenied />;
  if (res.error) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!draft || !res.data) return <Loading />;

  const update = (m: RiskMatrix) => setDraft(fitCells(m));
  const setBand = (i: number, patch: Partial<RatingBand>) =>
    update({ ...draft, bands: draft.bands.map((b, j) => (i === j ? { ...b, ...patch } : b)) });
  const details = error instanceof ApiError ? error.details : [];

  const save = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const body: RiskMatrix = {
        likelihood: draft.likelihood.map((s) => ({ label: s.label, ...(s.description?.trim() ? { description: s.description } : {}) })),
        impact: draft.impact.map((s) => ({ label: s.label, ...(s.description?.trim() ? { description: s.description } : {}) })),
        bands: draft.bands,
        cells: draft.cells ?? null,
      };
      const saved = await api.put<MatrixSaved>('/risks/matrix', body);
      setDraft(saved.matrix);
      setNotice(t('risks.matrix.saved', { rerated: formatNumber(saved.rerated), rescaled: formatNumber(saved.rescaled) }));
      setNonce((n) => n + 1);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const rows = draft.impact.map((s, i) => ({ s, impact: i + 1 })).reverse();

  return (
    <>
      <Breadcrumbs
        label={t('risks.breadcrumb')}
        items={[{ label: t('risks.title'), to: RISKS_PATH }, { label: t('risks.matrix.title') }]}
      />
      <PageHeader title={t('risks.matrix.title')} intro={t('risks.matrix.intro')} />
      {res.data.isDefault && <p className="alert alert--info">{t('risks.matrix.isDefault')}</p>}
      <Notice>{notice}</Notice>
      <ErrorAlert error={error} />
      {details.length > 0 && (
        <ul className="risk-problems">
          {details.map((d) => (
            <li key={`${d.path}-${d.message}`}>
              <code>{d.path.replace(/^body\.?/, '')}</code> {d.message}
            </li>
          ))}
        </ul>
      )}
      <div className="risk-matrix-editor">
        <section className="card card--flat">
          <StepsEditor
            title={t('risks.matrix.likelihood')}
            steps={draft.likelihood}
            onChange={(likelihood) => update({ ...draft, likelihood })}
            prefix="l"
          />
        </section>
        <section className="card card--flat">
          <StepsEditor
            title={t('risks.matrix.impact')}
            steps={draft.impact}
            onChange={(impact) => update({ ...draft, impact })}
            prefix="i"
          />
        </section>
      </div>
      <section className="card card--flat">
        <h2 className="card__title">{t('risks.matrix.bands')}</h2>
        <p className="muted small">{draft.cells ? t('risks.matrix.bandsCellsHint') : t('risks.matrix.bandsHint')}</p>
        <ol className="risk-bands">
          {draft.bands.map((b, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: bands are ordered positions.
            <li key={i} className="risk-bands__row">
              <span className={`risk-legend__swatch risk-step--${bandStep(draft.bands, b.key)}`} aria-hidden="true" />
              <TextField
                label={t('risks.matrix.bandLabel')}
                value={b.label}
                onValueChange={(v) => setBand(i, { label: v })}
                id={`band-label-${i}`}
              />
              <TextField
                label={t('risks.matrix.bandKey')}
                value={b.key}
                onValueChange={(v) => setBand(i, { key: v.toLowerCase().replace(/[^a-z0-9-]/g, '') })}
                id={`band-key-${i}`}
              />
              {!draft.cells && (
                <TextField
                  label={t('risks.matrix.minScore')}
                  type="number"
                  min={1}
                  max={draft.likelihood.length * draft.impact.length}
                  value={String(b.minScore)}
                  onValueChange={(v) => setBand(i, { minScore: Math.max(1, Math.floor(Number(v)) || 1) })}
                  id={`band-min-${i}`}
                />
              )}
            </li>
          ))}
        </ol>
        <div className="form-actions">
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={draft.bands.length >= 6}
            onClick={() => {
              const last = draft.bands[draft.bands.length - 1];
              update({
                ...draft,
                bands: [...draft.bands, { key: `band-${draft.bands.length + 1}`, label: '', minScore: (last?.minScore ?? 0) + 1 }],
              });
            }}
          >
            {t('risks.matrix.addBand')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={draft.bands.length <= 2}
            onClick={() => update({ ...draft, bands: draft.bands.slice(0, -1) })}
          >
            {t('risks.matrix.removeBand')}
          </button>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={Boolean(draft.cells)}
              onChange={(e) => update({ ...draft, cells: e.target.checked ? cellsFromThresholds(draft) : null })}
            />
            <span>{t('risks.matrix.useCells')}</span>
          </label>
        </div>
      </section>
      <section className="card card--flat" aria-labelledby="matrix-preview">
        <h2 id="matrix-preview" className="card__title">
          {draft.cells ? t('risks.matrix.cellsTitle') : t('risks.matrix.preview')}
        </h2>
        <div className="risk-heatmap__frame">
          <span className="risk-heatmap__axis risk-heatmap__axis--y" aria-hidden="true">
            {t('risks.heatmap.impact')}
          </span>
          <table className="risk-heatmap__grid risk-heatmap__grid--edit">
            <caption className="visually-hidden">{t('risks.matrix.preview')}</caption>
            <thead>
              <tr>
                <td />
                {draft.likelihood.map((s, l) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions.
                  <th key={l} scope="col">
                    {s.label || l + 1}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ s, impact }) => (
                <tr key={impact}>
                  <th scope="row">{s.label || impact}</th>
                  {draft.likelihood.map((ls, l) => {
                    const band = rateCell(draft, l + 1, impact);
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions.
                      <td key={l} className={`risk-heatmap__cell risk-step--${band ? bandStep(draft.bands, band.key) : 0}`}>
                        {draft.cells ? (
                          <select
                            className="input select select--compact"
                            aria-label={t('risks.matrix.cellLabel', { likelihood: ls.label || l + 1, impact: s.label || impact })}
                            value={draft.cells[impact - 1]?.[l] ?? ''}
                            onChange={(e) =>
                              update({
                                ...draft,
                                cells: (draft.cells ?? []).map((row, ri) =>
                                  ri === impact - 1 ? row.map((c, ci) => (ci === l ? e.target.value : c)) : row,
                                ),
                              })
                            }
                          >
                            {draft.bands.map((b) => (
                              <option key={b.key} value={b.key}>
                                {b.label || b.key}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <span>
                            {band?.label} <span className="muted small">{(l + 1) * impact}</span>
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="risk-heatmap__axis risk-heatmap__axis--x" aria-hidden="true">
          {t('risks.heatmap.likelihood')}
        </p>
      </section>
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void save()}>
          {busy ? t('common.saving') : t('risks.matrix.save')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => setDraft(res.data?.defaultMatrix ?? draft)}
        >
          {t('risks.matrix.useDefault')}
        </button>
      </div>
      <p className="muted small">{t('risks.matrix.rerateNote')}</p>
    </>
  );
}
