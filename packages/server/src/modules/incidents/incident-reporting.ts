import type { Actor } from '../../context.js';
import { containsText } from '../../db/like.js';
import type { Page } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import type { ThreatService } from '../risks/threat.service.js';

/**
 * What everyone who may report an incident (`incidents:report`) needs for the report form, without
 * the register's or the risk register's permissions: the systems to name as affected and the
 * incident types.
 */

/** The lifecycle state of systems that no longer run: nobody reports an incident on them. */
const RETIRED = 'retired';

/**
 * A system's security level and notation show which systems matter most, so they follow the
 * register's visibility: every system with `systems:read-all`, else an owner's own systems.
 */
export const levelVisibleTo = (actor: Actor, ownerId: string | null): boolean =>
  actor.permissions.has('systems:read-all') || (actor.permissions.has('systems:read') && ownerId !== null && ownerId === actor.userId);

export interface ReportableSystem {
  id: string;
  name: string;
  kind: string;
  sector: string;
  /** Null when not classified, or when the caller may not see it (then `levelVisible` is false). */
  securityLevel: string | null;
  notation: string | null;
  levelVisible: boolean;
}

/** A system as the incident screens name it: its level only for whom the register shows it to. */
export function systemRef(
  actor: Actor,
  r: {
    id: string;
    name: string;
    kind: string;
    sector: string;
    security_level: string | null;
    notation: string | null;
    owner_id: string | null;
  },
): ReportableSystem {
  const visible = levelVisibleTo(actor, r.owner_id);
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    sector: r.sector,
    securityLevel: visible ? r.security_level : null,
    notation: visible ? r.notation : null,
    levelVisible: visible,
  };
}

/** The organisation's systems (not retired) whose name contains `q`, case-insensitively, by name. */
export async function reportableSystems(
  db: Executor,
  actor: Actor,
  query: { q?: string | undefined; page: number; pageSize: number },
): Promise<Page<ReportableSystem>> {
  let base = db.selectFrom('systems').where('org_id', '=', actor.orgId).where('lifecycle', '!=', RETIRED);
  const needle = query.q;
  if (needle) base = base.where(containsText('name', needle));
  const [{ total } = { total: 0 }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base
    .select(['id', 'name', 'kind', 'sector', 'security_level', 'notation', 'owner_id'])
    .orderBy('name_key')
    .orderBy('id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    items: rows.map((r) => systemRef(actor, r)),
    total: Number(total),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The incident types: the threat catalogue (built-in threats, then the organisation's own), keys
 * and names only — how many risks use each is the risk register's business.
 */
export async function incidentTypes(catalogue: Pick<ThreatService, 'all'>, db: Executor, actor: Actor) {
  const threats = await catalogue.all(db, actor.orgId);
  return { items: threats.map((t) => ({ key: t.key, name: t.name, builtIn: t.builtIn })) };
}
