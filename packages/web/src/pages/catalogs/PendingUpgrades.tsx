import { Link } from 'react-router-dom';
import type { PendingUpgrade } from '../../api/catalogUpgrades';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { IconAlert } from '../../components/Icons';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { upgradePath } from './UpgradePage';

/**
 * On the catalog library: versions the organisation's requirement records still use although a
 * newer version of the same catalog is in the library, each with a link to its upgrade plan.
 * Nothing shows when there is nothing to upgrade (or the list cannot be read).
 */
export function PendingUpgrades() {
  const { t, tp } = useI18n();
  const { can } = useAuth();
  const allowed = can('systems:read');
  const res = useApi(
    (signal) =>
      allowed ? api.get<{ items: PendingUpgrade[] }>('/baselines/upgrades', undefined, { signal }) : Promise.resolve({ items: [] }),
    String(allowed),
  );
  const items = res.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="banner banner--warning pending-upgrades" aria-labelledby="pending-upgrades-title">
      <IconAlert className="banner__icon" />
      <div className="pending-upgrades__body">
        <h2 id="pending-upgrades-title" className="banner__title">
          {tp('upgrades.pending.title', items.length)}
        </h2>
        <p className="pending-upgrades__intro">{t('upgrades.pending.intro')}</p>
        <ul className="pending-upgrades__list">
          {items.map((u) => (
            <li key={`${u.from.id}|${u.to.id}`}>
              <span>
                {t('upgrades.pending.item', { name: u.to.name || u.to.title, from: u.from.version, to: u.to.version })}{' '}
                <span className="pending-upgrades__systems">{tp('upgrades.pending.systems', u.systems)}</span>
              </span>{' '}
              <Link to={upgradePath(u.to.id, u.from.id)}>
                {t('upgrades.pending.link')}
                <span className="visually-hidden"> {t('upgrades.pending.linkFor', { name: u.to.name || u.to.title })}</span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
