import { randomInt } from 'node:crypto';
import type { AppContext } from '../context.js';
import type { Services } from '../services.js';
import { actorForUser, type DemoAccount, type DemoContext, type DemoStep } from './context.js';
import { prng } from './prng.js';
import { DEMO_STEPS } from './steps/index.js';

export type { DemoAccount, DemoContext, DemoStep } from './context.js';
export { DEMO_STEPS } from './steps/index.js';

export const DEFAULT_DEMO_ORG = 'Demo City';
export const DEMO_SEED = 'cityshield-demo-1';

export interface DemoOptions {
  /** Select (or create) this organisation; without it the only organisation, or a new "Demo City". */
  orgName?: string;
  /** Add the demo to an organisation that already has systems. */
  force?: boolean;
  /** Password of every account the demo creates (checked by the password rules). */
  password: string;
  seed?: string;
  steps?: readonly DemoStep[];
  /** Called with each step's summary line as it finishes. */
  progress?: (step: string, line: string, ms: number) => void;
}

export interface DemoResult {
  orgId: string;
  orgName: string;
  createdOrganisation: boolean;
  accounts: DemoAccount[];
  steps: Array<{ step: string; summary: string; ms: number }>;
}

/** The organisation already has systems and --force was not given: nothing was changed. */
export class DemoRefusedError extends Error {}

/** "City of Tartu" → "city-of-tartu.example": the demo accounts' e-mail domain. */
export function demoDomain(orgName: string): string {
  const slug = orgName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return `${slug || 'demo-city'}.example`;
}

const WORDS = (
  'amber anchor apple arrow aspen badger banner barley beacon birch bison bramble breeze brook cactus candle canyon ' +
  'cedar cherry cinder clover cobalt comet copper coral cotton crane crystal daisy delta desert dolphin dune eagle ' +
  'ember falcon fern fjord flint forest fossil garnet ginger glacier granite gravel harbor hazel heron hollow indigo ' +
  'iris island ivory jasper juniper kayak kelp kestrel lagoon lantern larch lemon lilac linen lotus lynx maple marble ' +
  'meadow mint mosaic moss nectar nutmeg oasis olive onyx orchid otter pebble pepper pine plum prairie quartz quill ' +
  'raven reed ridge river robin saffron salmon sandal scarlet shore silver sparrow spruce summit swallow tangerine ' +
  'thistle thunder timber topaz tulip tundra velvet violet walnut willow winter wren yarrow zephyr'
).split(' ');

/** A random passphrase for the demo accounts (from the system's CSPRNG, never the demo seed). */
export function generateDemoPassword(): string {
  return Array.from({ length: 5 }, () => WORDS[randomInt(WORDS.length)]).join('-');
}

/**
 * Fills an organisation with a demo city through the services, acting as its administrator
 * (departments, accounts) and then as its security officer (everything else), so every change is
 * audited like real work. Refuses an organisation that already has systems unless `force`.
 */
export async function runDemo(rt: { ctx: AppContext; services: Services }, opts: DemoOptions): Promise<DemoResult> {
  const { ctx, services } = rt;
  const orgs = await ctx.db.selectFrom('organisations').select(['id', 'name']).orderBy('created_at').execute();
  let orgName = opts.orgName;
  let org = orgName ? orgs.find((o) => o.name === orgName) : undefined;
  if (!orgName) {
    if (orgs.length > 1) throw new Error(`Name the organisation with --org (there are ${orgs.length})`);
    org = orgs[0];
    orgName = org?.name ?? DEFAULT_DEMO_ORG;
  }
  if (org) {
    const { n } = await ctx.db
      .selectFrom('systems')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow();
    if (Number(n) > 0 && !opts.force) {
      throw new DemoRefusedError(
        `"${org.name}" already has ${n} systems; the demo changed nothing. Run it with --force to add the demo city anyway, or name another organisation with --org.`,
      );
    }
  }

  const domain = demoDomain(orgName);
  const accounts: DemoAccount[] = [];
  let createdOrganisation = false;
  if (!org) {
    const email = `admin@${domain}`;
    const r = await services.account.createOrganisationWithAdmin(
      { organisationName: orgName, name: 'Demo Administrator', email, password: opts.password },
      { ip: null, userAgent: 'cityshield demo' },
      { startSession: false },
    );
    org = { id: r.user.org_id, name: orgName };
    createdOrganisation = true;
    accounts.push({ email, name: 'Demo Administrator', role: 'Administrator', created: true });
  }
  const orgId = org.id;
  const adminRow = await ctx.db
    .selectFrom('users')
    .select(['id'])
    .where('org_id', '=', orgId)
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!adminRow) throw new Error(`"${org.name}" has no active administrator`);
  const admin = await actorForUser(ctx, services, orgId, adminRow.id);
  const now = ctx.clock.now();
  const seed = opts.seed ?? DEMO_SEED;
  const demo: DemoContext = {
    ctx,
    services,
    orgId,
    orgName: org.name,
    domain,
    admin,
    officer: admin,
    password: opts.password,
    today: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())),
    rng: prng(seed),
    departments: new Map(),
    people: new Map(),
    systems: new Map(),
    components: new Map(),
    accounts,
    actorFor: async (personKey) => {
      const id = demo.people.get(personKey);
      if (!id) throw new Error(`demo data: unknown person "${personKey}"`);
      return actorForUser(ctx, services, orgId, id);
    },
  };
  const steps: DemoResult['steps'] = [];
  for (const step of opts.steps ?? DEMO_STEPS) {
    demo.rng = prng(`${seed}:${step.name}`);
    const started = Date.now();
    const summary = await step.run(demo);
    const ms = Date.now() - started;
    steps.push({ step: step.name, summary, ms });
    opts.progress?.(step.name, summary, ms);
  }
  return { orgId, orgName: org.name, createdOrganisation, accounts, steps };
}
