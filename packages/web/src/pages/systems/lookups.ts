import { useCallback, useMemo } from 'react';
import { api } from '../../api/client';
import type { Sector } from '../../api/register';
import type { Department, Items } from '../../api/types';
import type { Option } from '../../components/Field';
import { useApi } from '../../hooks/useApi';

/** GET /sectors: options for selects and a key → name lookup (unknown keys are shown as they are). */
export function useSectors(): { options: Option[]; label: (key: string) => string; loaded: boolean } {
  const res = useApi((signal) => api.get<Items<Sector>>('/sectors', undefined, { signal }).catch(() => ({ items: [] as Sector[] })), '');
  const items = res.data?.items;
  const options = useMemo(() => (items ?? []).map((s) => ({ value: s.key, label: s.name })), [items]);
  const label = useCallback((key: string) => items?.find((s) => s.key === key)?.name ?? key, [items]);
  return { options, label, loaded: items !== undefined };
}

/** GET /departments, or an empty list when it cannot be read. */
export function useDepartments(): Department[] {
  const res = useApi(
    (signal) => api.get<Items<Department>>('/departments', undefined, { signal }).catch(() => ({ items: [] as Department[] })),
    '',
  );
  return res.data?.items ?? [];
}
