/**
 * Audit cycles: how often a system of each security level must be independently audited. ISKE
 * demands every 2 years at H, 3 at M and 4 at L; other methods are configured by the
 * organisation, with the same spread by rank as the default (highest level 2 years, lowest 4).
 */

const ISKE: Readonly<Record<string, number>> = { H: 2, M: 3, L: 4 };

/** Default years between audits for each level (levels lowest rank first). */
export function defaultAuditCycle(methodKey: string, levelKeys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  levelKeys.forEach((key, i) => {
    if (methodKey === 'iske' && ISKE[key] !== undefined) out[key] = ISKE[key] as number;
    else {
      // Spread 4 → 2 years from the lowest to the highest level.
      const n = levelKeys.length;
      out[key] = n <= 1 ? 3 : Math.round(4 - (2 * i) / (n - 1));
    }
  });
  return out;
}

/** The same calendar date `years` later (29 February → 28 February in a common year). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export type AuditDueState = 'unclassified' | 'never-audited' | 'overdue' | 'due-soon' | 'ok';

/**
 * When a system's next audit is due: its cycle after the end of the period of its last closed
 * audit; a classified system never audited is due now. "Due soon" is within `soonDays`.
 */
export function nextAudit(
  input: { securityLevel: string | null; lastAuditEnd: string | null; cycleYears: number | undefined },
  today: string,
  soonDays = 90,
): { due: string | null; state: AuditDueState } {
  if (!input.securityLevel || input.cycleYears === undefined) return { due: null, state: 'unclassified' };
  if (!input.lastAuditEnd) return { due: today, state: 'never-audited' };
  const due = addYears(input.lastAuditEnd, input.cycleYears);
  if (due < today) return { due, state: 'overdue' };
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + soonDays * 86_400_000).toISOString().slice(0, 10);
  return { due, state: due <= soon ? 'due-soon' : 'ok' };
}
