import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { Brand, SkipLink } from './Brand';
import { ThemeToggle } from './ThemeToggle';

/** Centered card layout for login, set-up, password reset and invitations. */
export function PublicLayout({ children, wide }: { children: ReactNode; wide?: boolean }) {
  const t = useT();
  return (
    <div className="public-shell">
      <SkipLink />
      <header className="public-header">
        <Brand />
        <ThemeToggle />
      </header>
      <main id="main" className="public-main" tabIndex={-1}>
        <div className={`card public-card${wide ? ' public-card--wide' : ''}`}>{children}</div>
        <p className="public-tagline">{t('app.tagline')}</p>
      </main>
    </div>
  );
}
