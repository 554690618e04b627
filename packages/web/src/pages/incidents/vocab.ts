import {
  ACTION_STATUSES,
  DEFAULT_THREATS,
  type DeadlineState,
  INCIDENT_STATUSES,
  type IncidentStatus,
  REPORT_STAGES,
  SEVERITIES,
} from '../../api/incidents';
import type { Tone } from '../../components/Badge';
import type { Option } from '../../components/Field';
import { hasMessage, type Translate } from '../../i18n';

const enc = encodeURIComponent;

export const INCIDENTS_PATH = '/incidents';
export const NEW_INCIDENT_PATH = '/incidents/new';
export const incidentPath = (id: string) => `${INCIDENTS_PATH}/${enc(id)}`;
export const reportPath = (id: string, stage: string) => `${incidentPath(id)}/reports/${enc(stage)}`;

/** A value of one of the incident vocabularies in words; an unknown value (a newer server) is shown as it is. */
function label(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return hasMessage(key) ? t(key) : value;
}

export const statusLabel = (t: Translate, s: string) => label(t, 'incidentStatus', s);
export const severityLabel = (t: Translate, s: string) => label(t, 'incidentSeverity', s);
export const stageLabel = (t: Translate, s: string) => label(t, 'reportStage', s);
export const actionStatusLabel = (t: Translate, s: string) => label(t, 'actionStatus', s);
export const deadlineStateLabel = (t: Translate, s: string) => label(t, 'deadlineState', s);

/** The incident type: a threat of the catalogue by its name, the server's name when it sent one, "not set" for none. */
export function typeLabel(t: Translate, key: string | null, name?: string | null): string {
  if (!key) return t('incidents.noType');
  const k = `threat.${key}`;
  return hasMessage(k) ? t(k) : (name ?? key);
}

export const statusOptions = (t: Translate): Option[] => INCIDENT_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }));
export const severityOptions = (t: Translate): Option[] => SEVERITIES.map((s) => ({ value: s, label: severityLabel(t, s) }));
export const actionStatusOptions = (t: Translate): Option[] => ACTION_STATUSES.map((s) => ({ value: s, label: actionStatusLabel(t, s) }));
export const defaultThreatOptions = (t: Translate): Option[] => DEFAULT_THREATS.map((k) => ({ value: k, label: typeLabel(t, k) }));
export const stageOrder = (s: string) => (REPORT_STAGES as readonly string[]).indexOf(s);

export const SEVERITY_TONE: Record<string, Tone> = { low: 'neutral', medium: 'info', high: 'warning', critical: 'danger' };
export const STATUS_TONE: Record<IncidentStatus, Tone> = {
  new: 'danger',
  triage: 'warning',
  containment: 'warning',
  eradication: 'info',
  recovery: 'info',
  closed: 'success',
};
export const DEADLINE_TONE: Record<DeadlineState, Tone> = {
  pending: 'success',
  'due-soon': 'warning',
  overdue: 'danger',
  sent: 'success',
  'sent-late': 'warning',
  waiting: 'neutral',
};

export const isOpenStatus = (s: string) => s !== 'closed';
