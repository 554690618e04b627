import { useEffect } from 'react';
import { useT } from '../i18n';

/** Sets document.title to "<page> · CityShield". */
export function usePageTitle(page: string | null): void {
  const t = useT();
  useEffect(() => {
    document.title = page ? t('app.pageTitle', { page }) : t('app.name');
  }, [page, t]);
}
