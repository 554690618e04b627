import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import type { Component, ComponentDetail } from '../../api/baselines';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { AccessDenied } from '../../components/AccessDenied';
import { Badge } from '../../components/Badge';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { isForbidden } from '../../components/errors';
import { ErrorAlert, LoadError, Notice } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { PageHeader, PageTitle } from '../../components/PageHeader';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { COMPONENTS_PATH } from '../requirements/paths';
import { noticeOf, systemPath } from '../systems/vocab';
import { AddImplementationForm } from './AddImplementationForm';
import { ComponentForm } from './ComponentForm';
import { ImplementationsTable } from './ImplementationsTable';
import { componentKindLabel } from './kinds';

/** One common component: what it is, how it implements controls (systems using it inherit that) and who uses it. */
export function ComponentPage() {
  const { t, tp, formatNumber } = useI18n();
  const { can } = useAuth();
  const manage = can('components:manage');
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const res = useApi((signal) => api.get<ComponentDetail>(`/components/${encodeURIComponent(id)}`, undefined, { signal }), id);
  const c = res.data?.id === id ? res.data : undefined;
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const remove = async () => {
    if (!c) return;
    setBusy(true);
    setError(null);
    try {
      await api.del(`/components/${encodeURIComponent(c.id)}`);
      navigate(COMPONENTS_PATH, { state: { notice: t('components.deleted', { name: c.name }) } });
    } catch (e) {
      setError(e);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  if (isForbidden(res.error)) return <AccessDenied />;
  if (!c || res.error) {
    return (
      <>
        <PageTitle title={t('components.title')} />
        {res.loading ? <Loading /> : <LoadError error={res.error} onRetry={res.reload} />}
      </>
    );
  }

  return (
    <>
      <Breadcrumbs label={t('systems.breadcrumb')} items={[{ label: t('components.title'), to: COMPONENTS_PATH }, { label: c.name }]} />
      <PageHeader
        title={c.name}
        intro={
          <span className="badge-row">
            <Badge tone="info">{componentKindLabel(t, c.kind)}</Badge>
            {c.provider && <span>{t('components.providedBy', { provider: c.provider })}</span>}
            {c.oscalUuid && <Badge>{t('components.fromOscal')}</Badge>}
          </span>
        }
        actions={
          manage ? (
            <div className="form-actions">
              <button type="button" className="button button--secondary" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
                {t('components.edit')}
              </button>
              <button type="button" className="button button--danger-outline" onClick={() => setConfirming(true)}>
                {t('common.delete')}
              </button>
            </div>
          ) : undefined
        }
      />
      <Notice>{message || noticeOf(location.state)}</Notice>
      <ErrorAlert error={error} />
      {editing ? (
        <section className="card card--flat" aria-labelledby="component-edit-title">
          <h2 id="component-edit-title" className="card__title">
            {t('components.edit')}
          </h2>
          <ComponentForm
            initial={c}
            submitLabel={t('common.save')}
            onCancel={() => setEditing(false)}
            onSubmit={async (input) => {
              const next = await api.patch<Component>(`/components/${encodeURIComponent(c.id)}`, input);
              res.setData((prev) => (prev ? { ...prev, ...next } : prev));
              setEditing(false);
              setMessage(t('common.saved'));
            }}
          />
        </section>
      ) : (
        c.description && <p className="system-description">{c.description}</p>
      )}
      <section className="card card--flat" aria-labelledby="implementations-title">
        <div>
          <h2 id="implementations-title" className="card__title">
            {tp('components.impl.title', c.requirements.length, { count: formatNumber(c.requirements.length) })}
          </h2>
          <p className="muted small">{t('components.impl.intro')}</p>
        </div>
        {c.requirements.length === 0 ? (
          <p className="muted">{t('components.impl.none')}</p>
        ) : (
          <ImplementationsTable component={c} manage={manage} onChanged={res.reload} />
        )}
        {manage && (
          <div className="subsection stack">
            <h3 className="subsection-title">{t('components.impl.addTitle')}</h3>
            <AddImplementationForm
              componentId={c.id}
              existing={c.requirements.map((r) => r.controlId)}
              onAdded={(m) => {
                setMessage(m);
                res.reload();
              }}
            />
          </div>
        )}
      </section>
      <section className="card card--flat" aria-labelledby="component-systems-title">
        <h2 id="component-systems-title" className="card__title">
          {tp('components.systems.title', c.systems.length, { count: formatNumber(c.systems.length) })}
        </h2>
        {c.systems.length === 0 ? (
          <p className="muted">{t('components.systems.none')}</p>
        ) : (
          <ul className="used-list">
            {c.systems.map((s) => (
              <li key={s.id} className="used-list__item">
                <Link to={systemPath(s.id)} className="used-list__name">
                  {s.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <p className="muted small">{t('components.systems.hint')}</p>
      </section>
      <ConfirmDialog
        open={confirming}
        title={t('components.deleteTitle')}
        confirmLabel={t('common.delete')}
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('components.deleteText', { name: c.name, count: c.systems.length })}</p>
      </ConfirmDialog>
    </>
  );
}
