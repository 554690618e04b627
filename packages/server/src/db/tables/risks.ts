/** Risk matrices, threats and risk scenarios. Conventions: see ../schema.ts. */

export interface RiskMatricesTable {
  org_id: string;
  definition: string;
  updated_at: string;
  updated_by: string | null;
}

export interface RiskThreatsTable {
  org_id: string;
  key: string;
  name: string;
  description: string;
  dimensions: string;
  kinds: string;
  sectors: string;
  mitigations: string;
  created_at: string;
  updated_at: string;
}

export interface RisksTable {
  id: string;
  org_id: string;
  title: string;
  system_id: string | null;
  component_id: string | null;
  threat_key: string;
  vulnerability: string;
  inherent_likelihood: number;
  inherent_impact: number;
  inherent_score: number;
  inherent_rating: string;
  residual_likelihood: number;
  residual_impact: number;
  residual_score: number;
  residual_rating: string;
  treatment: string;
  treatment_note: string;
  accept_approver_id: string | null;
  accept_expires: string | null;
  accept_reason: string | null;
  transfer_to: string | null;
  owner_id: string | null;
  review_date: string | null;
  status: string;
  source: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface RiskControlsTable {
  org_id: string;
  risk_id: string;
  control_id: string;
  position: number;
}
