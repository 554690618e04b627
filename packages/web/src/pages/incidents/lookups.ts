import { useCallback, useMemo } from 'react';
import { api } from '../../api/client';
import type { IncidentType } from '../../api/incidents';
import type { Sector } from '../../api/register';
import type { Items } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import type { Option } from '../../components/Field';
import { useApi } from '../../hooks/useApi';
import { useT } from '../../i18n';
import { defaultThreatOptions, typeLabel } from './vocab';
import { isKnownZone } from './zonedTime';

function threatsOf(body: unknown): IncidentType[] | null {
  const list = body && typeof body === 'object' && 'items' in body ? (body as { items: unknown }).items : null;
  if (!Array.isArray(list)) return null;
  const out = list.filter(
    (x): x is IncidentType =>
      typeof x === 'object' && x !== null && typeof (x as IncidentType).key === 'string' && typeof (x as IncidentType).name === 'string',
  );
  return out.length > 0 ? out : null;
}

/**
 * The incident types (GET /incidents/types, open to every reporter): the threat catalogue, built in
 * and the organisation's own. Only when that request fails, the built-in threats known to this client.
 */
export function useThreats(): { options: Option[]; label: (key: string | null) => string } {
  const t = useT();
  const res = useApi(
    (signal) =>
      api
        .get<unknown>('/incidents/types', undefined, { signal })
        .then(threatsOf)
        .catch(() => null),
    'incident-types',
  );
  const fromServer = res.data;
  const options = useMemo(
    () => (fromServer ? fromServer.map((x) => ({ value: x.key, label: typeLabel(t, x.key, x.name) })) : defaultThreatOptions(t)),
    [fromServer, t],
  );
  const label = useCallback(
    (key: string | null) => typeLabel(t, key, fromServer?.find((x) => x.key === key)?.name ?? null),
    [fromServer, t],
  );
  return { options, label };
}

/** Sector names (GET /sectors, with systems:read); without that permission the keys are shown as they are. */
export function useSectorLabel(): (key: string) => string {
  const { can } = useAuth();
  const read = can('systems:read');
  const res = useApi(
    (signal) =>
      read
        ? api.get<Items<Sector>>('/sectors', undefined, { signal }).catch(() => ({ items: [] as Sector[] }))
        : Promise.resolve({ items: [] as Sector[] }),
    `incident-sectors-${read}`,
  );
  const items = res.data?.items;
  return useCallback((key: string) => items?.find((s) => s.key === key)?.name ?? key, [items]);
}

/** The browser's own zone, when the organisation's is not a zone this browser knows. */
export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The organisation's time zone (from /auth/me, for every member); `own: false` when the browser's is used instead. */
export function useOrgZone(): { zone: string; own: boolean; loading: boolean } {
  const { me } = useAuth();
  const orgZone = me?.orgTimeZone;
  if (orgZone && isKnownZone(orgZone)) return { zone: orgZone, own: true, loading: false };
  return { zone: browserZone(), own: false, loading: false };
}
