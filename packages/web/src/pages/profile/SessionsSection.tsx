import { useState } from 'react';
import { api } from '../../api/client';
import type { Items, Session } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { Badge } from '../../components/Badge';
import { EmptyState, ErrorAlert, LoadError, Notice } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';

export function SessionsSection({ reloadKey }: { reloadKey: number }) {
  const { t, formatDateTime } = useI18n();
  const { logoutEverywhere } = useAuth();
  const sessions = useApi((signal) => api.get<Items<Session>>('/profile/sessions', undefined, { signal }), String(reloadKey));
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const [busyId, setBusyId] = useState<string | null>(null);

  const end = async (id: string) => {
    setBusyId(id);
    setError(null);
    setMessage('');
    try {
      await api.del(`/profile/sessions/${encodeURIComponent(id)}`);
      sessions.setData((prev) => prev && { items: prev.items.filter((s) => s.id !== id) });
      setMessage(t('profile.sessionEnded'));
    } catch (e) {
      setError(e);
    } finally {
      setBusyId(null);
    }
  };

  const endAll = async () => {
    setError(null);
    try {
      await logoutEverywhere();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="card" aria-labelledby="sessions-title">
      <div className="card__header">
        <div>
          <h2 id="sessions-title" className="card__title">
            {t('profile.sessionsTitle')}
          </h2>
          <p className="muted">{t('profile.sessionsIntro')}</p>
        </div>
        <div className="card__header-actions">
          <button type="button" className="button button--danger-outline" onClick={() => void endAll()}>
            {t('profile.logoutAll')}
          </button>
          <p className="muted small">{t('profile.logoutAllHint')}</p>
        </div>
      </div>
      <ErrorAlert error={error} />
      <Notice>{message}</Notice>
      {sessions.loading && !sessions.data ? (
        <Loading />
      ) : sessions.error ? (
        <LoadError error={sessions.error} onRetry={sessions.reload} />
      ) : !sessions.data?.items.length ? (
        <EmptyState>{t('profile.sessionsEmpty')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('profile.sessionsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('profile.userAgent')}</th>
                <th scope="col">{t('profile.ip')}</th>
                <th scope="col">{t('profile.created')}</th>
                <th scope="col">{t('profile.lastSeen')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.items.map((s) => (
                <tr key={s.id}>
                  <th scope="row" className="cell-wrap">
                    <span className="cell-primary">{s.userAgent || t('common.none')}</span>
                    {s.current && <Badge tone="info">{t('profile.thisSession')}</Badge>}
                  </th>
                  <td>{s.ip || t('common.none')}</td>
                  <td>{formatDateTime(s.createdAt)}</td>
                  <td>{formatDateTime(s.lastSeenAt)}</td>
                  <td className="cell-actions">
                    {!s.current && (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => void end(s.id)}
                        disabled={busyId === s.id}
                        aria-label={t('profile.endSession', {
                          agent: s.userAgent || s.ip || s.id,
                        })}
                      >
                        {t('profile.end')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
