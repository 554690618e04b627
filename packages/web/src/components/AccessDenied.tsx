import { Link } from 'react-router-dom';
import { usePageTitle } from '../hooks/usePageTitle';
import { useT } from '../i18n';
import { IconLock } from './Icons';

/** Shown when the user lacks permission (client-side check or HTTP 403). */
export function AccessDenied({ asPage = true }: { asPage?: boolean }) {
  const t = useT();
  usePageTitle(asPage ? t('access.deniedTitle') : null);
  const Heading = asPage ? 'h1' : 'h2';
  return (
    <section className="state-panel" aria-labelledby="access-denied-title">
      <IconLock className="state-panel__icon" />
      <Heading id="access-denied-title" className="state-panel__title">
        {t('access.deniedTitle')}
      </Heading>
      <p>{t('access.deniedText')}</p>
      <Link className="button button--secondary" to="/">
        {t('common.goToDashboard')}
      </Link>
    </section>
  );
}
