import type { ComponentType } from 'react';
import {
  IconBook,
  IconBuilding,
  IconClock,
  IconHome,
  IconKey,
  IconList,
  IconServer,
  IconShield,
  IconUser,
  IconUsers,
} from './components/Icons';
import type { MessageKey } from './i18n';
import { IconAudit } from './pages/audits/icons';
import { IconSiren } from './pages/incidents/icons';
import { IconReport } from './pages/reports/icons';
import { IconChart, IconChecklist, IconInbox, IconLayers, IconSliders } from './pages/requirements/icons';
import { IconRisk } from './pages/risks/icons';

export interface NavItem {
  path: string;
  /** Key under "nav." and "dashboard.cards." */
  id:
    | 'dashboard'
    | 'myWork'
    | 'compliance'
    | 'organisation'
    | 'catalogs'
    | 'systems'
    | 'requirements'
    | 'components'
    | 'reclassification'
    | 'risks'
    | 'incidents'
    | 'audits'
    | 'reports'
    | 'baselines'
    | 'users'
    | 'roles'
    | 'audit'
    | 'jobs'
    | 'profile';
  permission: string | null;
  icon: ComponentType<{ className?: string }>;
  /** Other path prefixes that belong to this section (the item is highlighted there too). */
  section?: string[];
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/', id: 'dashboard', permission: null, icon: IconHome },
  { path: '/my-work', id: 'myWork', permission: null, icon: IconInbox },
  { path: '/compliance', id: 'compliance', permission: 'systems:read', icon: IconChart },
  {
    path: '/organisation',
    id: 'organisation',
    permission: 'org:read',
    icon: IconBuilding,
    section: ['/classification/methods/'],
  },
  {
    path: '/catalogs',
    id: 'catalogs',
    permission: 'catalogs:read',
    icon: IconBook,
    section: ['/catalog-versions/'],
  },
  { path: '/systems', id: 'systems', permission: 'systems:read', icon: IconServer },
  { path: '/requirements', id: 'requirements', permission: 'systems:read', icon: IconChecklist },
  { path: '/components', id: 'components', permission: 'systems:read', icon: IconLayers },
  { path: '/classification/due', id: 'reclassification', permission: 'systems:read', icon: IconShield },
  { path: '/risks', id: 'risks', permission: 'risks:read', icon: IconRisk },
  { path: '/incidents', id: 'incidents', permission: 'incidents:report', icon: IconSiren },
  {
    path: '/audits',
    id: 'audits',
    permission: 'audits:read',
    icon: IconAudit,
    section: ['/corrective-actions', '/soa'],
  },
  { path: '/reports', id: 'reports', permission: 'reports:generate', icon: IconReport },
  { path: '/baselines', id: 'baselines', permission: 'components:manage', icon: IconSliders },
  { path: '/users', id: 'users', permission: 'users:read', icon: IconUsers },
  { path: '/roles', id: 'roles', permission: 'roles:read', icon: IconKey },
  { path: '/audit', id: 'audit', permission: 'audit:read', icon: IconList },
  { path: '/jobs', id: 'jobs', permission: 'jobs:read', icon: IconClock },
  { path: '/profile', id: 'profile', permission: null, icon: IconUser },
];

export const navLabel = (item: NavItem): MessageKey => `nav.${item.id}`;

export function visibleNavItems(can: (permission: string) => boolean): NavItem[] {
  return NAV_ITEMS.filter((item) => item.permission === null || can(item.permission));
}

/** True when `pathname` is inside one of the item's extra section prefixes. */
export function inSection(item: NavItem, pathname: string): boolean {
  return (item.section ?? []).some((prefix) => pathname.startsWith(prefix));
}
