/** Justified deviations from the maximum principle (/systems/:id/deviations). */

export const DEVIATION_KINDS = ['cumulation', 'distribution'] as const;
export type DeviationKind = (typeof DEVIATION_KINDS)[number];

export interface Deviation {
  dimension: string;
  kind: DeviationKind;
  justification: string;
  createdAt: string;
  createdByName: string | null;
}

/** PUT and DELETE /systems/:id/deviations/:dimension */
export interface DeviationResult {
  /** Ids of the systems whose effective level changed. */
  systemsAffected: string[];
  /** Requirement lists that changed: requirements added and retired per system. */
  baseline: { systemId: string; added: number; removed: number }[];
}
