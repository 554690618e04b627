import { Link } from 'react-router-dom';
import { usePageTitle } from '../hooks/usePageTitle';
import { useT } from '../i18n';

export function NotFoundPage() {
  const t = useT();
  usePageTitle(t('notFound.title'));
  return (
    <section className="state-panel">
      <h1 className="state-panel__title">{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <Link className="button button--secondary" to="/">
        {t('common.goToDashboard')}
      </Link>
    </section>
  );
}
