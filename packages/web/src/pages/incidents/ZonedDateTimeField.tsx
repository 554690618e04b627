import { TextField } from '../../components/Field';
import { type Translate, useT } from '../../i18n';
import { fromZonedInput, offsetLabel, toZonedInput } from './zonedTime';

interface Props {
  label: string;
  /** A `datetime-local` value on the zone's wall clock ('' for none). */
  value: string;
  onValueChange: (value: string) => void;
  zone: string;
  /** True: the organisation's zone; false: the browser's (the user may not read the organisation's). */
  orgZone?: boolean;
  error?: string | undefined;
  /** More hint text after the zone. */
  extraHint?: string;
  required?: boolean;
  disabled?: boolean;
  id?: string;
}

/** A date and time typed on the organisation's clock, with the zone and its current UTC offset named. */
export function ZonedDateTimeField({ label, value, onValueChange, zone, orgZone = true, error, extraHint, required, disabled, id }: Props) {
  const t = useT();
  const now = Date.now();
  const zoneText = t(orgZone ? 'incidents.zone.org' : 'incidents.zone.browser', { zone, offset: offsetLabel(now, zone) });
  return (
    <TextField
      id={id}
      label={label}
      type="datetime-local"
      value={value}
      onValueChange={onValueChange}
      max={toZonedInput(now, zone)}
      step={60}
      error={error}
      required={required}
      disabled={disabled}
      hint={extraHint ? `${zoneText} ${extraHint}` : zoneText}
      fieldClassName="field--datetime"
    />
  );
}

/**
 * Reads a wall-clock value in the zone as a UTC ISO instant, or says what is wrong with it: empty
 * (when required), not a time, a time that does not exist (skipped by a daylight-saving change), or
 * in the future (when not allowed; a minute of grace as on the server).
 */
export function readZoned(
  t: Translate,
  value: string,
  zone: string,
  opts: { required: boolean; notFuture: boolean },
): { iso: string | null; error?: string } {
  if (!value.trim()) return opts.required ? { iso: null, error: t('common.required') } : { iso: null };
  const parsed = fromZonedInput(value, zone);
  if (!parsed.ok)
    return { iso: null, error: t(parsed.reason === 'nonexistent' ? 'incidents.zone.nonexistent' : 'incidents.zone.invalid', { zone }) };
  if (opts.notFuture && parsed.ms > Date.now() + 60_000) return { iso: null, error: t('incidents.zone.future') };
  return { iso: parsed.iso };
}
