import { type ReactNode, useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { ControlDetail } from '../../api/types';
import { AccessDenied } from '../../components/AccessDenied';
import { Breadcrumbs, type Crumb } from '../../components/Breadcrumbs';
import { isForbidden } from '../../components/errors';
import { LoadError } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { PageHeader, PageTitle } from '../../components/PageHeader';
import { useApi } from '../../hooks/useApi';
import { useT } from '../../i18n';
import { WithdrawnBadge } from './CatalogBadges';
import { ParamsContext, PartSection } from './ControlParts';
import { LinksTable, ParamsTable, PropsTable } from './ControlTables';
import { orderParts, readLinks, readParams, readParts, readProps } from './oscal';
import { catalogPath, controlPath, versionPath } from './paths';
import { useVersionInfo } from './useVersion';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="stack" aria-labelledby={id}>
      <h2 id={id} className="section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** One control: statement, guidance and other parts, parameters, properties, links and enhancements. */
export function ControlPage() {
  const t = useT();
  const { versionId = '', controlId = '' } = useParams();
  const version = useVersionInfo(versionId);
  const res = useApi(
    (signal) =>
      api.get<ControlDetail>(`/catalog-versions/${encodeURIComponent(versionId)}/controls/${encodeURIComponent(controlId)}`, undefined, {
        signal,
      }),
    `${versionId}|${controlId}`,
  );
  const control = res.data?.id === controlId ? res.data : undefined;
  const view = useMemo(() => {
    const body = control?.body ?? {};
    const params = readParams(body.params);
    return {
      params,
      paramMap: new Map(params.map((p) => [p.id, p])),
      parts: orderParts(readParts(body.parts)),
      props: readProps(body.props),
      links: readLinks(body.links),
    };
  }, [control]);

  if (isForbidden(res.error) || isForbidden(version.error)) return <AccessDenied />;
  if (!control || res.error) {
    return (
      <>
        <PageTitle title={t('catalogs.title')} />
        {res.loading ? <Loading /> : <LoadError error={res.error} onRetry={res.reload} />}
      </>
    );
  }

  const name = control.label ? `${control.label} ${control.title}` : control.title;
  const info = version.info;
  const crumbs: Crumb[] = [{ label: t('catalogs.title'), to: '/catalogs' }];
  if (info) crumbs.push({ label: info.name, to: catalogPath(info.catalogId) }, { label: info.version, to: versionPath(info.id) });
  crumbs.push({ label: control.label ?? control.id });

  return (
    <ParamsContext.Provider value={view.paramMap}>
      <Breadcrumbs label={t('catalogs.breadcrumb')} items={crumbs} />
      <PageHeader
        title={name}
        intro={
          (control.groupTitle || control.withdrawn) && (
            <span className="badge-row">
              {control.groupTitle && <span>{t('catalogs.control.group', { group: control.groupTitle })}</span>}
              {control.withdrawn && <WithdrawnBadge />}
            </span>
          )
        }
      />
      {control.parentId && (
        <p>
          <Link to={controlPath(versionId, control.parentId)}>{t('catalogs.control.parent', { id: control.parentId })}</Link>
        </p>
      )}
      {view.parts.length > 0 ? (
        <div className="control-parts">
          {view.parts.map((p) => (
            <PartSection key={p.key} part={p} level={2} />
          ))}
        </div>
      ) : (
        <p className="muted">{t('catalogs.control.noContent')}</p>
      )}
      {view.params.length > 0 && (
        <Section id="control-params" title={t('catalogs.control.parameters')}>
          <ParamsTable params={view.params} control={name} />
        </Section>
      )}
      {view.props.length > 0 && (
        <Section id="control-props" title={t('catalogs.control.properties')}>
          <PropsTable props={view.props} control={name} />
        </Section>
      )}
      {view.links.length > 0 && (
        <Section id="control-links" title={t('catalogs.control.links')}>
          <LinksTable links={view.links} control={name} />
        </Section>
      )}
      {control.enhancements.length > 0 && (
        <Section id="control-enhancements" title={t('catalogs.control.enhancements')}>
          <ul className="control-list">
            {control.enhancements.map((e) => (
              <li key={e.id} className={`control-list__item${e.withdrawn ? ' control-list__item--withdrawn' : ''}`}>
                <Link to={controlPath(versionId, e.id)} className="control-list__link">
                  <span className="control-list__label">{e.label ?? e.id}</span>
                  <span className="control-list__title">{e.title}</span>
                </Link>
                {e.withdrawn && <WithdrawnBadge />}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </ParamsContext.Provider>
  );
}
