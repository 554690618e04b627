import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Page, User } from '../../api/types';
import { isForbidden } from '../../components/errors';
import { EmptyState, ErrorAlert, LoadError, Notice } from '../../components/Feedback';
import type { Option } from '../../components/Field';
import { SelectField, TextField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Pagination } from '../../components/Pagination';
import { useApi } from '../../hooks/useApi';
import { useDebounced } from '../../hooks/useDebounced';
import { useT } from '../../i18n';
import { UserRow } from './UserRow';

const PAGE_SIZE = 25;

interface Props {
  roles: Option[];
  onForbidden: () => void;
}

export function UsersTab({ roles, onForbidden }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [role, setRole] = useState('');
  const [page, setPage] = useState(1);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const query = { page, pageSize: PAGE_SIZE, q, role };
  const users = useApi((signal) => api.get<Page<User>>('/users', query, { signal }), JSON.stringify(query));

  // Go back to the first page whenever the filters change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on filter change only.
  useEffect(() => setPage(1), [q, role]);

  useEffect(() => {
    if (isForbidden(users.error)) onForbidden();
  }, [users.error, onForbidden]);

  const onUpdated = (user: User, text: string) => {
    setError(null);
    setMessage(text);
    users.setData(
      (prev) =>
        prev && {
          ...prev,
          items: prev.items.map((u) => (u.id === user.id ? user : u)),
        },
    );
  };
  const onError = (e: unknown) => {
    setMessage('');
    setError(e);
  };

  return (
    <section className="stack" aria-labelledby="users-list-title">
      <h2 id="users-list-title" className="visually-hidden">
        {t('users.tabUsers')}
      </h2>
      <search className="filters">
        <TextField label={t('users.search')} type="search" value={search} onValueChange={setSearch} autoComplete="off" />
        <SelectField
          label={t('users.filterRole')}
          value={role}
          onValueChange={setRole}
          options={[{ value: '', label: t('users.allRoles') }, ...roles]}
        />
      </search>
      <ErrorAlert error={error} />
      <Notice>{message}</Notice>
      {users.loading && !users.data ? (
        <Loading />
      ) : users.error ? (
        <LoadError error={users.error} onRetry={users.reload} />
      ) : !users.data?.items.length ? (
        <EmptyState>{t('users.empty')}</EmptyState>
      ) : (
        <>
          <div className="table-wrap" aria-busy={users.loading}>
            <table className="table">
              <caption className="visually-hidden">{t('users.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('users.name')}</th>
                  <th scope="col">{t('users.email')}</th>
                  <th scope="col">{t('users.role')}</th>
                  <th scope="col">{t('users.department')}</th>
                  <th scope="col">{t('users.status')}</th>
                  <th scope="col">{t('users.lastLogin')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((u) => (
                  <UserRow key={u.id} user={u} roles={roles} onUpdated={onUpdated} onError={onError} />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={users.data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}
