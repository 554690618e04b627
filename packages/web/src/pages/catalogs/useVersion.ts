import { api } from '../../api/client';
import type { CatalogVersionInfo } from '../../api/types';
import { type ApiState, useApi } from '../../hooks/useApi';

/** GET /catalog-versions/:id; `info` is undefined while another version's data is still shown. */
export function useVersionInfo(versionId: string): ApiState<CatalogVersionInfo> & { info: CatalogVersionInfo | undefined } {
  const state = useApi(
    (signal) => api.get<CatalogVersionInfo>(`/catalog-versions/${encodeURIComponent(versionId)}`, undefined, { signal }),
    versionId,
  );
  return { ...state, info: state.data?.id === versionId ? state.data : undefined };
}
