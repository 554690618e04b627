import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { CatalogDetail } from '../../api/types';
import { AccessDenied } from '../../components/AccessDenied';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { isForbidden } from '../../components/errors';
import { LoadError } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { PageHeader, PageTitle } from '../../components/PageHeader';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { BuiltInBadge, KindBadge } from './CatalogBadges';
import { CompareForm } from './CompareForm';
import { versionPath } from './paths';

/** One catalog or profile: its versions (newest first) and a form to compare two of them. */
export function CatalogPage() {
  const { t, formatDateTime, formatNumber } = useI18n();
  const { catalogId = '' } = useParams();
  const res = useApi((signal) => api.get<CatalogDetail>(`/catalogs/${encodeURIComponent(catalogId)}`, undefined, { signal }), catalogId);
  // Ignore a previous catalog's data while the next one loads.
  const catalog = res.data?.id === catalogId ? res.data : undefined;

  if (isForbidden(res.error)) return <AccessDenied />;
  if (!catalog || res.error) {
    return (
      <>
        <PageTitle title={t('catalogs.title')} />
        {res.loading ? <Loading /> : <LoadError error={res.error} onRetry={res.reload} />}
      </>
    );
  }

  return (
    <>
      <Breadcrumbs label={t('catalogs.breadcrumb')} items={[{ label: t('catalogs.title'), to: '/catalogs' }, { label: catalog.name }]} />
      <PageHeader
        title={catalog.name}
        intro={
          <span className="badge-row">
            <KindBadge kind={catalog.kind} />
            {catalog.builtIn && <BuiltInBadge />}
          </span>
        }
      />
      <section className="stack" aria-labelledby="versions-title">
        <h2 id="versions-title" className="section-title">
          {t('catalogs.versionsTitle')}
        </h2>
        <div className="table-wrap" aria-busy={res.loading}>
          <table className="table">
            <caption className="visually-hidden">{t('catalogs.versionsCaption', { name: catalog.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalogs.version')}</th>
                <th scope="col">{t('catalogs.oscalVersion')}</th>
                <th scope="col" className="cell-num">
                  {t('catalogs.controls')}
                </th>
                <th scope="col">{t('catalogs.importedAt')}</th>
                <th scope="col">{t('catalogs.source')}</th>
                <th scope="col">{t('catalogs.licence')}</th>
              </tr>
            </thead>
            <tbody>
              {catalog.versions.map((v) => (
                <tr key={v.id}>
                  <th scope="row" className="cell-wrap">
                    <Link to={versionPath(v.id)}>{v.version}</Link>
                    <span className="muted small block">{v.title}</span>
                  </th>
                  <td>{v.oscalVersion}</td>
                  <td className="cell-num">{formatNumber(v.controlCount)}</td>
                  <td>{formatDateTime(v.importedAt)}</td>
                  <td className="cell-wrap break-anywhere">{v.source}</td>
                  <td className="cell-wrap">{v.licence ?? t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <CompareForm versions={catalog.versions} />
    </>
  );
}
