import { COMPONENT_KINDS } from '../../api/baselines';
import type { Option } from '../../components/Field';
import { hasMessage, type Translate } from '../../i18n';

/** A component kind (OSCAL's component types) in words; an unknown one is shown as it is. */
export function componentKindLabel(t: Translate, kind: string): string {
  const key = `componentKind.${kind}`;
  return hasMessage(key) ? t(key) : kind;
}

export function componentKindOptions(t: Translate): Option[] {
  return COMPONENT_KINDS.map((k) => ({ value: k, label: componentKindLabel(t, k) }));
}
