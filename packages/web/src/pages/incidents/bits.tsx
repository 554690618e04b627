import { Badge } from '../../components/Badge';
import { type Translate, useI18n, useT } from '../../i18n';
import { liveState, useNow } from './clock';
import { DEADLINE_TONE, deadlineStateLabel, SEVERITY_TONE, STATUS_TONE, severityLabel, statusLabel } from './vocab';
import { formatInZone, formatShortInZone, splitDuration } from './zonedTime';

export function SeverityBadge({ severity }: { severity: string }) {
  const t = useT();
  return (
    <Badge tone={SEVERITY_TONE[severity] ?? 'neutral'}>{t('incidents.severityBadge', { severity: severityLabel(t, severity) })}</Badge>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  return <Badge tone={STATUS_TONE[status as keyof typeof STATUS_TONE] ?? 'neutral'}>{statusLabel(t, status)}</Badge>;
}

export function SignificantBadge() {
  const t = useT();
  return <Badge tone="danger">{t('incidents.significantBadge')}</Badge>;
}

/** "2 d 4 h", "5 h 12 min", "12 min 40 s". */
export function durationText(t: Translate, ms: number): string {
  const d = splitDuration(ms);
  if (d.days > 0) return t('incidents.duration.days', { days: d.days, hours: d.hours });
  if (d.hours > 0) return t('incidents.duration.hours', { hours: d.hours, minutes: d.minutes });
  return t('incidents.duration.minutes', { minutes: d.minutes, seconds: d.seconds });
}

/**
 * The time left until `due`, ticking every second: green while there is time, amber within six
 * hours, red once overdue. A timer role (not a live region): it is read when reached, not every second.
 */
export function Countdown({ due, state = 'pending', className }: { due: string; state?: string; className?: string }) {
  const t = useT();
  const now = useNow();
  const live = liveState({ due, state: state as never }, now);
  const left = new Date(due).getTime() - now;
  const text =
    left < 0
      ? t('incidents.countdown.overdue', { time: durationText(t, left) })
      : t('incidents.countdown.left', { time: durationText(t, left) });
  return (
    <span className={`countdown countdown--${live}${className ? ` ${className}` : ''}`} role="timer">
      {text}
    </span>
  );
}

/** The state of a deadline as a badge, recomputed live for unsent ones. */
export function DeadlineStateBadge({ due, state }: { due: string | null; state: string }) {
  const t = useT();
  const now = useNow();
  const live = liveState({ due, state: state as never }, now);
  return <Badge tone={DEADLINE_TONE[live] ?? 'neutral'}>{deadlineStateLabel(t, live)}</Badge>;
}

/** A time on the organisation's clock, as a <time> element with the UTC instant. */
export function ZonedTime({ iso, zone, short = false }: { iso: string; zone: string; short?: boolean }) {
  const { locale } = useI18n();
  return <time dateTime={iso}>{short ? formatShortInZone(iso, zone, locale) : formatInZone(iso, zone, locale)}</time>;
}
