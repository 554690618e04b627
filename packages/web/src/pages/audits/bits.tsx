import { NavLink } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { Badge } from '../../components/Badge';
import { useT } from '../../i18n';
import {
  ACTION_TONE,
  ACTIONS_PATH,
  AUDIT_STATUS_TONE,
  AUDITS_PATH,
  actionStatusLabel,
  auditStatusLabel,
  CALENDAR_TONE,
  calendarStateLabel,
  findingStatusLabel,
  RESULT_TONE,
  resultLabel,
  SEVERITY_TONE,
  SOA_PATH,
  severityLabel,
} from './vocab';

export function AuditStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <Badge tone={AUDIT_STATUS_TONE[status] ?? 'neutral'}>{auditStatusLabel(t, status)}</Badge>;
}

/** This audit's result of a requirement, or "not assessed yet". */
export function ResultBadge({ result }: { result: string | null }) {
  const t = useT();
  if (!result) return <span className="badge badge--neutral badge--outline">{t('audits.fieldwork.unassessed')}</span>;
  return <Badge tone={RESULT_TONE[result] ?? 'neutral'}>{resultLabel(t, result)}</Badge>;
}

export function SeverityBadge({ severity }: { severity: string }) {
  const t = useT();
  return <Badge tone={SEVERITY_TONE[severity] ?? 'neutral'}>{t('audits.severityBadge', { severity: severityLabel(t, severity) })}</Badge>;
}

export function CalendarBadge({ state }: { state: string }) {
  const t = useT();
  return <Badge tone={CALENDAR_TONE[state] ?? 'neutral'}>{calendarStateLabel(t, state)}</Badge>;
}

export function ActionStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <Badge tone={ACTION_TONE[status] ?? 'neutral'}>{actionStatusLabel(t, status)}</Badge>;
}

export function FindingStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <Badge tone={status === 'closed' ? 'success' : 'warning'}>{findingStatusLabel(t, status)}</Badge>;
}

export function OverdueBadge() {
  const t = useT();
  return <Badge tone="danger">{t('audits.actions.overdueBadge')}</Badge>;
}

/** The three views of the audit area: programme, plan of action, statement of applicability. */
export function AuditsNav() {
  const t = useT();
  const { can } = useAuth();
  if (!can('audits:read')) return null;
  const links = [
    { to: AUDITS_PATH, label: t('audits.nav.programme'), end: true },
    { to: ACTIONS_PATH, label: t('audits.nav.actions'), end: false },
    { to: SOA_PATH, label: t('audits.nav.soa'), end: false },
  ];
  return (
    <nav className="audits-nav" aria-label={t('audits.nav.label')}>
      <ul className="audits-nav__list">
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end={l.end} className="audits-nav__link">
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
