import { useState } from 'react';
import { api } from '../../api/client';
import { INVITATION_STATUSES, type Invitation, type InvitationStatus, type Page } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { Badge, type Tone } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState, ErrorAlert, LoadError, Notice } from '../../components/Feedback';
import { type Option, SelectField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Pagination } from '../../components/Pagination';
import { useApi } from '../../hooks/useApi';
import { roleLabel } from '../../hooks/useRoles';
import { useI18n } from '../../i18n';
import { InviteForm } from './InviteForm';

const PAGE_SIZE = 25;
const STATUS_TONE: Record<InvitationStatus, Tone> = {
  pending: 'info',
  accepted: 'success',
  expired: 'warning',
  revoked: 'neutral',
};

export function InvitationsTab({ roles }: { roles: Option[] }) {
  const { t, formatDateTime } = useI18n();
  const { can } = useAuth();
  const manage = can('users:manage');
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const query = { page, pageSize: PAGE_SIZE, status };
  const list = useApi((signal) => api.get<Page<Invitation>>('/invitations', query, { signal }), JSON.stringify(query));

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setError(null);
    setMessage('');
    try {
      await api.del(`/invitations/${encodeURIComponent(revoking.id)}`);
      setMessage(t('invitations.revoked'));
      list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setRevoking(null);
    }
  };

  return (
    <>
      {manage && <InviteForm roles={roles} onSent={list.reload} />}
      <section aria-labelledby="invitations-title" className="subsection stack">
        <h2 id="invitations-title" className="section-title">
          {t('invitations.title')}
        </h2>
        <search className="filters">
          <SelectField
            label={t('invitations.filterStatus')}
            value={status}
            onValueChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={[
              { value: '', label: t('invitations.allStatuses') },
              ...INVITATION_STATUSES.map((s) => ({
                value: s,
                label: t(`invitationStatus.${s}`),
              })),
            ]}
          />
        </search>
        <ErrorAlert error={error} />
        <Notice>{message}</Notice>
        {list.loading && !list.data ? (
          <Loading />
        ) : list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : !list.data?.items.length ? (
          <EmptyState>{t('invitations.empty')}</EmptyState>
        ) : (
          <>
            <div className="table-wrap" aria-busy={list.loading}>
              <table className="table">
                <caption className="visually-hidden">{t('invitations.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('invitations.email')}</th>
                    <th scope="col">{t('invitations.role')}</th>
                    <th scope="col">{t('invitations.status')}</th>
                    <th scope="col">{t('invitations.created')}</th>
                    <th scope="col">{t('invitations.expires')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((inv) => (
                    <tr key={inv.id}>
                      <th scope="row" className="cell-wrap">
                        {inv.email}
                      </th>
                      <td>{roleLabel(roles, inv.role)}</td>
                      <td>
                        <Badge tone={STATUS_TONE[inv.status]}>{t(`invitationStatus.${inv.status}`)}</Badge>
                      </td>
                      <td>{formatDateTime(inv.createdAt)}</td>
                      <td>{formatDateTime(inv.expiresAt)}</td>
                      <td className="cell-actions">
                        {manage && inv.status === 'pending' && (
                          <button
                            type="button"
                            className="button button--danger-outline button--small"
                            aria-label={t('invitations.revokeAction', {
                              email: inv.email,
                            })}
                            onClick={() => setRevoking(inv)}
                          >
                            {t('common.revoke')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
          </>
        )}
      </section>
      <ConfirmDialog
        open={revoking !== null}
        title={t('invitations.revokeTitle')}
        confirmLabel={t('common.revoke')}
        busy={busy}
        onConfirm={() => void revoke()}
        onCancel={() => setRevoking(null)}
      >
        <p>{t('invitations.revokeText', { email: revoking?.email ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}
