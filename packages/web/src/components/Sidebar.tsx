import { NavLink, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { useT } from '../i18n';
import { inSection, navLabel, visibleNavItems } from '../nav';

interface Props {
  id: string;
  open: boolean;
  onNavigate: () => void;
}

export function Sidebar({ id, open, onNavigate }: Props) {
  const t = useT();
  const { can } = useAuth();
  const { pathname } = useLocation();
  return (
    <nav id={id} className={`sidebar${open ? ' sidebar--open' : ''}`} aria-label={t('app.mainNav')}>
      <ul className="sidebar__list">
        {visibleNavItems(can).map((item) => {
          const Icon = item.icon;
          return (
            <li key={item.path}>
              <NavLink
                to={item.path}
                end={item.path === '/'}
                className={({ isActive }) =>
                  !isActive && inSection(item, pathname) ? 'sidebar__link sidebar__link--section' : 'sidebar__link'
                }
                onClick={onNavigate}
              >
                <Icon className="sidebar__icon" />
                <span>{t(navLabel(item))}</span>
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
