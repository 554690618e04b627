import { useState } from 'react';
import { useMe } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { PasswordForm } from './PasswordForm';
import { SessionsSection } from './SessionsSection';
import { TokensSection } from './TokensSection';

export function ProfilePage() {
  const t = useT();
  const me = useMe();
  const [sessionsVersion, setSessionsVersion] = useState(0);
  return (
    <>
      <PageHeader title={t('profile.title')} />
      <section className="card" aria-labelledby="account-title">
        <h2 id="account-title" className="card__title">
          {t('profile.account')}
        </h2>
        <dl className="summary-list summary-list--inline">
          <div>
            <dt>{t('fields.name')}</dt>
            <dd>{me.name}</dd>
          </div>
          <div>
            <dt>{t('fields.email')}</dt>
            <dd>{me.email}</dd>
          </div>
          <div>
            <dt>{t('fields.role')}</dt>
            <dd>{me.roleName}</dd>
          </div>
          <div>
            <dt>{t('nav.organisation')}</dt>
            <dd>{me.orgName}</dd>
          </div>
        </dl>
      </section>
      <PasswordForm onChanged={() => setSessionsVersion((v) => v + 1)} />
      <SessionsSection reloadKey={sessionsVersion} />
      <TokensSection />
    </>
  );
}
