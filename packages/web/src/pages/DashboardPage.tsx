import { Link } from 'react-router-dom';
import { useAuth, useMe } from '../auth/AuthContext';
import { IconChevron } from '../components/Icons';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';
import { navLabel, visibleNavItems } from '../nav';
import { DashboardSummary } from './compliance/DashboardSummary';
import { DashboardIncidents } from './incidents/DashboardIncidents';

export function DashboardPage() {
  const t = useT();
  const me = useMe();
  const { can } = useAuth();
  const cards = visibleNavItems(can).filter((item) => item.id !== 'dashboard');

  return (
    <>
      <PageHeader
        title={t('dashboard.greeting', { name: me.name })}
        intro={t('dashboard.summary', { org: me.orgName, role: me.roleName })}
      />
      <DashboardSummary />
      <DashboardIncidents />
      <section aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title" className="section-title">
          {t('dashboard.shortcuts')}
        </h2>
        <ul className="card-grid">
          {cards.map((item) => {
            const Icon = item.icon;
            return (
              <li key={item.path}>
                <Link to={item.path} className="nav-card">
                  <span className="nav-card__icon">
                    <Icon />
                  </span>
                  <span className="nav-card__text">
                    <span className="nav-card__title">{t(navLabel(item))}</span>
                    <span className="nav-card__desc">{t(`dashboard.cards.${item.id}`)}</span>
                  </span>
                  <IconChevron className="nav-card__chevron" />
                </Link>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
