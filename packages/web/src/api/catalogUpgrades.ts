/** Moving requirement records to a newer catalog version (/baselines/upgrades, /catalog-versions/:id/upgrade*). */

import type { CatalogKind, ControlRef } from './types';

export interface VersionRef {
  id: string;
  version: string;
  title: string;
  name: string;
  kind: CatalogKind;
  importedAt: string;
}

/** GET /baselines/upgrades: versions still used although a newer one is in the library. */
export interface PendingUpgrade {
  from: VersionRef;
  to: VersionRef;
  /** Systems whose records use the older version. */
  systems: number;
}

/** GET /catalog-versions/:toId/upgrade-plan?from= */
export interface UpgradePlan {
  from: VersionRef;
  to: VersionRef;
  systems: number;
  records: { kept: number; review: number; retired: number };
  newControls: number;
  diff: {
    added: ControlRef[];
    removed: ControlRef[];
    changed: (ControlRef & { aspects: string[] })[];
    unchanged: number;
  };
}

/** POST /catalog-versions/:toId/upgrade */
export interface UpgradeResult {
  from: VersionRef;
  to: VersionRef;
  result: { systems: number; kept: number; flaggedForReview: number; added: number; retired: number };
}
