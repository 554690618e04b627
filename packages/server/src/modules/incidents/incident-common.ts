import type { Actor } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import type { Executor } from '../audit/audit.repository.js';

/**
 * What the parts of an incident share: its statuses and severities, who follows which incidents,
 * and the checks of what a caller names on one (affected systems, type, dates).
 */

export const INCIDENT_STATUSES = ['new', 'triage', 'containment', 'eradication', 'recovery', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

/** Looks a threat key up in the threat catalogue (built in and the organisation's own). */
export type ThreatLookup = (db: Executor, orgId: string, key: string) => Promise<{ key: string; name: string } | undefined>;

export const badRequest = (path: string, message: string, text = message) => new AppError('VALIDATION', text, [{ path, message }]);

export const readsAll = (a: Actor) => a.permissions.has('incidents:read');
export const manages = (a: Actor) => a.permissions.has('incidents:manage');

/** Those without incidents:read follow only what they reported or handle. */
export function scopedIncidents(db: Executor, actor: Actor) {
  let q = db.selectFrom('incidents as i').where('i.org_id', '=', actor.orgId);
  if (!readsAll(actor)) q = q.where((eb) => eb.or([eb('i.created_by', '=', actor.userId), eb('i.handler_id', '=', actor.userId)]));
  return q;
}

/** The incident as the caller may follow it, or 404. */
export async function incidentRow(db: Executor, actor: Actor, id: string) {
  const r = await scopedIncidents(db, actor).selectAll('i').where('i.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('The incident');
  return r;
}

export async function checkSystems(db: Executor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  const found = await db
    .selectFrom('systems')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
  const known = new Set(found.map((f) => f.id));
  const missing = ids.filter((i) => !known.has(i));
  if (missing.length > 0)
    throw badRequest('systemIds', `unknown system ${missing.join(', ')}`, 'An affected system is not in the register.');
}

export async function checkType(threats: ThreatLookup, db: Executor, orgId: string, type: string | null | undefined) {
  if (!type) return null;
  const t = await threats(db, orgId, type);
  if (!t) throw badRequest('type', `unknown threat "${type}"`, 'The incident type is not in the threat catalogue.');
  return t;
}

/** A minute's grace for the caller's clock. */
export function assertPast(now: Date, path: string, value: string, text: string) {
  if (new Date(value).getTime() > now.getTime() + 60_000) throw badRequest(path, 'must not be in the future', text);
}

/** A user of the organisation (a handler, an action's owner), or the given validation error. */
export async function checkUser(db: Executor, orgId: string, id: string, path: string, text: string) {
  const u = await db.selectFrom('users').select('id').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  if (!u) throw badRequest(path, 'unknown user', text);
}
