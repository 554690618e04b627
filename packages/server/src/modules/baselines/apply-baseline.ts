import { applicableControls, type ClassificationMethod, diffRequirementList, systemKindsOf } from '@cityshield/core';
import type { Insertable } from 'kysely';
import type { SystemRequirementsTable } from '../../db/schema.js';
import { newId } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import { levelMappings } from './baseline-levels.js';
import { refreshInheritance } from './inheritance.js';
import { chunks, refreshSummary } from './requirement-summary.js';

export type BaselineCause = 'classification' | 'mapping' | 'upgrade' | 'components' | 'register';

export interface BaselineChange {
  systemId: string;
  added: string[];
  removed: string[];
  /** Controls whose text changed in a catalog upgrade: flagged for review, status kept. */
  changed: string[];
}

interface VersionControl {
  id: string;
  kinds: string[];
  withdrawn: boolean;
  family: string;
  familyTitle: string;
  position: number;
}

interface VersionControls {
  catalogId: string;
  controls: VersionControl[];
}

/** Loads a catalog or profile version's controls once per recomputation. */
async function loadVersion(db: Executor, versionId: string): Promise<VersionControls> {
  const v = await db.selectFrom('catalog_versions').select(['catalog_id']).where('id', '=', versionId).executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('catalog_controls')
    .select(['control_id', 'group_id', 'group_title', 'position', 'withdrawn', 'body'])
    .where('version_id', '=', versionId)
    .orderBy('position')
    .execute();
  return {
    catalogId: v.catalog_id,
    controls: rows.map((r) => ({
      id: r.control_id,
      kinds: systemKindsOf(JSON.parse(r.body) as Record<string, unknown>),
      withdrawn: r.withdrawn === 1,
      family: r.group_id ?? '',
      familyTitle: r.group_title ?? '',
      position: r.position,
    })),
  };
}

export interface ApplyOptions {
  orgId: string;
  method: ClassificationMethod;
  cause: BaselineCause;
  by: string | null;
  at: string;
  /** Upgrade: control ids whose content changed, to be flagged for review where they stay. */
  changedControls?: ReadonlySet<string>;
}

/**
 * Recomputes the requirement list of the given systems from their effective security level, the
 * organisation's level → profile mapping and (optionally) their kind. Rows are never deleted: a
 * requirement that stops applying is retired with its status, and comes back with it. Every
 * system whose list changed gets a diff record; inheritance and the dashboard summary follow.
 */
export async function applyBaselines(db: Executor, systemIds: readonly string[], opts: ApplyOptions): Promise<BaselineChange[]> {
  const { orgId, method, at } = opts;
  const org = await db.selectFrom('organisations').select('baseline_narrow_by_kind').where('id', '=', orgId).executeTakeFirstOrThrow();
  const narrow = org.baseline_narrow_by_kind === 1;
  const mapping = new Map((await levelMappings(db, orgId, method)).map((m) => [m.level, m.versionId]));
  const versions = new Map<string, VersionControls>();
  const version = async (id: string) => {
    let v = versions.get(id);
    if (!v) {
      v = await loadVersion(db, id);
      versions.set(id, v);
    }
    return v;
  };
  const changes: BaselineChange[] = [];
  for (const ids of chunks([...new Set(systemIds)], 200)) {
    const systems = await db
      .selectFrom('systems')
      .select(['id', 'kind', 'security_level'])
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .execute();
    const existing = await db
      .selectFrom('system_requirements')
      .select(['id', 'system_id', 'control_id', 'applies', 'version_id', 'review_required'])
      .where('system_id', 'in', ids)
      .execute();
    const bySystem = new Map<string, typeof existing>();
    for (const r of existing) {
      const list = bySystem.get(r.system_id) ?? [];
      list.push(r);
      bySystem.set(r.system_id, list);
    }
    const inserts: Insertable<SystemRequirementsTable>[] = [];
    for (const s of systems) {
      const versionId = s.security_level ? (mapping.get(s.security_level) ?? null) : null;
      const v = versionId ? await version(versionId) : null;
      const target = v ? applicableControls(v.controls, s.kind, narrow) : [];
      const rows = bySystem.get(s.id) ?? [];
      const current = new Map(rows.map((r) => [r.control_id, r.applies === 1]));
      const diff = diffRequirementList(
        current,
        target.map((c) => c.id),
      );
      const targetById = new Map(target.map((c) => [c.id, c]));
      for (const id of diff.added) {
        const c = targetById.get(id);
        if (!c || !v || !versionId) continue;
        inserts.push({
          id: newId(),
          org_id: orgId,
          system_id: s.id,
          control_id: id,
          catalog_id: v.catalogId,
          version_id: versionId,
          family: c.family,
          family_title: c.familyTitle,
          position: c.position,
          applies: 1,
          status: 'not-started',
          effective_status: 'not-started',
          component_id: null,
          override: 0,
          justification: null,
          statement: '',
          responsible_id: null,
          due_date: null,
          review_required: 0,
          review_note: null,
          created_at: at,
          updated_at: at,
          updated_by: opts.by,
        });
      }
      const flagged: string[] = [];
      for (const r of rows) {
        const c = targetById.get(r.control_id);
        if (c && v && versionId) {
          const review = opts.changedControls?.has(r.control_id) ?? false;
          if (review && r.applies === 1) flagged.push(r.control_id);
          if (r.applies !== 1 || r.version_id !== versionId || review) {
            await db
              .updateTable('system_requirements')
              .set({
                applies: 1,
                version_id: versionId,
                catalog_id: v.catalogId,
                family: c.family,
                family_title: c.familyTitle,
                position: c.position,
                ...(review
                  ? { review_required: 1, review_note: 'The requirement changed in a catalog upgrade: review the implementation.' }
                  : {}),
              })
              .where('id', '=', r.id)
              .execute();
          }
        }
      }
      if (diff.removed.length > 0) {
        for (const part of chunks(diff.removed)) {
          await db
            .updateTable('system_requirements')
            .set({ applies: 0 })
            .where('system_id', '=', s.id)
            .where('control_id', 'in', part)
            .execute();
        }
      }
      const added = [...diff.added, ...diff.restored];
      if (added.length > 0 || diff.removed.length > 0 || flagged.length > 0) {
        changes.push({ systemId: s.id, added, removed: diff.removed, changed: flagged });
        await db
          .insertInto('baseline_changes')
          .values({
            id: newId(),
            org_id: orgId,
            system_id: s.id,
            cause: opts.cause,
            security_level: s.security_level,
            version_id: versionId,
            added: JSON.stringify(added),
            removed: JSON.stringify(diff.removed),
            changed: JSON.stringify(flagged),
            at,
            by: opts.by,
          })
          .execute();
      }
    }
    await insertRows(db, inserts);
    await refreshInheritance(db, ids);
    await refreshSummary(db, orgId, ids);
  }
  return changes;
}

async function insertRows(db: Executor, rows: Insertable<SystemRequirementsTable>[]): Promise<void> {
  // 23 columns × 300 rows stays far below the bound-parameter limits of both databases.
  for (const batch of chunks(rows, 300)) await db.insertInto('system_requirements').values(batch).execute();
}
