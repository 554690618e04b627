import { hasMessage, type Translate } from '../i18n';

export interface PermissionGroup {
  prefix: string;
  label: string;
  permissions: string[];
}

/** Localised description of a permission, else the server's description, else "". */
export function describePermission(t: Translate, key: string, serverDescription?: string): string {
  const k = `permissionDescriptions.${key}`;
  return hasMessage(k) ? t(k) : (serverDescription ?? '');
}

/** Group permission keys by the part before ':' ("users:read" → "users"). */
export function groupPermissions(t: Translate, keys: string[]): PermissionGroup[] {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const prefix = key.includes(':') ? (key.split(':')[0] ?? key) : key;
    const list = groups.get(prefix) ?? [];
    list.push(key);
    groups.set(prefix, list);
  }
  return [...groups.entries()]
    .map(([prefix, permissions]) => {
      const k = `permissionGroups.${prefix}`;
      return {
        prefix,
        label: hasMessage(k) ? t(k) : prefix,
        permissions: permissions.sort(),
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}
