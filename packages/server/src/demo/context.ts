import type { Actor, AppContext } from '../context.js';
import type { Services } from '../services.js';
import type { Prng } from './prng.js';

/** A demo account, printed at the end so the operator can log in. */
export interface DemoAccount {
  email: string;
  name: string;
  role: string;
  /** False when the account existed before this run (its password was left as it was). */
  created: boolean;
}

/**
 * What every demo step receives. Steps share what they made through the maps (keyed by the
 * demo data's own keys, e.g. `systems.get('traffic-signals')`), so a later step — or a later
 * module's step appended to the list — finds the systems, people and components by name.
 */
export interface DemoContext {
  ctx: AppContext;
  services: Services;
  orgId: string;
  orgName: string;
  /** The e-mail domain of the demo accounts, derived from the organisation's name. */
  domain: string;
  /** The organisation's first administrator: departments and user accounts. */
  admin: Actor;
  /** The security officer: the register, classification and implementation work (set by the organisation step). */
  officer: Actor;
  /** The password given to accounts created in this run. */
  password: string;
  /** Midnight UTC of the day the demo runs: due dates and the trend are relative to it. */
  today: Date;
  /** A generator seeded per step (`rng` is forked from the demo seed with the step's name). */
  rng: Prng;
  departments: Map<string, string>;
  people: Map<string, string>;
  systems: Map<string, string>;
  components: Map<string, string>;
  accounts: DemoAccount[];
  /** An actor for any demo person (their role's permissions), e.g. an owner writing a comment. */
  actorFor(personKey: string): Promise<Actor>;
}

export interface DemoStep {
  /** Shown while the demo runs and used to seed the step's generator: keep it stable. */
  name: string;
  /** Returns one line for the summary, e.g. "62 systems, 81 dependencies". */
  run(demo: DemoContext): Promise<string>;
}

/** An actor for a user row, with the permissions of the user's role, as the CLI builds them. */
export async function actorForUser(ctx: AppContext, services: Services, orgId: string, userId: string, note = 'demo'): Promise<Actor> {
  const u = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role'])
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const permissions = new Set(await services.repos.roles.permissionsOf(ctx.db, orgId, u.role));
  return { userId: u.id, orgId, email: `${u.email} (${note})`, name: u.name, role: u.role, permissions, via: 'token', ip: null };
}

export const DAY_MS = 86_400_000;

/** YYYY-MM-DD, `days` after `today` (negative: before). */
export function dayOffset(today: Date, days: number): string {
  return new Date(today.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}
