import { useMemo, useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { Department, Items } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState, ErrorAlert, LoadError, Notice } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { useApi } from '../../hooks/useApi';
import { useT } from '../../i18n';
import { DepartmentAddForm } from './DepartmentAddForm';
import { DepartmentTree } from './DepartmentTree';
import { buildTree } from './tree';

export function DepartmentsSection() {
  const t = useT();
  const { can } = useAuth();
  const manage = can('departments:manage');
  const depts = useApi((signal) => api.get<Items<Department>>('/departments', undefined, { signal }), '');
  const items = depts.data?.items ?? [];
  const tree = useMemo(() => buildTree(depts.data?.items ?? []), [depts.data]);
  const [deleting, setDeleting] = useState<Department | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');

  const notify = (text: string) => {
    setError(null);
    setMessage(text);
    depts.reload();
  };

  const remove = async () => {
    if (!deleting) return;
    setBusy(true);
    setMessage('');
    setError(null);
    try {
      await api.del(`/departments/${encodeURIComponent(deleting.id)}`);
      notify(t('organisation.deleted'));
    } catch (e) {
      setError(e instanceof ApiError && e.status === 409 ? t('organisation.deleteConflict') : e);
    } finally {
      setBusy(false);
      setDeleting(null);
    }
  };

  return (
    <section className="card" aria-labelledby="departments-title">
      <h2 id="departments-title" className="card__title">
        {t('organisation.departments')}
      </h2>
      <p className="muted">{t('organisation.departmentsIntro')}</p>
      {typeof error === 'string' ? <ErrorAlert>{error}</ErrorAlert> : <ErrorAlert error={error} />}
      <Notice>{message}</Notice>
      {depts.loading && !depts.data ? (
        <Loading />
      ) : depts.error ? (
        <LoadError error={depts.error} onRetry={depts.reload} />
      ) : tree.length === 0 ? (
        <EmptyState>{t('organisation.departmentsEmpty')}</EmptyState>
      ) : (
        <DepartmentTree nodes={tree} manage={manage} onRenamed={() => notify(t('organisation.renamed'))} onDelete={setDeleting} />
      )}
      {manage && depts.data && <DepartmentAddForm departments={items} onAdded={(d) => notify(t('organisation.added', { name: d.name }))} />}
      <ConfirmDialog
        open={deleting !== null}
        title={t('organisation.deleteTitle')}
        confirmLabel={t('common.delete')}
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={() => setDeleting(null)}
      >
        <p>{t('organisation.deleteText', { name: deleting?.name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
