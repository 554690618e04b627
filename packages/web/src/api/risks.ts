/** Response and request shapes of the risk register (/risks, /systems/:id/risks/suggestions). */

export const TREATMENTS = ['reduce', 'accept', 'avoid', 'transfer'] as const;
export type Treatment = (typeof TREATMENTS)[number];
export const RISK_STATUSES = ['open', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];
export const RISK_DIMENSIONS = ['confidentiality', 'integrity', 'availability'] as const;
export const THREAT_KINDS = ['application', 'cloud-service', 'database', 'ot-iot', 'network', 'website', 'building'] as const;

export interface MatrixStep {
  label: string;
  description?: string;
}

export interface RatingBand {
  key: string;
  label: string;
  minScore: number;
}

export interface RiskMatrix {
  likelihood: MatrixStep[];
  impact: MatrixStep[];
  bands: RatingBand[];
  cells?: string[][] | null;
}

export interface MatrixInfo {
  matrix: RiskMatrix;
  isDefault: boolean;
  updatedAt: string | null;
  defaultMatrix: RiskMatrix;
}

export interface MatrixSaved extends MatrixInfo {
  rerated: number;
  rescaled: number;
}

export interface Threat {
  key: string;
  name: string;
  description: string;
  dimensions: string[];
  kinds: string[];
  sectors: string[];
  mitigations: string[];
  builtIn: boolean;
  risks: number;
}

export interface ThreatInput {
  key?: string;
  name: string;
  description: string;
  dimensions: string[];
  kinds: string[];
  sectors: string[];
  mitigations: string[];
}

export interface Rated {
  likelihood: number;
  impact: number;
  score: number;
  rating: string;
  ratingLabel: string;
  likelihoodLabel: string;
  impactLabel: string;
}

export interface RiskItem {
  id: string;
  title: string;
  target: { type: 'system' | 'component'; id: string; name: string };
  threat: { key: string; name: string; builtIn: boolean };
  vulnerability: string;
  inherent: Rated;
  residual: Rated;
  treatment: Treatment;
  treatmentNote: string;
  acceptance: { approverId: string | null; approverName: string | null; expiresOn: string; reason: string; expired: boolean } | null;
  transferTo: string | null;
  ownerId: string | null;
  ownerName: string | null;
  reviewDate: string | null;
  reviewOverdue: boolean;
  status: RiskStatus;
  source: string;
  controls: { total: number; implemented: number };
  editable: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface ControlStatus {
  controlId: string;
  title: string | null;
  status: string | null;
  requirementId: string | null;
  implemented: boolean;
}

export interface Risk extends RiskItem {
  controlStatus: ControlStatus[];
  threatDescription: string;
  threatMitigations: string[];
}

export interface UnmitigatedItem extends RiskItem {
  openControls: ControlStatus[];
}

export interface Cell {
  likelihood: number;
  impact: number;
}

/** Body of POST /risks (PATCH takes the same fields but the target, all optional). */
export interface RiskInput {
  systemId?: string | null;
  componentId?: string | null;
  title?: string;
  threatKey: string;
  vulnerability: string;
  inherent: Cell;
  residual: Cell;
  treatment: Treatment;
  treatmentNote: string;
  controlIds: string[];
  acceptance: { approverId: string; expiresOn: string; reason: string } | null;
  transferTo: string | null;
  ownerId: string | null;
  reviewDate: string | null;
  status: RiskStatus;
}

export interface HistoryEntry {
  at: string;
  action: string;
  actorEmail: string | null;
  before: unknown;
  after: unknown;
}

export interface Heatmap {
  likelihood: string[];
  impact: string[];
  bands: { key: string; label: string }[];
  cells: { likelihood: number; impact: number; rating: string; inherent: number; residual: number }[];
  open: number;
}

export interface Suggestion {
  threatKey: string;
  threatName: string;
  threatDescription: string;
  reason: string;
  likelihood: number;
  impact: number;
  score: number;
  rating: string;
  ratingLabel: string;
  controls: { controlId: string; status: string }[];
}

export interface Suggestions {
  systemId: string;
  classified: boolean;
  items: Suggestion[];
}

export interface RiskQuery {
  systemId?: string;
  componentId?: string;
  threatKey?: string;
  status?: string;
  treatment?: string;
  rating?: string;
  ownerId?: string;
  basis?: string;
  likelihood?: string;
  impact?: string;
  unmitigated?: string;
  reviewOverdue?: string;
  q?: string;
  sort?: string;
}

/** Position of a band among the matrix's bands as one of five colour steps (0 green … 4 red). */
export function bandStep(bands: readonly { key: string }[], key: string): number {
  const i = bands.findIndex((b) => b.key === key);
  if (i < 0 || bands.length < 2) return 0;
  return Math.round((i / (bands.length - 1)) * 4);
}

/** The rating of a cell, as the server computes it (cell table first, then score thresholds). */
export function rateCell(m: RiskMatrix, likelihood: number, impact: number): RatingBand | undefined {
  if (m.cells) {
    const key = m.cells[impact - 1]?.[likelihood - 1];
    const band = m.bands.find((b) => b.key === key);
    if (band) return band;
  }
  const score = likelihood * impact;
  let found = m.bands[0];
  for (const b of m.bands) if (score >= b.minScore) found = b;
  return found;
}
