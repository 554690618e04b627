import type { ImplementationStatus } from '@cityshield/core';
import { type DemoContext, type DemoStep, dayOffset } from '../context.js';
import { type DemoSystem, SYSTEMS } from '../data/city.js';

/** How far along each department is: the chance that one of its own requirements is implemented. */
const MATURITY: Record<string, number> = {
  digital: 0.55,
  finance: 0.5,
  health: 0.48,
  water: 0.45,
  safety: 0.44,
  energy: 0.42,
  transport: 0.4,
  planning: 0.38,
  education: 0.32,
  social: 0.28,
};

/** Some families are easier than others (access control before continuity exercises). */
const FAMILY_BIAS: Record<string, number> = {
  'cs-iam': 0.08,
  'cs-dat': 0.04,
  'cs-inf': 0.05,
  'cs-hwe': 0.06,
  'cs-gov': 0.06,
  'cs-app': 0,
  'cs-awa': -0.02,
  'cs-sup': -0.04,
  'cs-log': -0.06,
  'cs-ot': -0.1,
  'cs-inc': -0.1,
  'cs-bcm': -0.12,
};

const IMPLEMENTED: Record<string, string> = {
  'cs-iam': 'Access is granted through role groups approved by the system owner; accounts are reviewed once a year.',
  'cs-dat':
    "Data is handled by the city's information classification rules; backups and encryption are described in the system's security plan.",
  'cs-app':
    'Updates are installed in the monthly maintenance window; the contract requires fixes of critical vulnerabilities within 14 days.',
  'cs-inf': "Configured to the city's hardening baseline; changes go through the IT change board.",
  'cs-hwe': 'Devices are in the asset inventory and managed centrally.',
  'cs-ot': 'Devices are listed with firmware versions; remote access only through the jump host, supplier accounts enabled on request.',
  'cs-sup': "The supplier contract includes the city's security annex; the supplier is reviewed every year.",
  'cs-log': 'Security events go to the central log collection and are kept for a year.',
  'cs-inc': "Covered by the city's incident response plan; the system owner is on the contact list.",
  'cs-bcm': 'Recovery objectives are agreed with the department; restoration is written down in the runbook.',
  'cs-gov': "Covered by the city's security policy and this year's security plan.",
  'cs-awa': 'Users accept the rules of use and take the yearly awareness course.',
};
const PARTIALLY = "Partly in place; the remaining work is in the department's security plan.";
const PLANNED = "In this year's security plan; budget approved.";

/** Requirements that do not apply to a system, with the justification a reviewer would accept. */
function notApplicable(controlId: string, s: DemoSystem): string | null {
  const publicFacing = s.tags.includes('public-facing');
  if (controlId === 'cs-iam-12' && !publicFacing) return 'Residents do not sign in to this system; only staff use it.';
  if (controlId === 'cs-dat-9' && !s.personalData.includes('children')) return 'The system holds no data about children.';
  if (controlId === 'cs-dat-10' && !s.personalData.includes('special-categories'))
    return 'No health or social-care records are kept in this system.';
  if (controlId === 'cs-iam-15' && !s.tags.includes('payments') && !s.tags.includes('legal'))
    return 'The system makes no payments and keeps no register that decisions rely on.';
  if ((controlId === 'cs-sup-8' || controlId === 'cs-sup-9') && s.hosting === 'on-premises')
    return 'Not a cloud service: it runs in the city data centre.';
  if (controlId === 'cs-dat-13' && !s.tags.includes('open-data')) return 'The system publishes no open data or statistics.';
  if ((controlId === 'cs-awa-5' || controlId === 'cs-awa-8') && s.key !== 'website' && s.key !== 'eservices')
    return 'Awareness for residents is run centrally on the city website and the e-services portal.';
  return null;
}

/** Due dates used across the city (days from today); the first three are already past. */
const DUE_DAYS = [-62, -35, -12, 18, 45, 80, 130, 200];

interface Change {
  status: ImplementationStatus;
  statement?: string;
  justification?: string;
  responsibleId?: string;
  dueDate?: string;
}

/**
 * Gives every system's own (not inherited) requirements a status, responsible person and due
 * date, drawn from the department's maturity with the seeded generator, and stores them with
 * bulk edits — the way an officer updates many records at once — grouped by identical change.
 */
export const requirementsStep: DemoStep = {
  name: 'requirements',
  async run(demo: DemoContext) {
    const { services, officer, rng } = demo;
    const groups = new Map<string, { change: Change; ids: string[] }>();
    const add = (change: Change, id: string) => {
      const key = JSON.stringify(change);
      const g = groups.get(key) ?? { change, ids: [] };
      g.ids.push(id);
      groups.set(key, g);
    };
    const dueDates = DUE_DAYS.map((d) => dayOffset(demo.today, d));
    const it = demo.people.get('digital');
    let inherited = 0;
    for (const s of SYSTEMS) {
      const systemId = demo.systems.get(s.key);
      if (!systemId || !s.classification) continue;
      const owner = demo.people.get(s.owner ?? s.department);
      const maturity = MATURITY[s.department] ?? 0.4;
      const { items } = await services.requirements.list(officer, { systemId }, 1, 1000);
      for (const r of items) {
        if (r.inherited) {
          inherited += 1;
          continue;
        }
        const na = notApplicable(r.controlId, s);
        if (na && rng.chance(0.85)) {
          add({ status: 'not-applicable', justification: na }, r.id);
          continue;
        }
        const p = Math.min(0.85, Math.max(0.1, maturity + (FAMILY_BIAS[r.family] ?? 0)));
        const x = rng.next();
        // Technical families are the IT department's work; governance and awareness the officer's.
        const responsible = ['cs-inf', 'cs-hwe', 'cs-log'].includes(r.family)
          ? it
          : ['cs-gov', 'cs-awa', 'cs-inc'].includes(r.family)
            ? officer.userId
            : owner;
        if (x < p) {
          add(
            { status: 'implemented', statement: IMPLEMENTED[r.family] ?? PLANNED, ...(responsible ? { responsibleId: responsible } : {}) },
            r.id,
          );
        } else if (x < p + 0.15) {
          const due = rng.chance(0.6) ? { dueDate: rng.pick(dueDates.slice(2)) } : {};
          add({ status: 'partially', statement: PARTIALLY, ...(responsible ? { responsibleId: responsible } : {}), ...due }, r.id);
        } else if (x < p + 0.32) {
          // About a third of the planned work is overdue.
          const dueDate = rng.chance(0.3) ? rng.pick(dueDates.slice(0, 3)) : rng.pick(dueDates.slice(3));
          add({ status: 'planned', statement: PLANNED, dueDate, ...(responsible ? { responsibleId: responsible } : {}) }, r.id);
        } else if (rng.chance(0.12)) {
          add(
            { status: 'not-started', dueDate: rng.pick(dueDates.slice(1)), ...(responsible ? { responsibleId: responsible } : {}) },
            r.id,
          );
        }
      }
    }
    let updated = 0;
    // In the order the groups were first met (systems, then catalog order): the same on every run.
    for (const g of groups.values()) {
      for (let i = 0; i < g.ids.length; i += 2000) {
        updated += (await services.requirements.bulkUpdate(officer, g.ids.slice(i, i + 2000), g.change)).updated;
      }
    }
    return `${updated} requirement records updated in ${groups.size} bulk edits; ${inherited} inherited from components`;
  },
};
