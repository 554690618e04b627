import { isStatus, type RequirementQuery } from '../../api/baselines';

/** Filters of a requirement list, as kept in the URL or in a section's state (API query names). */
export interface RequirementFilterValues {
  q: string;
  status: string;
  family: string;
  departmentId: string;
  sector: string;
  securityLevel: string;
  systemId: string;
  controlId: string;
  responsibleId: string;
  overdue: boolean;
  reviewRequired: boolean;
  inherited: boolean;
  retired: boolean;
}

export const EMPTY_FILTERS: RequirementFilterValues = {
  q: '',
  status: '',
  family: '',
  departmentId: '',
  sector: '',
  securityLevel: '',
  systemId: '',
  controlId: '',
  responsibleId: '',
  overdue: false,
  reviewRequired: false,
  inherited: false,
  retired: false,
};

const TEXT_KEYS = ['q', 'status', 'family', 'departmentId', 'sector', 'securityLevel', 'systemId', 'controlId', 'responsibleId'] as const;
const FLAG_KEYS = ['overdue', 'reviewRequired', 'inherited', 'retired'] as const;

export function filtersFromParams(params: URLSearchParams): RequirementFilterValues {
  const v = { ...EMPTY_FILTERS };
  for (const k of TEXT_KEYS) v[k] = params.get(k) ?? '';
  for (const k of FLAG_KEYS) v[k] = params.get(k) === 'true';
  if (v.status && !isStatus(v.status)) v.status = '';
  return v;
}

/** The query for GET /requirements: empty values and false flags are left out. */
export function toQuery(v: RequirementFilterValues): RequirementQuery {
  const q: RequirementQuery = {};
  for (const k of TEXT_KEYS) if (v[k]) (q as Record<string, string>)[k] = v[k];
  if (q.status !== undefined && !isStatus(q.status)) delete q.status;
  for (const k of FLAG_KEYS) if (v[k]) q[k] = true;
  return q;
}

export const isFiltered = (v: RequirementFilterValues, ignore: (keyof RequirementFilterValues)[] = []) =>
  (Object.keys(v) as (keyof RequirementFilterValues)[]).some((k) => !ignore.includes(k) && v[k] !== EMPTY_FILTERS[k]);
