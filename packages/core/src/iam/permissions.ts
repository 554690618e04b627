/**
 * Permissions are data: each route names one of these keys and each role holds a set of them.
 * The defaults below seed the `role_permissions` table; an organisation's roles are read from the
 * database at request time, so changing a role never needs a code change.
 */
export const PERMISSIONS = {
  'org:read': 'See the organisation and its departments',
  'org:update': 'Change the organisation name and settings',
  'departments:manage': 'Create, rename, move and delete departments',
  'users:read': 'See users and invitations',
  'users:manage': 'Invite users, change roles, disable users, end their sessions',
  'roles:read': 'See roles and their permissions',
  'tokens:manage-service': 'Create service accounts and their API tokens',
  'audit:read': 'Read and verify the audit log',
  'jobs:read': 'See background jobs',
  'catalogs:read': 'Browse control catalogs, profiles and their versions',
  'catalogs:manage': 'Import catalogs and profiles and apply version upgrades',
  'systems:read': 'See information systems in the register (all of them with systems:read-all, else only your own)',
  'systems:read-all': 'See every information system of the organisation',
  'systems:edit': 'Edit information systems (all of them with systems:manage-all, else only your own)',
  'systems:manage-all': 'Register, edit and delete any information system; manage sectors',
  'components:manage': 'Manage common components, their implementations and baseline mappings',
  'incidents:report': 'Report an incident (monitoring tools do so with an API token) and follow the ones you reported',
  'incidents:read': 'See every incident of the organisation',
  'incidents:manage': 'Handle incidents: triage, timeline, NIS2 significance and reports, closure',
  'audits:read': 'See audits, findings and corrective actions (system owners: those of their systems)',
  'audits:plan': 'Plan audits (scope, period, auditors), manage audit cycles and the statement of applicability',
  'audits:assess': 'Record audit results and findings, verify the closure of corrective actions',
  'reports:generate': 'Generate reports (PDF, HTML) and OSCAL exports',
  'risks:read': 'See the risk register (system owners: the risks of their own systems) and create or edit risks of systems you own',
  'risks:manage': "Manage every risk, the organisation's risk matrix and its own threats",
} as const;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export const ROLE_KEYS = ['admin', 'security_officer', 'system_owner', 'auditor', 'staff'] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

export interface RoleDefinition {
  key: RoleKey;
  name: string;
  description: string;
  permissions: Permission[];
}

export const DEFAULT_ROLES: readonly RoleDefinition[] = [
  {
    key: 'admin',
    name: 'Administrator',
    description: 'Runs the platform for the organisation: users, roles, settings, audit log.',
    permissions: [...ALL_PERMISSIONS],
  },
  {
    key: 'security_officer',
    name: 'Security officer',
    description: 'Leads information security for the organisation (CISO).',
    permissions: [
      'org:read',
      'users:read',
      'roles:read',
      'audit:read',
      'catalogs:read',
      'catalogs:manage',
      'systems:read',
      'systems:read-all',
      'systems:edit',
      'systems:manage-all',
      'components:manage',
      'incidents:report',
      'incidents:read',
      'incidents:manage',
      'audits:read',
      'audits:plan',
      'reports:generate',
      'risks:read',
      'risks:manage',
    ],
  },
  {
    key: 'system_owner',
    name: 'System owner',
    description: 'Owns information systems in a department; sees and edits only their own systems.',
    permissions: ['org:read', 'catalogs:read', 'systems:read', 'systems:edit', 'incidents:report', 'audits:read', 'risks:read'],
  },
  {
    key: 'auditor',
    name: 'Auditor',
    description: 'Internal or independent auditor; reads everything, changes nothing outside audits.',
    permissions: [
      'org:read',
      'users:read',
      'roles:read',
      'audit:read',
      'catalogs:read',
      'systems:read',
      'systems:read-all',
      'incidents:report',
      'incidents:read',
      'audits:read',
      'audits:assess',
      'reports:generate',
      'risks:read',
    ],
  },
  {
    key: 'staff',
    name: 'Staff',
    description: 'Employees who take awareness training.',
    permissions: ['catalogs:read', 'incidents:report'],
  },
];

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

export function isRoleKey(value: string): value is RoleKey {
  return (ROLE_KEYS as readonly string[]).includes(value);
}

/** A token may only carry permissions its owner holds at the time it is used. */
export function effectivePermissions(holder: readonly string[], requested: readonly string[]): Permission[] {
  const held = new Set(holder);
  return requested.filter((p): p is Permission => isPermission(p) && held.has(p));
}
