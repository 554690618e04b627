import { RISK_STATUSES, TREATMENTS } from '../../api/risks';
import type { Tone } from '../../components/Badge';
import type { Option } from '../../components/Field';
import { hasMessage, type Translate } from '../../i18n';

function label(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return hasMessage(key) ? t(key) : value;
}

export const treatmentLabel = (t: Translate, v: string) => label(t, 'riskTreatment', v);
export const riskStatusLabel = (t: Translate, v: string) => label(t, 'riskStatus', v);
export const dimensionLabel = (t: Translate, v: string) => label(t, 'riskDimension', v);
/** A threat by its translated name when the catalogue has one (built in), else the server's name. */
export const threatName = (t: Translate, key: string, name?: string | null) => {
  const k = `threat.${key}`;
  return hasMessage(k) ? t(k) : (name ?? key);
};

export const treatmentOptions = (t: Translate): Option[] => TREATMENTS.map((v) => ({ value: v, label: treatmentLabel(t, v) }));
export const riskStatusOptions = (t: Translate): Option[] => RISK_STATUSES.map((v) => ({ value: v, label: riskStatusLabel(t, v) }));

/** Badge tone of a rating by its colour step (0 low … 4 highest). */
export const STEP_TONE: Tone[] = ['success', 'success', 'warning', 'danger', 'danger'];

export const todayIso = () => new Date().toISOString().slice(0, 10);
