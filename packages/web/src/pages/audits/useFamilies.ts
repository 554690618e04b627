import { useMemo } from 'react';
import type { Dashboard } from '../../api/baselines';
import { api } from '../../api/client';
import type { Option } from '../../components/Field';
import { useApi } from '../../hooks/useApi';

/** Requirement families with their titles (from the compliance dashboard), for filters and the scope. */
export function useFamilies(): { options: Option[]; title: (family: string) => string; loading: boolean } {
  const res = useApi(
    (signal) => api.get<Dashboard>('/dashboard/compliance', undefined, { signal }).catch(() => undefined),
    'audit-families',
  );
  const byFamily = res.data?.byFamily;
  return useMemo(() => {
    const titles = new Map((byFamily ?? []).map((f) => [f.family, f.familyTitle || f.family]));
    return {
      options: (byFamily ?? []).map((f) => ({ value: f.family, label: f.familyTitle || f.family })),
      title: (family: string) => titles.get(family) ?? family,
      loading: res.loading,
    };
  }, [byFamily, res.loading]);
}
