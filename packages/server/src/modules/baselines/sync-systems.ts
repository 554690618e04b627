import { type ClassificationMethod, computeNeeds, type DeviationKind, type NeedGraph, notationOf } from '@cityshield/core';
import type { Executor } from '../audit/audit.repository.js';
import { type ApplyOptions, applyBaselines, type BaselineChange } from './apply-baseline.js';

/** The newest classification of every system under the method, plus every dependency: the input of inheritance. */
export async function loadNeedGraph(db: Executor, orgId: string, method: ClassificationMethod): Promise<NeedGraph> {
  const systems = await db.selectFrom('systems').select(['id', 'name']).where('org_id', '=', orgId).execute();
  const rows = await db
    .selectFrom('classifications')
    .select(['system_id', 'levels', 'method_key'])
    .where('org_id', '=', orgId)
    .where('method_key', '=', method.key)
    .orderBy('classified_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  const own = new Map<string, Record<string, string>>();
  for (const r of rows) own.set(r.system_id, JSON.parse(r.levels) as Record<string, string>);
  const edges = await db.selectFrom('system_dependencies').select(['system_id', 'depends_on_id']).where('org_id', '=', orgId).execute();
  const deviations = await db
    .selectFrom('need_deviations')
    .select(['system_id', 'dimension', 'kind', 'justification'])
    .where('org_id', '=', orgId)
    .where('method_key', '=', method.key)
    .execute();
  return {
    method,
    systems: systems.map((s) => ({ id: s.id, name: s.name, own: own.get(s.id) ?? {} })),
    dependencies: edges.map((e) => ({ dependent: e.system_id, dependsOn: e.depends_on_id })),
    deviations: deviations.map((d) => ({
      systemId: d.system_id,
      dimension: d.dimension,
      kind: d.kind as DeviationKind,
      justification: d.justification,
    })),
  };
}

export interface SyncResult {
  /** Systems whose effective security level or notation changed. */
  levelChanged: string[];
  baseline: BaselineChange[];
}

/**
 * After anything that can change a protection need (a classification, a dependency, the method),
 * writes every system's effective level onto the system and recomputes the requirement lists of
 * those whose level changed, plus `force` (systems whose kind changed, or all after a mapping
 * change).
 */
export async function syncSystems(
  db: Executor,
  opts: Omit<ApplyOptions, 'changedControls'> & { force?: readonly string[] },
): Promise<SyncResult> {
  const graph = await loadNeedGraph(db, opts.orgId, opts.method);
  const { needs } = computeNeeds(graph);
  const current = await db.selectFrom('systems').select(['id', 'security_level', 'notation']).where('org_id', '=', opts.orgId).execute();
  const levelChanged: string[] = [];
  for (const s of current) {
    const need = needs.get(s.id);
    const classified = need !== undefined && Object.values(need.levels).some((l) => l !== undefined);
    const level = classified ? (need.securityLevel ?? null) : null;
    const notation = classified ? notationOf(opts.method, need.levels) : null;
    if (level === s.security_level && notation === s.notation) continue;
    await db.updateTable('systems').set({ security_level: level, notation }).where('id', '=', s.id).execute();
    levelChanged.push(s.id);
  }
  const targets = [...new Set([...levelChanged, ...(opts.force ?? [])])];
  const baseline = targets.length > 0 ? await applyBaselines(db, targets, opts) : [];
  return { levelChanged, baseline };
}
