import type { Executor } from '../audit/audit.repository.js';

/**
 * Control ids a risk or an own threat may refer to: those of the catalogs and profiles in the
 * organisation's library (its own and the built-in City Baseline). Returns the ones that exist.
 */
export async function knownControls(db: Executor, orgId: string, ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = await db
    .selectFrom('catalog_controls as c')
    .innerJoin('catalog_versions as v', 'v.id', 'c.version_id')
    .innerJoin('catalogs as k', 'k.id', 'v.catalog_id')
    .select('c.control_id')
    .distinct()
    .where('c.control_id', 'in', unique)
    .where((eb) => eb.or([eb('k.org_id', 'is', null), eb('k.org_id', '=', orgId)]))
    .execute();
  return new Set(rows.map((r) => r.control_id));
}

/** A title per control id from the library (the newest version that has it). */
export async function controlTitles(db: Executor, orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('catalog_controls as c')
    .innerJoin('catalog_versions as v', 'v.id', 'c.version_id')
    .innerJoin('catalogs as k', 'k.id', 'v.catalog_id')
    .select(['c.control_id', 'c.title', 'v.imported_at'])
    .where('c.control_id', 'in', unique)
    .where((eb) => eb.or([eb('k.org_id', 'is', null), eb('k.org_id', '=', orgId)]))
    .orderBy('v.imported_at', 'desc')
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.control_id)) out.set(r.control_id, r.title);
  return out;
}

export interface LiveControl {
  controlId: string;
  title: string | null;
  status: string | null;
  requirementId: string | null;
  implemented: boolean;
}

/**
 * The live implementation status of each risk's linked controls: a system risk reads the system's
 * requirement records (`effective_status`, so inherited implementations count), a component risk
 * the component's implementations. A control missing from the list, or retired from it, is not
 * implemented.
 */
export async function liveControls(
  db: Executor,
  orgId: string,
  risks: ReadonlyArray<{ id: string; system_id: string | null; component_id: string | null }>,
): Promise<Map<string, LiveControl[]>> {
  const out = new Map<string, LiveControl[]>();
  if (risks.length === 0) return out;
  const links = await db
    .selectFrom('risk_controls')
    .select(['risk_id', 'control_id'])
    .where(
      'risk_id',
      'in',
      risks.map((r) => r.id),
    )
    .orderBy('risk_id')
    .orderBy('position')
    .execute();
  if (links.length === 0) return out;
  const systemIds = [...new Set(risks.map((r) => r.system_id).filter((x): x is string => x !== null))];
  const componentIds = [...new Set(risks.map((r) => r.component_id).filter((x): x is string => x !== null))];
  const controlIds = [...new Set(links.map((l) => l.control_id))];
  const reqs =
    systemIds.length > 0
      ? await db
          .selectFrom('system_requirements as sr')
          .leftJoin('catalog_controls as c', (j) =>
            j.onRef('c.version_id', '=', 'sr.version_id').onRef('c.control_id', '=', 'sr.control_id'),
          )
          .select(['sr.id', 'sr.system_id', 'sr.control_id', 'sr.effective_status', 'sr.applies', 'c.title'])
          .where('sr.org_id', '=', orgId)
          .where('sr.system_id', 'in', systemIds)
          .where('sr.control_id', 'in', controlIds)
          .execute()
      : [];
  const impls =
    componentIds.length > 0
      ? await db
          .selectFrom('component_requirements')
          .select(['id', 'component_id', 'control_id', 'status'])
          .where('org_id', '=', orgId)
          .where('component_id', 'in', componentIds)
          .where('control_id', 'in', controlIds)
          .execute()
      : [];
  const titles = await controlTitles(db, orgId, controlIds);
  const bySystem = new Map(reqs.map((r) => [`${r.system_id}|${r.control_id}`, r]));
  const byComponent = new Map(impls.map((r) => [`${r.component_id}|${r.control_id}`, r]));
  const riskById = new Map(risks.map((r) => [r.id, r]));
  for (const l of links) {
    const risk = riskById.get(l.risk_id);
    if (!risk) continue;
    let c: LiveControl;
    if (risk.system_id) {
      const r = bySystem.get(`${risk.system_id}|${l.control_id}`);
      const applies = r?.applies === 1;
      c = {
        controlId: l.control_id,
        title: r?.title ?? titles.get(l.control_id) ?? null,
        status: r && applies ? r.effective_status : null,
        requirementId: r && applies ? r.id : null,
        implemented: applies && r?.effective_status === 'implemented',
      };
    } else {
      const r = byComponent.get(`${risk.component_id}|${l.control_id}`);
      c = {
        controlId: l.control_id,
        title: titles.get(l.control_id) ?? null,
        status: r?.status ?? null,
        requirementId: null,
        implemented: r?.status === 'implemented',
      };
    }
    const list = out.get(l.risk_id) ?? [];
    list.push(c);
    out.set(l.risk_id, list);
  }
  return out;
}
