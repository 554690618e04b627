import { Link } from 'react-router-dom';
import { useT } from '../i18n';
import { IconShield } from './Icons';

export function Brand() {
  const t = useT();
  return (
    <Link to="/" className="brand">
      <IconShield className="brand__logo" />
      <span className="brand__name">{t('app.name')}</span>
    </Link>
  );
}

export function SkipLink() {
  const t = useT();
  return (
    <a className="skip-link" href="#main">
      {t('app.skipToContent')}
    </a>
  );
}
