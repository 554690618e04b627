import { useState } from 'react';
import { api } from '../../api/client';
import type { ApiToken, Items } from '../../api/types';
import { Badge, type Tone } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState, ErrorAlert, LoadError, Notice } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { useApi } from '../../hooks/useApi';
import { type MessageKey, useI18n } from '../../i18n';
import { TokenCreateForm } from './TokenCreateForm';

function tokenStatus(token: ApiToken): {
  key: MessageKey;
  tone: Tone;
  active: boolean;
} {
  if (token.revokedAt) return { key: 'tokens.statusRevoked', tone: 'neutral', active: false };
  if (new Date(token.expiresAt).getTime() < Date.now()) {
    return { key: 'tokens.statusExpired', tone: 'warning', active: false };
  }
  return { key: 'tokens.statusActive', tone: 'success', active: true };
}

export function TokensSection() {
  const { t, formatDateTime, formatDate } = useI18n();
  const tokens = useApi((signal) => api.get<Items<ApiToken>>('/tokens', undefined, { signal }), '');
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setError(null);
    setMessage('');
    try {
      await api.del(`/tokens/${encodeURIComponent(revoking.id)}`);
      setMessage(t('tokens.revoked'));
      tokens.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setRevoking(null);
    }
  };

  return (
    <section className="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title" className="card__title">
        {t('tokens.title')}
      </h2>
      <p className="muted">{t('tokens.intro')}</p>
      <ErrorAlert error={error} />
      <Notice>{message}</Notice>
      {tokens.loading && !tokens.data ? (
        <Loading />
      ) : tokens.error ? (
        <LoadError error={tokens.error} onRetry={tokens.reload} />
      ) : !tokens.data?.items.length ? (
        <EmptyState>{t('tokens.empty')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('tokens.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                <th scope="col">{t('tokens.permissions')}</th>
                <th scope="col">{t('tokens.created')}</th>
                <th scope="col">{t('tokens.expires')}</th>
                <th scope="col">{t('tokens.lastUsed')}</th>
                <th scope="col">{t('tokens.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.items.map((token) => {
                const status = tokenStatus(token);
                return (
                  <tr key={token.id}>
                    <th scope="row">{token.name}</th>
                    <td className="cell-wrap">
                      <ul className="chip-list">
                        {token.permissions.map((p) => (
                          <li key={p} className="chip">
                            {p}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>{formatDate(token.createdAt)}</td>
                    <td>{formatDate(token.expiresAt)}</td>
                    <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('common.never')}</td>
                    <td>
                      <Badge tone={status.tone}>{t(status.key)}</Badge>
                    </td>
                    <td className="cell-actions">
                      {status.active && (
                        <button
                          type="button"
                          className="button button--danger-outline button--small"
                          onClick={() => setRevoking(token)}
                          aria-label={t('tokens.revokeToken', {
                            name: token.name,
                          })}
                        >
                          {t('common.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <TokenCreateForm onCreated={tokens.reload} />
      <ConfirmDialog
        open={revoking !== null}
        title={t('tokens.revokeTitle')}
        confirmLabel={t('common.revoke')}
        busy={busy}
        onConfirm={() => void revoke()}
        onCancel={() => setRevoking(null)}
      >
        <p>{t('tokens.revokeText', { name: revoking?.name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
