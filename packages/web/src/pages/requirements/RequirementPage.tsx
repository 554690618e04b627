import { useParams } from 'react-router-dom';
import type { Requirement } from '../../api/baselines';
import { api } from '../../api/client';
import type { InfoSystem } from '../../api/register';
import { useAuth, useMe } from '../../auth/AuthContext';
import { AccessDenied } from '../../components/AccessDenied';
import { Badge } from '../../components/Badge';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { isForbidden } from '../../components/errors';
import { LoadError } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { PageHeader, PageTitle } from '../../components/PageHeader';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { formatDay } from '../systems/classificationView';
import { systemPath } from '../systems/vocab';
import { CommentsSection } from './CommentsSection';
import { ControlText } from './ControlText';
import { EvidenceSection } from './EvidenceSection';
import { ImplementationForm } from './ImplementationForm';
import { requirementsListPath } from './paths';
import { RequirementBanners } from './RequirementBanners';
import { StatusBadge } from './StatusBadge';
import { requirementName } from './status';

/**
 * One requirement of one system: what the control asks, how the system meets it (status,
 * statement, responsible person, due date, or why it does not apply), the evidence and the
 * discussion. Changes need systems:edit on a system the caller may edit.
 */
export function RequirementPage() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const me = useMe();
  const { id = '' } = useParams();
  const res = useApi((signal) => api.get<Requirement>(`/requirements/${encodeURIComponent(id)}`, undefined, { signal }), id);
  const r = res.data?.id === id ? res.data : undefined;
  const systemId = r?.systemId ?? '';
  const system = useApi(
    (signal) =>
      systemId ? api.get<InfoSystem>(`/systems/${encodeURIComponent(systemId)}`, undefined, { signal }) : Promise.resolve(undefined),
    systemId,
  );
  const owner = system.data?.id === systemId ? system.data.ownerId : undefined;
  const editable = can('systems:edit') && (can('systems:manage-all') || (owner !== undefined && owner === me.id));
  const update = (next: Requirement) => res.setData(() => next);

  if (isForbidden(res.error)) return <AccessDenied />;
  if (!r || res.error) {
    return (
      <>
        <PageTitle title={t('requirements.title')} />
        {res.loading ? <Loading /> : <LoadError error={res.error} onRetry={res.reload} />}
      </>
    );
  }

  const name = requirementName(r);
  return (
    <>
      <Breadcrumbs
        label={t('systems.breadcrumb')}
        items={[
          { label: t('systems.title'), to: '/systems' },
          { label: r.systemName, to: systemPath(r.systemId) },
          { label: t('requirements.title'), to: requirementsListPath({ systemId: r.systemId }) },
          { label: r.label ?? r.controlId },
        ]}
      />
      <PageHeader
        title={name}
        intro={
          <span className="badge-row">
            <StatusBadge status={r.effectiveStatus} />
            <span>{t('requirements.page.family', { family: r.familyTitle || r.family })}</span>
            {r.dueDate && (
              <span className={r.overdue ? 'review--overdue' : undefined}>
                {t('requirements.page.due', { date: formatDay(locale, r.dueDate) ?? r.dueDate })}
              </span>
            )}
            {r.overdue && <Badge tone="danger">{t('requirements.overdueBadge')}</Badge>}
          </span>
        }
      />
      <RequirementBanners requirement={r} editable={editable} onChanged={update} />
      <div className="requirement-layout">
        <div className="requirement-layout__side">
          <ControlText control={r.control} versionId={r.versionId} controlId={r.controlId} name={name} />
        </div>
        <div className="requirement-layout__main">
          <ImplementationForm requirement={r} editable={editable} onSaved={update} />
          <EvidenceSection
            base={`/requirements/${encodeURIComponent(r.id)}/evidence`}
            evidence={r.evidence}
            editable={editable}
            onChange={(evidence) => res.setData((prev) => (prev ? { ...prev, evidence } : prev))}
          />
          <CommentsSection
            requirementId={r.id}
            comments={r.comments}
            onAdded={(c) => res.setData((prev) => (prev ? { ...prev, comments: [...prev.comments, c] } : prev))}
          />
        </div>
      </div>
    </>
  );
}
