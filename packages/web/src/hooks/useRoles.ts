import { useMemo } from 'react';
import { api } from '../api/client';
import type { Items, Role } from '../api/types';
import { hasMessage, useT } from '../i18n';
import { useApi } from './useApi';

export const ROLE_KEYS = ['admin', 'security_officer', 'system_owner', 'auditor', 'staff'] as const;

/**
 * Role keys and display names. Uses GET /roles when allowed and falls back to
 * the built-in role names otherwise (e.g. a user manager without roles:read).
 */
export function useRoleOptions(): { value: string; label: string }[] {
  const t = useT();
  const roles = useApi((signal) => api.get<Items<Role>>('/roles', undefined, { signal }).catch(() => ({ items: [] as Role[] })), '');
  return useMemo(() => {
    const fromServer = roles.data?.items ?? [];
    if (fromServer.length > 0) return fromServer.map((r) => ({ value: r.key, label: r.name }));
    return ROLE_KEYS.map((key) => {
      const k = `roleNames.${key}`;
      return { value: key, label: hasMessage(k) ? t(k) : key };
    });
  }, [roles.data, t]);
}

export function roleLabel(options: { value: string; label: string }[], key: string): string {
  return options.find((o) => o.value === key)?.label ?? key;
}
