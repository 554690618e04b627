import { useParams } from 'react-router-dom';
import { AccessDenied } from '../../components/AccessDenied';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { isForbidden } from '../../components/errors';
import { LoadError } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { PageHeader, PageTitle } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { BuiltInBadge, KindBadge } from './CatalogBadges';
import { ControlBrowser } from './ControlBrowser';
import { catalogPath, oscalDownloadUrl } from './paths';
import { useVersionInfo } from './useVersion';

/** One version of a catalog or profile: metadata, downloads and the control browser. */
export function VersionBrowserPage() {
  const { t, tp, formatDateTime, formatNumber } = useI18n();
  const { versionId = '' } = useParams();
  const version = useVersionInfo(versionId);
  const info = version.info;

  if (isForbidden(version.error)) return <AccessDenied />;
  if (!info || version.error) {
    return (
      <>
        <PageTitle title={t('catalogs.title')} />
        {version.loading ? <Loading /> : <LoadError error={version.error} onRetry={version.reload} />}
      </>
    );
  }

  const profile = info.kind === 'profile';
  return (
    <>
      <Breadcrumbs
        label={t('catalogs.breadcrumb')}
        items={[
          { label: t('catalogs.title'), to: '/catalogs' },
          { label: info.name, to: catalogPath(info.catalogId) },
          { label: info.version },
        ]}
      />
      <PageHeader
        title={info.title}
        intro={
          <span className="badge-row">
            <KindBadge kind={info.kind} />
            {info.builtIn && <BuiltInBadge />}
            <span>{info.name}</span>
          </span>
        }
        actions={
          <div className="form-actions">
            <a className="button button--secondary" href={oscalDownloadUrl(info.id)} download>
              {t('catalogs.downloadOscal')}
            </a>
            {profile && (
              <a className="button button--secondary" href={oscalDownloadUrl(info.id, true)} download>
                {t('catalogs.downloadResolved')}
              </a>
            )}
          </div>
        }
      />
      <dl className="summary-list summary-list--inline version-facts card card--flat">
        <div>
          <dt>{t('catalogs.version')}</dt>
          <dd>{info.version}</dd>
        </div>
        <div>
          <dt>{t('catalogs.oscalVersion')}</dt>
          <dd>{info.oscalVersion}</dd>
        </div>
        <div>
          <dt>{t('catalogs.controls')}</dt>
          <dd>{formatNumber(info.controlCount)}</dd>
        </div>
        <div>
          <dt>{t('catalogs.licence')}</dt>
          <dd>{info.licence ?? t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('catalogs.importedAt')}</dt>
          <dd>{formatDateTime(info.importedAt)}</dd>
        </div>
        <div>
          <dt>{t('catalogs.source')}</dt>
          <dd>{info.source}</dd>
        </div>
      </dl>
      {profile && (
        <p className="alert alert--info">
          {tp('catalogs.browser.profileNote', info.controlCount, { count: formatNumber(info.controlCount) })}
        </p>
      )}
      <ControlBrowser key={info.id} info={info} />
    </>
  );
}
