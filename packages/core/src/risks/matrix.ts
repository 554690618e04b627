/**
 * The risk matrix: an organisation rates each risk scenario by likelihood × impact on its own
 * matrix (3 to 5 steps per axis, each step with a plain-language label) and reads the rating from
 * bands — score thresholds (low ≥ 1, medium ≥ 5 …) or, when a city draws its matrix cell by cell,
 * a table of cells. Pure: the server validates with it, rates with it and re-rates when the
 * matrix changes.
 */

export interface MatrixStep {
  /** Short name, e.g. "Likely". */
  readonly label: string;
  /** What the step means in the city's words, e.g. "expected about once a year". */
  readonly description?: string;
}

export interface RatingBand {
  /** Stable key, e.g. `high`; stored on each risk. */
  readonly key: string;
  readonly label: string;
  /** Lowest score that has this rating (score = likelihood × impact). Ignored when `cells` is set. */
  readonly minScore: number;
}

export interface RiskMatrix {
  /** Lowest first; 3 to 5 steps. */
  readonly likelihood: readonly MatrixStep[];
  /** Lowest first; 3 to 5 steps. */
  readonly impact: readonly MatrixStep[];
  /** Lowest first; 2 to 6 bands. */
  readonly bands: readonly RatingBand[];
  /**
   * Optional cell table: `cells[impact - 1][likelihood - 1]` is a band key. When present it decides
   * the rating instead of the score thresholds.
   */
  readonly cells?: readonly (readonly string[])[] | null;
}

export interface MatrixProblem {
  path: string;
  message: string;
}

export const MIN_STEPS = 3;
export const MAX_STEPS = 5;

export const DEFAULT_RISK_MATRIX: RiskMatrix = {
  likelihood: [
    { label: 'Rare', description: 'Not expected in the next ten years' },
    { label: 'Unlikely', description: 'Could happen once in five to ten years' },
    { label: 'Possible', description: 'Could happen once in one to five years' },
    { label: 'Likely', description: 'Expected about once a year' },
    { label: 'Almost certain', description: 'Expected several times a year' },
  ],
  impact: [
    { label: 'Negligible', description: 'An inconvenience for staff; residents do not notice' },
    { label: 'Minor', description: 'A service is disrupted for hours; a few residents affected; no sensitive data' },
    { label: 'Moderate', description: 'A service is down for a day or personal data of some residents is exposed; local news' },
    {
      label: 'Major',
      description: 'Essential services down for days or sensitive data of many residents exposed; the regulator is involved',
    },
    { label: 'Severe', description: 'Danger to life or safety, a city-wide outage or national attention' },
  ],
  bands: [
    { key: 'low', label: 'Low', minScore: 1 },
    { key: 'medium', label: 'Medium', minScore: 5 },
    { key: 'high', label: 'High', minScore: 10 },
    { key: 'critical', label: 'Critical', minScore: 16 },
  ],
  cells: null,
};

const BAND_KEY = /^[a-z][a-z0-9-]{0,30}$/;

/** Every problem of a matrix (empty = valid): sizes, labels, bands, and monotonic ratings. */
export function validateMatrix(m: RiskMatrix): MatrixProblem[] {
  const out: MatrixProblem[] = [];
  for (const axis of ['likelihood', 'impact'] as const) {
    const steps = m[axis];
    if (steps.length < MIN_STEPS || steps.length > MAX_STEPS)
      out.push({ path: axis, message: `between ${MIN_STEPS} and ${MAX_STEPS} steps (has ${steps.length})` });
    const seen = new Set<string>();
    steps.forEach((s, i) => {
      const label = s.label.trim();
      if (!label) out.push({ path: `${axis}.${i}.label`, message: 'required' });
      else if (seen.has(label.toLowerCase())) out.push({ path: `${axis}.${i}.label`, message: `"${label}" is used twice` });
      seen.add(label.toLowerCase());
    });
  }
  const max = m.likelihood.length * m.impact.length;
  if (m.bands.length < 2 || m.bands.length > 6)
    out.push({ path: 'bands', message: `between 2 and 6 rating bands (has ${m.bands.length})` });
  const keys = new Set<string>();
  m.bands.forEach((b, i) => {
    if (!BAND_KEY.test(b.key)) out.push({ path: `bands.${i}.key`, message: 'lower-case letters, digits and hyphens' });
    if (keys.has(b.key)) out.push({ path: `bands.${i}.key`, message: `"${b.key}" is used twice` });
    keys.add(b.key);
    if (!b.label.trim()) out.push({ path: `bands.${i}.label`, message: 'required' });
  });
  if (!m.cells) {
    m.bands.forEach((b, i) => {
      if (!Number.isInteger(b.minScore)) out.push({ path: `bands.${i}.minScore`, message: 'a whole number' });
      if (i === 0 && b.minScore !== 1) out.push({ path: 'bands.0.minScore', message: 'the lowest band starts at score 1' });
      const prev = m.bands[i - 1];
      if (prev && b.minScore <= prev.minScore)
        out.push({ path: `bands.${i}.minScore`, message: `must be higher than the band below (${prev.minScore})` });
      if (b.minScore > max) out.push({ path: `bands.${i}.minScore`, message: `above the highest possible score ${max}` });
    });
    return out;
  }
  const rank = new Map(m.bands.map((b, i) => [b.key, i]));
  if (m.cells.length !== m.impact.length) {
    out.push({ path: 'cells', message: `one row per impact step (${m.impact.length})` });
    return out;
  }
  m.cells.forEach((row, ii) => {
    if (row.length !== m.likelihood.length)
      out.push({ path: `cells.${ii}`, message: `one cell per likelihood step (${m.likelihood.length})` });
    row.forEach((key, li) => {
      if (!rank.has(key)) out.push({ path: `cells.${ii}.${li}`, message: `unknown band "${key}"` });
    });
  });
  if (out.length > 0) return out;
  // Monotonic: a more likely or more harmful cell never has a lower rating.
  const r = (ii: number, li: number) => rank.get(m.cells?.[ii]?.[li] ?? '') ?? 0;
  for (let ii = 0; ii < m.impact.length; ii++) {
    for (let li = 0; li < m.likelihood.length; li++) {
      if (li > 0 && r(ii, li) < r(ii, li - 1))
        out.push({ path: `cells.${ii}.${li}`, message: 'rated lower than the less likely cell beside it' });
      if (ii > 0 && r(ii, li) < r(ii - 1, li))
        out.push({ path: `cells.${ii}.${li}`, message: 'rated lower than the less harmful cell below it' });
    }
  }
  return out;
}

export const isOnMatrix = (m: RiskMatrix, likelihood: number, impact: number): boolean =>
  Number.isInteger(likelihood) &&
  Number.isInteger(impact) &&
  likelihood >= 1 &&
  likelihood <= m.likelihood.length &&
  impact >= 1 &&
  impact <= m.impact.length;

export const riskScore = (likelihood: number, impact: number): number => likelihood * impact;

/** The band of a cell. Throws on a cell outside the matrix (validate input first). */
export function rateRisk(m: RiskMatrix, likelihood: number, impact: number): RatingBand {
  if (!isOnMatrix(m, likelihood, impact))
    throw new RangeError(`(${likelihood}, ${impact}) is outside the ${m.likelihood.length}×${m.impact.length} matrix`);
  if (m.cells) {
    const key = m.cells[impact - 1]?.[likelihood - 1];
    const band = m.bands.find((b) => b.key === key);
    if (band) return band;
  }
  const score = riskScore(likelihood, impact);
  let found = m.bands[0];
  for (const b of m.bands) if (score >= b.minScore) found = b;
  if (!found) throw new RangeError('the matrix has no rating bands');
  return found;
}

/** Position of a band, lowest 0; -1 for a key the matrix does not have. */
export const bandRank = (m: RiskMatrix, key: string): number => m.bands.findIndex((b) => b.key === key);

export interface Rated {
  likelihood: number;
  impact: number;
  score: number;
  rating: string;
}

export function rated(m: RiskMatrix, likelihood: number, impact: number): Rated {
  return { likelihood, impact, score: riskScore(likelihood, impact), rating: rateRisk(m, likelihood, impact).key };
}

/**
 * Residual risk (after treatment) is never worse than inherent risk: treatment lowers the
 * likelihood, the impact or both, it does not raise either.
 */
export function checkResidual(
  inherent: { likelihood: number; impact: number },
  residual: { likelihood: number; impact: number },
): MatrixProblem[] {
  const out: MatrixProblem[] = [];
  if (residual.likelihood > inherent.likelihood)
    out.push({ path: 'residual.likelihood', message: 'residual likelihood cannot be higher than the inherent likelihood' });
  if (residual.impact > inherent.impact)
    out.push({ path: 'residual.impact', message: 'residual impact cannot be higher than the inherent impact' });
  return out;
}

/** Moves a step of an axis with `from` steps to the nearest step of an axis with `to` steps (ends stay ends). */
export function rescaleStep(value: number, from: number, to: number): number {
  if (from === to) return Math.min(Math.max(1, value), to);
  if (from <= 1) return 1;
  const v = 1 + ((value - 1) * (to - 1)) / (from - 1);
  return Math.min(to, Math.max(1, Math.round(v)));
}

/** Maps a value 0..1 (lowest .. highest) to a step of an axis with `size` steps. */
export const stepOf = (share: number, size: number): number =>
  Math.min(size, Math.max(1, 1 + Math.round(Math.max(0, Math.min(1, share)) * (size - 1))));

/**
 * A scenario's cells on a new matrix: rescaled when an axis changed size, rated again, residual
 * kept at or below inherent. `changed` says whether anything differs from before.
 */
export function rerate(
  before: RiskMatrix,
  after: RiskMatrix,
  r: { inherentLikelihood: number; inherentImpact: number; residualLikelihood: number; residualImpact: number },
): { inherent: Rated; residual: Rated; rescaled: boolean } {
  const L = (v: number) => rescaleStep(v, before.likelihood.length, after.likelihood.length);
  const I = (v: number) => rescaleStep(v, before.impact.length, after.impact.length);
  const inherent = rated(after, L(r.inherentLikelihood), I(r.inherentImpact));
  const rl = Math.min(L(r.residualLikelihood), inherent.likelihood);
  const ri = Math.min(I(r.residualImpact), inherent.impact);
  const residual = rated(after, rl, ri);
  const rescaled =
    inherent.likelihood !== r.inherentLikelihood ||
    inherent.impact !== r.inherentImpact ||
    residual.likelihood !== r.residualLikelihood ||
    residual.impact !== r.residualImpact;
  return { inherent, residual, rescaled };
}
