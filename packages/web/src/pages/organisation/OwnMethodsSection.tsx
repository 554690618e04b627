import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { api } from '../../api/client';
import type { CustomMethod, MethodsList } from '../../api/customMethods';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState, ErrorAlert, LoadError, Notice } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { methodEditorPath, newMethodPath } from '../classification/MethodEditorPage';
import { noticeOf } from '../systems/vocab';

/**
 * The organisation's own classification methods (for those with systems:manage-all): define one
 * from scratch or from a copy, edit or delete those not in use. The method in use is protected:
 * classifications were made with it, so a change means a new method.
 */
export function OwnMethodsSection({ refresh = 0 }: { refresh?: number }) {
  const { t, tp, formatDateTime } = useI18n();
  const location = useLocation();
  // `refresh` changes when the method in use changes on the same page.
  const res = useApi((signal) => api.get<MethodsList>('/classification/methods', undefined, { signal }), `methods|${refresh}`);
  const [deleting, setDeleting] = useState<CustomMethod | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState(() => noticeOf(location.state));
  const data = res.data;
  const currentName =
    data?.builtIn.find((m) => m.key === data.current)?.name ?? data?.custom.find((m) => m.key === data.current)?.method.name ?? '';

  const remove = async () => {
    if (!deleting) return;
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      await api.del(`/classification/methods/${encodeURIComponent(deleting.key)}`);
      setNotice(t('methodEditor.deleted', { name: deleting.method.name }));
      res.setData((prev) => (prev ? { ...prev, custom: prev.custom.filter((m) => m.key !== deleting.key) } : prev));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setDeleting(null);
    }
  };

  return (
    <section className="card" aria-labelledby="own-methods-title">
      <div className="card__header">
        <div>
          <h2 id="own-methods-title" className="card__title">
            {t('ownMethods.title')}
          </h2>
          <p className="muted small">{t('ownMethods.intro')}</p>
        </div>
        <div className="form-actions">
          <Link to={newMethodPath()} className="button button--primary">
            {t('ownMethods.new')}
          </Link>
          {currentName && (
            <Link to={newMethodPath('current')} className="button button--secondary">
              {t('ownMethods.copyCurrent', { name: currentName })}
            </Link>
          )}
        </div>
      </div>
      {data && data.builtIn.length > 0 && (
        <p className="form-actions">
          <span className="muted small">{t('ownMethods.fromBuiltIn')}</span>
          {data.builtIn.map((m) => (
            <Link
              key={m.key}
              to={newMethodPath(m.key)}
              className="button button--ghost button--small"
              aria-label={t('ownMethods.copyNamed', { name: m.name })}
            >
              {m.name}
            </Link>
          ))}
        </p>
      )}
      <Notice>{notice}</Notice>
      <ErrorAlert error={error} />
      {res.loading && !data ? (
        <Loading />
      ) : res.error || !data ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : data.custom.length === 0 ? (
        <EmptyState>{t('ownMethods.empty')}</EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('ownMethods.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ownMethods.name')}</th>
                  <th scope="col">{t('ownMethods.dimensions')}</th>
                  <th scope="col">{t('ownMethods.questionnaire')}</th>
                  <th scope="col">{t('ownMethods.updated')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.custom.map((m) => {
                  const inUse = m.key === data.current;
                  return (
                    <tr key={m.key}>
                      <th scope="row" className="cell-wrap cell-name">
                        <Link to={methodEditorPath(m.key)} className="cell-primary">
                          {m.method.name}
                        </Link>{' '}
                        {inUse && <Badge tone="success">{t('ownMethods.inUse')}</Badge>}
                        <span className="muted small block mono">{m.key}</span>
                      </th>
                      <td className="cell-wrap">{m.method.dimensions.map((d) => d.name).join(', ')}</td>
                      <td>{m.questions.length > 0 ? tp('ownMethods.questions', m.questions.length) : t('ownMethods.noQuestionnaire')}</td>
                      <td>{formatDateTime(m.updatedAt)}</td>
                      <td className="cell-actions">
                        <div className="row-actions row-actions--end">
                          <Link
                            to={methodEditorPath(m.key)}
                            className="button button--ghost button--small"
                            aria-label={t(inUse ? 'ownMethods.viewNamed' : 'ownMethods.editNamed', { name: m.method.name })}
                          >
                            {inUse ? t('ownMethods.view') : t('ownMethods.edit')}
                          </Link>
                          <Link
                            to={newMethodPath(m.key)}
                            className="button button--ghost button--small"
                            aria-label={t('ownMethods.copyNamed', { name: m.method.name })}
                          >
                            {t('ownMethods.copyShort')}
                          </Link>
                          <button
                            type="button"
                            className="button button--ghost-danger button--small"
                            onClick={() => setDeleting(m)}
                            disabled={inUse}
                            aria-label={t('ownMethods.deleteNamed', { name: m.method.name })}
                          >
                            {t('common.delete')}
                          </button>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {data.custom.some((m) => m.key === data.current) && <p className="muted small">{t('ownMethods.inUseNote')}</p>}
        </>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('ownMethods.deleteTitle')}
        confirmLabel={t('ownMethods.deleteConfirm')}
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={() => setDeleting(null)}
      >
        <p>{t('ownMethods.deleteText', { name: deleting?.method.name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
