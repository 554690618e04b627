import { useState } from 'react';
import { api } from '../../api/client';
import type { User, UserStatus } from '../../api/types';
import { useAuth, useMe } from '../../auth/AuthContext';
import { Badge, type Tone } from '../../components/Badge';
import type { Option } from '../../components/Field';
import { roleLabel } from '../../hooks/useRoles';
import { useI18n } from '../../i18n';

const STATUS_TONE: Record<UserStatus, Tone> = {
  active: 'success',
  disabled: 'neutral',
  locked: 'warning',
};

interface Props {
  user: User;
  roles: Option[];
  onUpdated: (user: User, message: string) => void;
  onError: (error: unknown) => void;
}

export function UserRow({ user, roles, onUpdated, onError }: Props) {
  const { t, formatDateTime } = useI18n();
  const { can, refresh } = useAuth();
  const me = useMe();
  const manage = can('users:manage');
  const isMe = user.id === me.id;
  const [busy, setBusy] = useState(false);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  const changeRole = (role: string) =>
    run(async () => {
      const next = await api.patch<User>(`/users/${encodeURIComponent(user.id)}`, { role });
      onUpdated(
        next,
        t('users.roleChanged', {
          name: user.name,
          role: roleLabel(roles, next.role),
        }),
      );
      // Changing your own role changes what you may see.
      if (isMe) await refresh();
    });

  const setDisabled = (disabled: boolean) =>
    run(async () => {
      const next = await api.patch<User>(`/users/${encodeURIComponent(user.id)}`, { disabled });
      onUpdated(next, t(disabled ? 'users.disabled' : 'users.enabled', { name: user.name }));
    });

  const unlock = () =>
    run(async () => {
      const next = await api.post<User>(`/users/${encodeURIComponent(user.id)}/unlock`);
      onUpdated(next, t('users.unlocked', { name: user.name }));
    });

  const endSessions = () =>
    run(async () => {
      await api.post(`/users/${encodeURIComponent(user.id)}/end-sessions`);
      onUpdated(user, t('users.sessionsEnded', { name: user.name }));
    });

  const disabled = user.status === 'disabled';
  const roleOptions = roles.some((r) => r.value === user.role) ? roles : [...roles, { value: user.role, label: user.role }];

  return (
    <tr>
      <th scope="row" className="cell-wrap">
        {user.name} {isMe && <span className="muted small">{t('users.you')}</span>}
      </th>
      <td className="cell-wrap">{user.email}</td>
      <td>
        {manage ? (
          <select
            className="input select select--compact"
            aria-label={t('users.roleFor', { name: user.name })}
            value={user.role}
            disabled={busy}
            onChange={(e) => void changeRole(e.target.value)}
          >
            {roleOptions.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        ) : (
          roleLabel(roles, user.role)
        )}
      </td>
      <td>{user.departmentName ?? t('common.none')}</td>
      <td>
        <Badge tone={STATUS_TONE[user.status]}>{t(`userStatus.${user.status}`)}</Badge>
      </td>
      <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('common.never')}</td>
      <td className="cell-actions">
        {manage && (
          <div className="row-actions">
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={busy || isMe}
              onClick={() => void setDisabled(!disabled)}
            >
              {disabled ? t('users.enable') : t('users.disable')}
            </button>
            {user.status === 'locked' && (
              <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void unlock()}>
                {t('users.unlock')}
              </button>
            )}
            <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void endSessions()}>
              {t('users.endSessions')}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
