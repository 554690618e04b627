import { type RiskMatrix, rated, stepOf } from './matrix.js';
import { BUILT_IN_THREATS, OT_SECTORS, type RiskDimension, type Threat } from './threats.js';

/**
 * Scenario suggestions: from what the register and the classification know about a system —
 * kind, sector, personal data, hosting, supplier, protection need per dimension and security
 * level — propose the threats that matter for it, each with a short reason a system owner can
 * check and a suggested inherent likelihood and impact on the organisation's matrix. The rules are
 * deliberately few and explainable; the owner confirms or corrects every number.
 */

export interface SystemProfile {
  kind: string;
  sector: string;
  personalData: readonly string[];
  hosting: string;
  supplier?: string | null;
  /** Protection need per dimension, 0 (the method's lowest step) … 1 (its highest); absent = not classified. */
  needs: Partial<Record<RiskDimension, number>>;
  /** The method's names of those steps, for the reasons (e.g. `K3`, `high`). */
  needLabels?: Partial<Record<RiskDimension, string>>;
  /** Security level, 0 (lowest) … 1 (highest); null = not classified. */
  level?: number | null;
}

export interface Suggestion {
  threatKey: string;
  threatName: string;
  /** Why this threat matters for this system, in one or two short clauses. */
  reason: string;
  likelihood: number;
  impact: number;
  score: number;
  rating: string;
  /** The threat's mitigating controls (the server keeps those in the system's requirement list). */
  mitigations: readonly string[];
}

interface Judgement {
  reasons: string[];
  /** 0..1 on the likelihood axis. */
  likelihood: number;
  /** A floor for the impact (0..1) beyond what the protection need says. */
  impactFloor?: number;
}

type Rule = (p: SystemProfile, h: Helpers) => Judgement | null;

interface Helpers {
  need: (d: RiskDimension) => number | undefined;
  /** "availability need K3" or "availability need not classified". */
  needText: (d: RiskDimension) => string;
  elevated: (d: RiskDimension) => boolean;
  has: (category: string) => boolean;
  anyPersonal: boolean;
  sensitive: boolean;
}

/** A need at or above the middle of the method's scale (ISKE 2–3, BSI high and very high, FIPS moderate and high). */
const ELEVATED = 0.5;
const SAFETY_SECTORS = ['transport', 'energy', 'water', 'public-safety'];
const INTERNET_FACING = ['website', 'cloud-service'];
const sectorWord = (s: string) => s.replace(/-/g, ' ');

const RULES: Record<string, Rule> = {
  phishing: (p, h) => {
    if (!['application', 'cloud-service', 'database'].includes(p.kind)) return null;
    if (!h.anyPersonal && !h.elevated('confidentiality') && !h.elevated('integrity')) return null;
    return { reasons: ['staff sign in to it, and phishing is how most attacks on cities start'], likelihood: 0.75 };
  },
  'credential-theft': (p, h) => {
    if (!['application', 'cloud-service', 'website'].includes(p.kind)) return null;
    const fraudSector = ['public-administration', 'social-services', 'finance', 'health'].includes(p.sector);
    if (!h.anyPersonal && !fraudSector) return null;
    const reasons = [h.anyPersonal ? 'accounts give access to personal data' : `accounts can act in ${sectorWord(p.sector)} processes`];
    if (INTERNET_FACING.includes(p.kind)) reasons.push('its login is reachable from the internet');
    return { reasons, likelihood: INTERNET_FACING.includes(p.kind) ? 0.75 : 0.5 };
  },
  'data-breach': (p, h) => {
    if (p.kind === 'building' || p.kind === 'network') return null;
    if (h.has('special-categories'))
      return { reasons: ['it holds special categories of personal data (health, social, beliefs …)'], likelihood: 0.5, impactFloor: 1 };
    if (h.has('children')) return { reasons: ["it holds children's personal data"], likelihood: 0.5, impactFloor: 0.75 };
    if (h.anyPersonal) return { reasons: ['it holds personal data'], likelihood: 0.5, impactFloor: 0.5 };
    if (h.elevated('confidentiality')) return { reasons: [h.needText('confidentiality')], likelihood: 0.25 };
    return null;
  },
  ransomware: (p, h) => {
    if (!['application', 'database', 'network', 'cloud-service'].includes(p.kind)) return null;
    if (!h.elevated('availability') && !h.elevated('integrity') && h.need('availability') !== undefined) return null;
    const reasons = [h.need('availability') === undefined ? 'an outage of days would stop its service' : h.needText('availability')];
    if (p.hosting === 'on-premises') reasons.push("it runs in the city's own network");
    return { reasons, likelihood: p.hosting === 'on-premises' ? 0.5 : 0.25 };
  },
  ddos: (p, h) => {
    if (INTERNET_FACING.includes(p.kind)) {
      const reasons = ['it is reachable from the internet'];
      if (h.elevated('availability')) reasons.push(h.needText('availability'));
      return { reasons, likelihood: p.kind === 'website' ? 0.75 : 0.5 };
    }
    if (['ot-iot', 'network', 'application'].includes(p.kind) && (h.need('availability') ?? 0) >= 0.75) {
      return { reasons: [h.needText('availability'), 'an overload of its network stops the service'], likelihood: 0.25 };
    }
    return null;
  },
  defacement: (p) => {
    if (p.kind !== 'website') return null;
    return { reasons: ['a public website: changed content misleads residents and damages trust'], likelihood: 0.5 };
  },
  'ot-manipulation': (p) => {
    const otSector = (OT_SECTORS as readonly string[]).includes(p.sector);
    if (p.kind !== 'ot-iot' && !(otSector && (p.kind === 'network' || p.kind === 'building'))) return null;
    const reasons = [
      p.kind === 'ot-iot' ? 'an OT/IoT device fleet' : `controls ${p.kind === 'building' ? 'building automation' : 'an OT network'}`,
    ];
    const safety = SAFETY_SECTORS.includes(p.sector);
    if (safety) reasons.push(`in ${sectorWord(p.sector)}, manipulated devices can endanger people`);
    if (p.hosting === 'supplier') reasons.push('maintained remotely by a supplier');
    return { reasons, likelihood: p.hosting === 'supplier' ? 0.5 : 0.25, ...(safety ? { impactFloor: 0.75 } : {}) };
  },
  'insider-misuse': (p, h) => {
    if (!['application', 'database', 'cloud-service'].includes(p.kind)) return null;
    if (h.sensitive) return { reasons: ['staff with access can look up sensitive records'], likelihood: 0.5 };
    if (['finance', 'social-services'].includes(p.sector))
      return { reasons: [`${sectorWord(p.sector)}: payments and decisions can be manipulated from inside`], likelihood: 0.25 };
    if ((h.need('integrity') ?? 0) >= 0.75) return { reasons: [h.needText('integrity')], likelihood: 0.25 };
    return null;
  },
  'supplier-compromise': (p) => {
    if (p.hosting === 'supplier') return { reasons: [`run by a supplier${p.supplier ? ` (${p.supplier})` : ''}`], likelihood: 0.5 };
    if (p.hosting === 'cloud') return { reasons: [`hosted in a cloud service${p.supplier ? ` (${p.supplier})` : ''}`], likelihood: 0.25 };
    if (p.supplier) return { reasons: [`maintained by ${p.supplier}`], likelihood: 0.25 };
    return null;
  },
  'site-loss': (p, h) => {
    if (p.kind === 'website' || p.kind === 'ot-iot') return null;
    if (!h.elevated('availability')) return null;
    const where =
      p.hosting === 'cloud'
        ? 'it depends on one cloud region'
        : p.hosting === 'supplier'
          ? "it depends on a supplier's data centre"
          : "it runs in the city's server room";
    return { reasons: [h.needText('availability'), where], likelihood: 0.25 };
  },
  'vulnerability-exploitation': (p, h) => {
    if (INTERNET_FACING.includes(p.kind) || p.kind === 'network')
      return {
        reasons: [p.kind === 'network' ? 'its boundary devices face the internet' : 'it is reachable from the internet'],
        likelihood: 0.5,
      };
    if (p.kind === 'application' && (p.level ?? 0) >= ELEVATED)
      return { reasons: ['a high security level makes it a valuable target', h.needText('integrity')], likelihood: 0.25 };
    return null;
  },
  'citizen-scam': (p) => {
    if (p.kind !== 'website') return null;
    const sector = ['public-administration', 'finance', 'social-services', 'transport'].includes(p.sector);
    return {
      reasons: [
        sector ? `residents expect messages about ${sectorWord(p.sector)} from it, which fraudsters imitate` : 'fraudsters can imitate it',
      ],
      likelihood: sector ? 0.5 : 0.25,
    };
  },
};

/** An organisation's own threat is suggested when it names the system's kind (or none) and sector (or none). */
function ownRule(t: Threat): Rule {
  return (p) => {
    if (t.kinds.length > 0 && !t.kinds.includes(p.kind)) return null;
    if (t.sectors.length > 0 && !t.sectors.includes(p.sector)) return null;
    const why = t.kinds.length > 0 ? `your organisation's threat for ${p.kind} systems` : "your organisation's threat for every system";
    return { reasons: [t.sectors.length > 0 ? `${why} in ${sectorWord(p.sector)}` : why], likelihood: 0.5 };
  };
}

function helpers(p: SystemProfile): Helpers {
  const has = (c: string) => p.personalData.includes(c);
  const need = (d: RiskDimension) => p.needs[d];
  return {
    need,
    needText: (d) => {
      const label = p.needLabels?.[d];
      const v = need(d);
      if (v === undefined) return `${d} need not classified`;
      return `${d} need ${label ?? (v >= 0.75 ? 'high' : v >= ELEVATED ? 'elevated' : 'low')}`;
    },
    elevated: (d) => (need(d) ?? 0) >= ELEVATED,
    has,
    anyPersonal: p.personalData.some((c) => c !== 'none'),
    sensitive: has('special-categories') || has('children'),
  };
}

/**
 * The threats that matter for a system, highest suggested score first. `threats` is the whole
 * catalogue (built in and own); `exclude` the threat keys its scenarios already cover.
 */
export function suggestScenarios(
  profile: SystemProfile,
  matrix: RiskMatrix,
  threats: readonly Threat[] = BUILT_IN_THREATS,
  exclude: ReadonlySet<string> = new Set(),
): Suggestion[] {
  const h = helpers(profile);
  const out: Suggestion[] = [];
  for (const t of threats) {
    if (exclude.has(t.key)) continue;
    const rule = RULES[t.key] ?? ownRule(t);
    const j = rule(profile, h);
    if (!j) continue;
    // Impact follows the highest need among the dimensions the threat hits (unknown: the middle).
    const fromNeed = Math.max(...t.dimensions.map((d) => h.need(d) ?? ELEVATED));
    const impactShare = Math.max(fromNeed, j.impactFloor ?? 0);
    const r = rated(matrix, stepOf(j.likelihood, matrix.likelihood.length), stepOf(impactShare, matrix.impact.length));
    out.push({
      threatKey: t.key,
      threatName: t.name,
      reason: capitalise(j.reasons.filter(Boolean).join('; ')),
      likelihood: r.likelihood,
      impact: r.impact,
      score: r.score,
      rating: r.rating,
      mitigations: t.mitigations,
    });
  }
  return out.sort((a, b) => b.score - a.score || b.impact - a.impact || a.threatName.localeCompare(b.threatName));
}

const capitalise = (s: string) => (s ? s[0]?.toUpperCase() + s.slice(1) : s);

/** A classification method's shape as far as suggestions need it. */
export interface MethodScale {
  dimensions: readonly { key: string; levels: readonly { key: string; name: string; rank: number }[] }[];
  securityLevels: readonly { key: string; rank: number }[];
}

/**
 * Turns a system's levels under the organisation's method into the 0..1 needs of a profile. The
 * method's dimensions are matched by key (confidentiality, integrity, availability); others, such
 * as KLASSA's traceability, do not feed suggestions.
 */
export function needsFromLevels(
  method: MethodScale,
  levels: Readonly<Record<string, string | undefined>>,
  securityLevel: string | null | undefined,
): Pick<SystemProfile, 'needs' | 'needLabels' | 'level'> {
  const needs: Partial<Record<RiskDimension, number>> = {};
  const needLabels: Partial<Record<RiskDimension, string>> = {};
  for (const d of method.dimensions) {
    if (d.key !== 'confidentiality' && d.key !== 'integrity' && d.key !== 'availability') continue;
    const key = levels[d.key];
    const level = d.levels.find((l) => l.key === key);
    if (!level) continue;
    const ranks = d.levels.map((l) => l.rank);
    const min = Math.min(...ranks);
    const max = Math.max(...ranks);
    needs[d.key] = max === min ? 0 : (level.rank - min) / (max - min);
    needLabels[d.key] = level.name;
  }
  let level: number | null = null;
  const sl = method.securityLevels.find((l) => l.key === securityLevel);
  if (sl) {
    const ranks = method.securityLevels.map((l) => l.rank);
    const min = Math.min(...ranks);
    const max = Math.max(...ranks);
    level = max === min ? 0 : (sl.rank - min) / (max - min);
  }
  return { needs, needLabels, level };
}
