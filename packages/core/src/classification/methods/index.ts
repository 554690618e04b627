import type { ClassificationMethod } from '../method.js';
import { BSI_200_2 } from './bsi-200-2.js';
import { FIPS_199 } from './fips-199.js';
import { ISKE } from './iske.js';
import { KLASSA } from './klassa.js';

export { BSI_200_2, FIPS_199, ISKE, KLASSA };

/** The methods every organisation can pick without defining its own. */
export const BUILT_IN_METHODS: readonly ClassificationMethod[] = [ISKE, BSI_200_2, KLASSA, FIPS_199];

export function builtInMethod(key: string): ClassificationMethod | undefined {
  return BUILT_IN_METHODS.find((m) => m.key === key);
}
