import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { CatalogSummary, Items } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { AccessDenied } from '../../components/AccessDenied';
import { isForbidden } from '../../components/errors';
import { EmptyState, LoadError } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { BuiltInBadge, KindBadge } from './CatalogBadges';
import { ImportSection } from './ImportSection';
import { PendingUpgrades } from './PendingUpgrades';
import { catalogPath, versionPath } from './paths';

/** The catalog library: every catalog and profile with its latest version, plus the import form. */
export function CatalogsPage() {
  const { t, formatDate, formatNumber } = useI18n();
  const { can } = useAuth();
  const list = useApi((signal) => api.get<Items<CatalogSummary>>('/catalogs', undefined, { signal }), '');
  const items = list.data?.items ?? [];

  if (isForbidden(list.error)) return <AccessDenied />;
  return (
    <>
      <PageHeader title={t('catalogs.title')} intro={t('catalogs.intro')} />
      <PendingUpgrades />
      {can('catalogs:manage') && <ImportSection catalogs={items} onImported={list.reload} />}
      <section className="stack" aria-labelledby="library-title">
        <h2 id="library-title" className="section-title">
          {t('catalogs.libraryTitle')}
        </h2>
        {list.loading && !list.data ? (
          <Loading />
        ) : list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : items.length === 0 ? (
          <EmptyState>{t('catalogs.empty')}</EmptyState>
        ) : (
          <div className="table-wrap" aria-busy={list.loading}>
            <table className="table">
              <caption className="visually-hidden">{t('catalogs.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('catalogs.name')}</th>
                  <th scope="col">{t('catalogs.kind')}</th>
                  <th scope="col">{t('catalogs.latestVersion')}</th>
                  <th scope="col">{t('catalogs.oscalVersion')}</th>
                  <th scope="col" className="cell-num">
                    {t('catalogs.controls')}
                  </th>
                  <th scope="col">{t('catalogs.licence')}</th>
                  <th scope="col">{t('catalogs.importedAt')}</th>
                  <th scope="col" className="cell-num">
                    {t('catalogs.versions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" className="cell-wrap cell-name">
                      <Link to={catalogPath(c.id)} className="cell-primary">
                        {c.name}
                      </Link>
                      {c.builtIn && <BuiltInBadge />}
                    </th>
                    <td>
                      <KindBadge kind={c.kind} />
                    </td>
                    <td className="cell-wrap">
                      {c.latest ? (
                        <Link
                          to={versionPath(c.latest.id)}
                          aria-label={t('catalogs.versionLink', { title: c.name, version: c.latest.version })}
                        >
                          {c.latest.version}
                        </Link>
                      ) : (
                        <span className="muted">{t('catalogs.noVersion')}</span>
                      )}
                    </td>
                    <td>{c.latest?.oscalVersion ?? t('common.none')}</td>
                    <td className="cell-num">{c.latest ? formatNumber(c.latest.controlCount) : t('common.none')}</td>
                    <td className="cell-wrap">{c.latest?.licence ?? t('common.none')}</td>
                    <td>{formatDate(c.latest?.importedAt)}</td>
                    <td className="cell-num">{formatNumber(c.versionCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
