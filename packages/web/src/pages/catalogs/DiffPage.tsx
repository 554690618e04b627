import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { CatalogDiff, ControlRef } from '../../api/types';
import { AccessDenied } from '../../components/AccessDenied';
import { Badge } from '../../components/Badge';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { isForbidden } from '../../components/errors';
import { EmptyState, LoadError } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { PageHeader, PageTitle } from '../../components/PageHeader';
import { useApi } from '../../hooks/useApi';
import { hasMessage, useI18n } from '../../i18n';
import { DiffSummary } from './DiffSummary';
import { catalogPath, controlPath, versionPath } from './paths';
import { upgradePath } from './UpgradePage';
import { useVersionInfo } from './useVersion';

interface ListProps {
  id: string;
  title: string;
  items: (ControlRef & { aspects?: string[] })[];
  versionId: string;
}

function DiffList({ id, title, items, versionId }: ListProps) {
  const { t, formatNumber } = useI18n();
  const aspectLabel = (a: string) => {
    const key = `catalogs.aspects.${a}`;
    return hasMessage(key) ? t(key) : a;
  };
  return (
    <section className="stack" aria-labelledby={id}>
      <h2 id={id} className="section-title">
        {title} <span className="muted">({formatNumber(items.length)})</span>
      </h2>
      {items.length === 0 ? (
        <EmptyState>{t('catalogs.diff.none')}</EmptyState>
      ) : (
        <ul className="diff-list">
          {items.map((c) => (
            <li key={c.id} className="diff-list__item">
              <Link to={controlPath(versionId, c.id)} className="control-list__link">
                <span className="control-list__label">{c.id}</span>
                <span className="control-list__title">{c.title}</span>
              </Link>
              {c.aspects && c.aspects.length > 0 && (
                <ul className="badge-row" aria-label={t('catalogs.diff.aspects')}>
                  {c.aspects.map((a) => (
                    <li key={a}>
                      <Badge tone="warning">{aspectLabel(a)}</Badge>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What changed between two versions: summary cards, then added, removed and changed controls. */
export function DiffPage() {
  const { t } = useI18n();
  const { versionId = '' } = useParams();
  const [params] = useSearchParams();
  const from = params.get('from') ?? '';
  const res = useApi(
    (signal) =>
      from
        ? api.get<CatalogDiff>(`/catalog-versions/${encodeURIComponent(versionId)}/diff`, { from }, { signal })
        : Promise.resolve(undefined),
    `${versionId}|${from}`,
  );
  const diff = res.data?.to.id === versionId && res.data.from.id === from ? res.data : undefined;
  // For the catalog's name in the breadcrumb and the way back to the compare form.
  const info = useVersionInfo(versionId).info;

  if (isForbidden(res.error)) return <AccessDenied />;
  if (!from) {
    return (
      <>
        <PageHeader title={t('catalogs.diff.compare')} />
        <p>
          {t('catalogs.diff.missingFrom')}{' '}
          <Link to={info ? catalogPath(info.catalogId) : versionPath(versionId)}>
            {info ? info.name : t('catalogs.diff.backToVersion')}
          </Link>
        </p>
      </>
    );
  }
  if (!diff || res.error) {
    return (
      <>
        <PageTitle title={t('catalogs.diff.compare')} />
        {res.loading ? <Loading /> : <LoadError error={res.error} onRetry={res.reload} />}
      </>
    );
  }

  return (
    <>
      <Breadcrumbs
        label={t('catalogs.breadcrumb')}
        items={[
          { label: t('catalogs.title'), to: '/catalogs' },
          { label: info?.name ?? diff.to.title, to: catalogPath(diff.to.catalogId) },
          { label: t('catalogs.diff.compare') },
        ]}
      />
      <PageHeader
        title={t('catalogs.diff.title', { from: diff.from.version, to: diff.to.version })}
        intro={
          <>
            <Link to={versionPath(diff.from.id)}>{`${diff.from.title} ${diff.from.version}`}</Link>
            {' → '}
            <Link to={versionPath(diff.to.id)}>{`${diff.to.title} ${diff.to.version}`}</Link>
          </>
        }
        actions={
          diff.from.importedAt < diff.to.importedAt && (
            <Link to={upgradePath(diff.to.id, diff.from.id)} className="button button--secondary">
              {t('upgrades.fromDiff')}
            </Link>
          )
        }
      />
      <DiffSummary diff={diff} />
      <DiffList id="diff-added" title={t('catalogs.diff.addedTitle')} items={diff.added} versionId={diff.to.id} />
      <DiffList id="diff-removed" title={t('catalogs.diff.removedTitle')} items={diff.removed} versionId={diff.from.id} />
      <DiffList id="diff-changed" title={t('catalogs.diff.changedTitle')} items={diff.changed} versionId={diff.to.id} />
    </>
  );
}
