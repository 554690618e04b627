import { useEffect, useRef, useState } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { useAuth, useMe } from '../auth/AuthContext';
import { useT } from '../i18n';
import { Brand, SkipLink } from './Brand';
import { IconClose, IconMenu } from './Icons';
import { Sidebar } from './Sidebar';
import { ThemeToggle } from './ThemeToggle';

const NAV_ID = 'main-navigation';

export function AppLayout() {
  const t = useT();
  const me = useMe();
  const { logout } = useAuth();
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  // Move focus to the content after client-side navigation, so keyboard and
  // screen-reader users start at the new page instead of the old link.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path changes only.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setMenuOpen(false);
        menuButtonRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  return (
    <div className="app-shell">
      <SkipLink />
      <header className="topbar">
        <button
          ref={menuButtonRef}
          type="button"
          className="icon-button topbar__menu"
          aria-expanded={menuOpen}
          aria-controls={NAV_ID}
          aria-label={menuOpen ? t('app.closeMenu') : t('app.openMenu')}
          onClick={() => setMenuOpen((o) => !o)}
        >
          {menuOpen ? <IconClose /> : <IconMenu />}
        </button>
        <Brand />
        <div className="topbar__org">{me.orgName}</div>
        <div className="topbar__actions">
          <ThemeToggle />
          <div className="topbar__user">
            <span className="topbar__user-name">{me.name}</span>
            <span className="topbar__user-role">{me.roleName}</span>
          </div>
          <button type="button" className="button button--secondary button--small" onClick={() => void logout()}>
            {t('app.logout')}
          </button>
        </div>
      </header>
      <Sidebar id={NAV_ID} open={menuOpen} onNavigate={() => setMenuOpen(false)} />
      <main id="main" ref={mainRef} className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
