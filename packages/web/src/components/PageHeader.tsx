import type { ReactNode } from 'react';
import { usePageTitle } from '../hooks/usePageTitle';

export function PageHeader({ title, intro, actions }: { title: string; intro?: ReactNode; actions?: ReactNode }) {
  usePageTitle(title);
  return (
    <div className="page-header">
      <div>
        <h1 className="page-header__title">{title}</h1>
        {intro && <p className="page-header__intro">{intro}</p>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </div>
  );
}

/** Sets the document title without a visible header (loading and error states). */
export function PageTitle({ title }: { title: string }) {
  usePageTitle(title);
  return null;
}
