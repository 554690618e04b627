import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { InfoSystem } from '../../api/register';
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
import { useT } from '../../i18n';
import { DownloadReportButton } from '../reports/DownloadReportButton';
import { RisksSection } from '../risks/RisksSection';
import { ClassificationSection } from './ClassificationSection';
import { DependencySection } from './DependencySection';
import { useSectors } from './lookups';
import { RequirementsSection } from './RequirementsSection';
import { KindBadge, LifecycleBadge } from './SystemBadges';
import { SystemDetails } from './SystemDetails';
import { noticeOf, systemEditPath } from './vocab';

/** One system: facts, actions and its dependency graph. */
export function SystemPage() {
  const t = useT();
  const { can } = useAuth();
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const sectors = useSectors();
  const res = useApi((signal) => api.get<InfoSystem>(`/systems/${encodeURIComponent(id)}`, undefined, { signal }), id);
  const system = res.data?.id === id ? res.data : undefined;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const remove = async () => {
    if (!system) return;
    setBusy(true);
    setError(null);
    try {
      await api.del(`/systems/${encodeURIComponent(system.id)}`);
      navigate('/systems', { state: { notice: t('systems.deleted', { name: system.name }) } });
    } catch (e) {
      setError(e);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  if (isForbidden(res.error)) return <AccessDenied />;
  if (!system || res.error) {
    return (
      <>
        <PageTitle title={t('systems.title')} />
        {res.loading ? <Loading /> : <LoadError error={res.error} onRetry={res.reload} />}
      </>
    );
  }

  return (
    <>
      <Breadcrumbs label={t('systems.breadcrumb')} items={[{ label: t('systems.title'), to: '/systems' }, { label: system.name }]} />
      <PageHeader
        title={system.name}
        intro={
          <span className="badge-row">
            <KindBadge kind={system.kind} />
            <Badge>{sectors.label(system.sector)}</Badge>
            <LifecycleBadge lifecycle={system.lifecycle} />
          </span>
        }
        actions={
          <div className="form-actions">
            <DownloadReportButton kind="system" subjectId={system.id} />
            {can('systems:edit') && (
              <Link to={systemEditPath(system.id)} className="button button--secondary">
                {t('systems.edit')}
              </Link>
            )}
            {can('systems:manage-all') && (
              <button type="button" className="button button--danger-outline" onClick={() => setConfirming(true)}>
                {t('systems.delete')}
              </button>
            )}
          </div>
        }
      />
      <Notice>{noticeOf(location.state)}</Notice>
      <ErrorAlert error={error} />
      <SystemDetails system={system} />
      <ClassificationSection key={`classification-${system.id}`} system={system} />
      <RequirementsSection key={`requirements-${system.id}`} system={system} />
      <RisksSection key={`risks-${system.id}`} system={system} />
      <DependencySection key={system.id} system={system} />
      <ConfirmDialog
        open={confirming}
        title={t('systems.deleteTitle')}
        confirmLabel={t('systems.delete')}
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('systems.deleteText', { name: system.name })}</p>
      </ConfirmDialog>
    </>
  );
}
