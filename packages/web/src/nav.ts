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

export interface NavItem {
  path: string;
  /** Key under "nav." and "dashboard.cards." */
  id: 'dashboard' | 'organisation' | 'catalogs' | 'systems' | 'reclassification' | 'users' | 'roles' | 'audit' | 'jobs' | 'profile';
  permission: string | null;
  icon: ComponentType<{ className?: string }>;
  /** Other path prefixes that belong to this section (the item is highlighted there too). */
  section?: string[];
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/', id: 'dashboard', permission: null, icon: IconHome },
  {
    path: '/organisation',
    id: 'organisation',
    permission: 'org:read',
    icon: IconBuilding,
  },
  {
    path: '/catalogs',
    id: 'catalogs',
    permission: 'catalogs:read',
    icon: IconBook,
    section: ['/catalog-versions/'],
  },
  { path: '/systems', id: 'systems', permission: 'systems:read', icon: IconServer },
  { path: '/classification/due', id: 'reclassification', permission: 'systems:read', icon: IconShield },
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
