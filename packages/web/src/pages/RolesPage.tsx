import { api } from '../api/client';
import type { Items, Permission, Role } from '../api/types';
import { AccessDenied } from '../components/AccessDenied';
import { isForbidden } from '../components/errors';
import { EmptyState, LoadError } from '../components/Feedback';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { useApi } from '../hooks/useApi';
import { useI18n, useT } from '../i18n';
import { describePermission, groupPermissions } from './permissions';

export function RolesPage() {
  const { t, tp } = useI18n();
  const roles = useApi((signal) => api.get<Items<Role>>('/roles', undefined, { signal }), '');
  const perms = useApi((signal) => api.get<Items<Permission>>('/permissions', undefined, { signal }), '');

  if (isForbidden(roles.error)) return <AccessDenied />;
  return (
    <>
      <PageHeader title={t('roles.title')} intro={t('roles.intro')} />
      {roles.loading && !roles.data ? (
        <Loading />
      ) : roles.error ? (
        <LoadError error={roles.error} onRetry={roles.reload} />
      ) : !roles.data?.items.length ? (
        <EmptyState>{t('roles.empty')}</EmptyState>
      ) : (
        <div className="role-grid">
          {roles.data.items.map((role) => (
            <section key={role.key} className="card role-card" aria-labelledby={`role-${role.key}`}>
              <h2 id={`role-${role.key}`} className="card__title">
                {role.name}
              </h2>
              <p className="muted">{role.description}</p>
              <p className="small muted">{tp('roles.permissionCount', role.permissions.length)}</p>
              {role.permissions.length === 0 ? (
                <p>{t('roles.noPermissions')}</p>
              ) : (
                groupPermissions(t, role.permissions).map((group) => (
                  <div key={group.prefix} className="perm-group">
                    <h3 className="perm-group__title">{group.label}</h3>
                    <ul className="chip-list" aria-label={t('roles.permissionsOf', { role: role.name })}>
                      {group.permissions.map((p) => (
                        <li key={p} className="chip">
                          {p}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))
              )}
            </section>
          ))}
        </div>
      )}
      <PermissionLegend perms={perms.data?.items} loading={perms.loading} error={perms.error} />
    </>
  );
}

function PermissionLegend({ perms, loading, error }: { perms?: Permission[]; loading: boolean; error: unknown }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="legend-title">
      <h2 id="legend-title" className="card__title">
        {t('roles.legend')}
      </h2>
      <p className="muted">{t('roles.legendIntro')}</p>
      {loading && !perms ? (
        <Loading />
      ) : error ? (
        <LoadError error={error} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('roles.legend')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('roles.permission')}</th>
                <th scope="col">{t('roles.description')}</th>
              </tr>
            </thead>
            {groupPermissions(
              t,
              (perms ?? []).map((p) => p.key),
            ).map((group) => (
              <tbody key={group.prefix}>
                <tr className="table__group">
                  <th scope="colgroup" colSpan={2}>
                    {group.label}
                  </th>
                </tr>
                {group.permissions.map((key) => (
                  <tr key={key}>
                    <th scope="row">
                      <code>{key}</code>
                    </th>
                    <td className="cell-wrap">{describePermission(t, key, perms?.find((p) => p.key === key)?.description)}</td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  );
}
