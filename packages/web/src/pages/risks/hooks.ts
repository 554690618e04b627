import { useMemo } from 'react';
import { api } from '../../api/client';
import type { MatrixInfo, Threat } from '../../api/risks';
import type { Items } from '../../api/types';
import { useApi } from '../../hooks/useApi';

/** GET /risks/matrix: the organisation's matrix (labels for pickers, bands for colours). */
export function useRiskMatrix(key = '') {
  return useApi((signal) => api.get<MatrixInfo>('/risks/matrix', undefined, { signal }), `risk-matrix|${key}`);
}

/** GET /risks/threats: the catalogue, built in and own, with a key → threat lookup. */
export function useThreatCatalogue(key = '') {
  const res = useApi((signal) => api.get<Items<Threat>>('/risks/threats', undefined, { signal }), `risk-threats|${key}`);
  const items = res.data?.items;
  const byKey = useMemo(() => new Map((items ?? []).map((t) => [t.key, t])), [items]);
  return { ...res, items: items ?? [], byKey };
}
