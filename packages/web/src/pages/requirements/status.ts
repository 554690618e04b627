import { type Counts, REQUIREMENT_STATUSES, type RequirementStatus } from '../../api/baselines';
import type { Tone } from '../../components/Badge';
import type { Option } from '../../components/Field';
import { hasMessage, type Translate } from '../../i18n';

export const STATUS_TONE: Record<RequirementStatus, Tone> = {
  'not-started': 'neutral',
  planned: 'info',
  partially: 'warning',
  implemented: 'success',
  'not-applicable': 'neutral',
};

/** A status in words; an unknown value (a newer server) is shown as it is. */
export function statusLabel(t: Translate, status: string): string {
  const key = `requirementStatus.${status}`;
  return hasMessage(key) ? t(key) : status;
}

export function statusOptions(t: Translate): Option[] {
  return REQUIREMENT_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }));
}

/** Order in bars and legends: done first, then in progress, then open, not applicable last. */
export const DISPLAY_ORDER: readonly RequirementStatus[] = ['implemented', 'partially', 'planned', 'not-started', 'not-applicable'];

export type StatusCounts = Record<RequirementStatus, number>;

/** The dashboard's camel-case counts as counts per status. */
export function countsByStatus(c: Omit<Counts, 'share'>): StatusCounts {
  return {
    'not-started': c.notStarted,
    planned: c.planned,
    partially: c.partially,
    implemented: c.implemented,
    'not-applicable': c.notApplicable,
  };
}

export const totalOf = (c: StatusCounts) => REQUIREMENT_STATUSES.reduce((n, s) => n + (c[s] ?? 0), 0);

/** "42 %" in the user's language, or null without a share. */
export function formatShare(locale: string, share: number | null | undefined): string | null {
  if (share === null || share === undefined || Number.isNaN(share)) return null;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** Today as YYYY-MM-DD in UTC, the way the server compares due dates. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

/** Control label and title, as a requirement is named in lists ("CS-IAM-1 Personal accounts"). */
export const requirementName = (r: { label: string | null; controlId: string; title: string }) => `${r.label ?? r.controlId} ${r.title}`;
