import type { RequirementQuery } from '../../api/baselines';
import { buildUrl } from '../../api/client';

const enc = encodeURIComponent;

export const REQUIREMENTS_PATH = '/requirements';
export const COMPLIANCE_PATH = '/compliance';
export const MY_WORK_PATH = '/my-work';
export const COMPONENTS_PATH = '/components';
export const BASELINES_PATH = '/baselines';

export const requirementPath = (id: string) => `${REQUIREMENTS_PATH}/${enc(id)}`;
export const componentPath = (id: string) => `${COMPONENTS_PATH}/${enc(id)}`;

/** The cross-system list with the API's own query names, so a link lands on the same filter. */
export function requirementsListPath(query: RequirementQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${REQUIREMENTS_PATH}?${qs}` : REQUIREMENTS_PATH;
}

/** API address of an evidence file (an attachment). */
export const evidenceFileUrl = (id: string) => buildUrl(`/evidence/${enc(id)}/file`);
