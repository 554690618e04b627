/**
 * The rules of a system's requirement list: which controls of the mapped profile apply to a system
 * of a given kind, how a list changes on reclassification, what a system inherits from the common
 * components it uses, and how compliance is counted. Pure, so the server, the demo and the bench
 * share one definition.
 */

export const IMPLEMENTATION_STATUSES = ['not-started', 'planned', 'partially', 'implemented', 'not-applicable'] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

/** Statuses that still need work (used for overdue and "my work"). */
export const OPEN_STATUSES: readonly ImplementationStatus[] = ['not-started', 'planned', 'partially'];

export const isOpen = (status: string): boolean => (OPEN_STATUSES as readonly string[]).includes(status);

/** What a control in a catalog says about where it applies (City Baseline props; other catalogs say nothing). */
export interface ControlScope {
  readonly id: string;
  /** Values of `system-kind` props; empty = no restriction stated. `all` = every kind. */
  readonly kinds: readonly string[];
  readonly withdrawn: boolean;
}

const NS = 'https://cityshield.eu/ns/oscal';

type Json = Record<string, unknown>;

/** Reads the `system-kind` props of a control body (any namespace we wrote, or none). */
export function systemKindsOf(body: Json): string[] {
  const props = Array.isArray(body.props) ? (body.props as Json[]) : [];
  return props
    .filter((p) => p.name === 'system-kind' && (p.ns === undefined || p.ns === NS) && typeof p.value === 'string')
    .map((p) => String(p.value));
}

/**
 * The controls that apply to a system: every control of the profile that is not withdrawn, and —
 * when the organisation narrows by kind — only those whose stated kinds include the system's kind
 * (controls that state no kind, or `all`, apply everywhere).
 */
export function applicableControls<C extends ControlScope>(controls: readonly C[], systemKind: string, narrowByKind: boolean): C[] {
  return controls.filter((c) => {
    if (c.withdrawn) return false;
    if (!narrowByKind || c.kinds.length === 0) return true;
    return c.kinds.includes('all') || c.kinds.includes(systemKind);
  });
}

export interface RequirementListDiff {
  readonly added: string[];
  /** Applied before, no longer apply: kept as retired with their status, in case they return. */
  readonly removed: string[];
  /** Retired before and applying again: their earlier status comes back. */
  readonly restored: string[];
  readonly kept: string[];
}

/**
 * Compares the requirement list a system has (`current`: control id → still applies?) with the one
 * it should have. Statuses are carried over by control id, so nothing is lost when a system goes
 * down a level and up again.
 */
export function diffRequirementList(current: ReadonlyMap<string, boolean>, target: readonly string[]): RequirementListDiff {
  const want = new Set(target);
  const added: string[] = [];
  const restored: string[] = [];
  const kept: string[] = [];
  for (const id of target) {
    const applies = current.get(id);
    if (applies === undefined) added.push(id);
    else if (applies) kept.push(id);
    else restored.push(id);
  }
  const removed = [...current].filter(([id, applies]) => applies && !want.has(id)).map(([id]) => id);
  return { added, removed, restored, kept };
}

/** Best first: when two components implement the same control the system inherits the better one. */
const INHERITANCE_ORDER: readonly ImplementationStatus[] = ['implemented', 'partially', 'planned', 'not-started', 'not-applicable'];

export interface ComponentImplementation {
  readonly componentId: string;
  readonly status: ImplementationStatus;
}

/**
 * Which component a requirement inherits from: the one with the most advanced status; ties go to
 * the component id that sorts first so the choice is stable. Not-applicable at the component is
 * not inherited (a component cannot declare a system's requirement irrelevant).
 */
export function inheritedFrom(implementations: readonly ComponentImplementation[]): ComponentImplementation | undefined {
  let best: ComponentImplementation | undefined;
  for (const i of implementations) {
    if (i.status === 'not-applicable') continue;
    if (!best) best = i;
    else {
      const a = INHERITANCE_ORDER.indexOf(i.status);
      const b = INHERITANCE_ORDER.indexOf(best.status);
      if (a < b || (a === b && i.componentId < best.componentId)) best = i;
    }
  }
  return best;
}

export interface StatusCounts {
  'not-started': number;
  planned: number;
  partially: number;
  implemented: number;
  'not-applicable': number;
}

export const emptyCounts = (): StatusCounts => ({ 'not-started': 0, planned: 0, partially: 0, implemented: 0, 'not-applicable': 0 });

export function addCounts(into: StatusCounts, from: Partial<StatusCounts>): StatusCounts {
  for (const s of IMPLEMENTATION_STATUSES) into[s] += from[s] ?? 0;
  return into;
}

/**
 * The implemented share: implemented requirements over those that apply (not-applicable ones are
 * out of the count). Partially implemented counts as half, as the audit practice does for
 * "partially satisfied". Null when nothing applies.
 */
export function complianceShare(c: StatusCounts): number | null {
  const applicable = c['not-started'] + c.planned + c.partially + c.implemented;
  if (applicable === 0) return null;
  return (c.implemented + c.partially / 2) / applicable;
}

/** Overdue open items from a histogram of open due dates (YYYY-MM-DD → count) on a given day. */
export function overdueFrom(openDue: Readonly<Record<string, number>>, today: string): number {
  let n = 0;
  for (const [day, count] of Object.entries(openDue)) if (day < today) n += count;
  return n;
}

/**
 * The default mapping of a method's security levels (lowest first) to the City Baseline tiers:
 * the lowest gets basic, the highest gets high, levels between are spread evenly.
 */
export function defaultTierFor(levelIndex: number, levelCount: number): 'basic' | 'standard' | 'high' {
  const tiers = ['basic', 'standard', 'high'] as const;
  if (levelCount <= 1) return 'standard';
  const t = Math.round((levelIndex * (tiers.length - 1)) / (levelCount - 1));
  return tiers[Math.min(Math.max(t, 0), tiers.length - 1)] ?? 'standard';
}
