import { AUDIT_RESULTS, AUDIT_STATUSES, CALENDAR_STATES, CORRECTIVE_STATUSES, FINDING_SEVERITIES } from '../../api/audits';
import type { Tone } from '../../components/Badge';
import type { Option } from '../../components/Field';
import { hasMessage, type Translate } from '../../i18n';

const enc = encodeURIComponent;

export const AUDITS_PATH = '/audits';
export const PLAN_AUDIT_PATH = '/audits/new';
export const ACTIONS_PATH = '/corrective-actions';
export const SOA_PATH = '/soa';
export const auditPath = (id: string) => `${AUDITS_PATH}/${enc(id)}`;
export const incidentPath = (id: string) => `/incidents/${enc(id)}`;

/** A value of one of the audit vocabularies in words; an unknown value (a newer server) is shown as it is. */
function label(t: Translate, prefix: string, value: string): string {
  const key = `audits.vocab.${prefix}.${value}`;
  return hasMessage(key) ? t(key) : value;
}

export const auditStatusLabel = (t: Translate, s: string) => label(t, 'status', s);
export const resultLabel = (t: Translate, s: string) => label(t, 'result', s);
export const severityLabel = (t: Translate, s: string) => label(t, 'severity', s);
export const calendarStateLabel = (t: Translate, s: string) => label(t, 'calendar', s);
export const actionStatusLabel = (t: Translate, s: string) => label(t, 'action', s);
export const findingStatusLabel = (t: Translate, s: string) => label(t, 'finding', s);

export const auditStatusOptions = (t: Translate): Option[] => AUDIT_STATUSES.map((s) => ({ value: s, label: auditStatusLabel(t, s) }));
export const resultOptions = (t: Translate): Option[] => AUDIT_RESULTS.map((s) => ({ value: s, label: resultLabel(t, s) }));
export const severityOptions = (t: Translate): Option[] => FINDING_SEVERITIES.map((s) => ({ value: s, label: severityLabel(t, s) }));
export const actionStatusOptions = (t: Translate): Option[] =>
  CORRECTIVE_STATUSES.map((s) => ({ value: s, label: actionStatusLabel(t, s) }));
export const calendarStateOrder = CALENDAR_STATES;

export const AUDIT_STATUS_TONE: Record<string, Tone> = { planned: 'neutral', fieldwork: 'info', reporting: 'warning', closed: 'success' };
export const RESULT_TONE: Record<string, Tone> = {
  satisfied: 'success',
  partially: 'warning',
  'not-satisfied': 'danger',
  'not-applicable': 'neutral',
};
export const SEVERITY_TONE: Record<string, Tone> = { low: 'neutral', moderate: 'warning', high: 'danger', critical: 'danger' };
export const CALENDAR_TONE: Record<string, Tone> = {
  overdue: 'danger',
  'never-audited': 'warning',
  'due-soon': 'warning',
  ok: 'success',
  unclassified: 'neutral',
};
export const ACTION_TONE: Record<string, Tone> = {
  open: 'neutral',
  'in-progress': 'info',
  done: 'warning',
  verified: 'success',
  'risk-accepted': 'neutral',
};

/** Today as a UTC calendar date (YYYY-MM-DD), the way the server compares due dates. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

/** A calendar date `days` after `from` (YYYY-MM-DD, UTC). */
export function addDays(from: string, days: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "CS-IAM-1 Personal accounts". */
export const controlName = (r: { label: string | null; controlId: string; title: string }) => `${r.label ?? r.controlId} ${r.title}`;
