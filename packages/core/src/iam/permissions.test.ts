import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, DEFAULT_ROLES, effectivePermissions } from './permissions.js';

describe('roles and permissions', () => {
  it('gives the administrator every permission and staff reading catalogs and reporting incidents', () => {
    expect(DEFAULT_ROLES.find((r) => r.key === 'admin')?.permissions.sort()).toEqual([...ALL_PERMISSIONS].sort());
    expect(DEFAULT_ROLES.find((r) => r.key === 'staff')?.permissions).toEqual(['catalogs:read', 'incidents:report']);
  });

  it('only names known permissions', () => {
    for (const r of DEFAULT_ROLES) for (const p of r.permissions) expect(ALL_PERMISSIONS).toContain(p);
  });

  it('narrows a token to what its holder has', () => {
    expect(effectivePermissions(['org:read'], ['org:read', 'users:manage', 'nonsense'])).toEqual(['org:read']);
  });
});
