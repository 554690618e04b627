import { Link, useLocation } from 'react-router-dom';
import type { ComponentSummary } from '../../api/baselines';
import { api } from '../../api/client';
import type { Items } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { AccessDenied } from '../../components/AccessDenied';
import { isForbidden } from '../../components/errors';
import { EmptyState, LoadError, Notice } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { componentPath } from '../requirements/paths';
import { noticeOf } from '../systems/vocab';
import { ComponentImport } from './ComponentImport';
import { componentKindLabel } from './kinds';

/** Common components: what many systems share and inherit requirement implementations from. */
export function ComponentsPage() {
  const { t, formatNumber } = useI18n();
  const { can } = useAuth();
  const location = useLocation();
  const manage = can('components:manage');
  const list = useApi((signal) => api.get<Items<ComponentSummary>>('/components', undefined, { signal }), '');
  const items = list.data?.items ?? [];

  if (isForbidden(list.error)) return <AccessDenied />;
  return (
    <>
      <PageHeader
        title={t('components.title')}
        intro={t('components.intro')}
        actions={
          manage ? (
            <Link to="/components/new" className="button button--primary">
              {t('components.new')}
            </Link>
          ) : undefined
        }
      />
      <Notice>{noticeOf(location.state)}</Notice>
      <section className="stack" aria-labelledby="components-list-title">
        <h2 id="components-list-title" className="section-title">
          {t('components.tableCaption')}
        </h2>
        {list.loading && !list.data ? (
          <Loading />
        ) : list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : items.length === 0 ? (
          <EmptyState>{manage ? t('components.emptyManage') : t('components.empty')}</EmptyState>
        ) : (
          <div className="table-wrap" aria-busy={list.loading}>
            <table className="table">
              <caption className="visually-hidden">{t('components.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('components.form.name')}</th>
                  <th scope="col">{t('components.form.kind')}</th>
                  <th scope="col">{t('components.form.provider')}</th>
                  <th scope="col" className="cell-num">
                    {t('components.systemsColumn')}
                  </th>
                  <th scope="col" className="cell-num">
                    {t('components.implementationsColumn')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" className="cell-wrap cell-name">
                      <Link to={componentPath(c.id)}>{c.name}</Link>
                    </th>
                    <td>{componentKindLabel(t, c.kind)}</td>
                    <td className="cell-wrap">{c.provider ?? <span className="muted">{t('common.none')}</span>}</td>
                    <td className="cell-num">{formatNumber(c.systems)}</td>
                    <td className="cell-num">
                      {t('components.implementedOf', { implemented: formatNumber(c.implemented), total: formatNumber(c.requirements) })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {manage && <ComponentImport onImported={list.reload} />}
    </>
  );
}
