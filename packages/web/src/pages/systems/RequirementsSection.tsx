import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { BaselineChanges, Progress } from '../../api/baselines';
import { api } from '../../api/client';
import type { InfoSystem } from '../../api/register';
import { useAuth, useMe } from '../../auth/AuthContext';
import { LoadError } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { useApi } from '../../hooks/useApi';
import { useT } from '../../i18n';
import { EMPTY_FILTERS, type RequirementFilterValues } from '../requirements/filters';
import { requirementsListPath } from '../requirements/paths';
import { RequirementBrowser } from '../requirements/RequirementBrowser';
import { ComponentsUsedSection } from './ComponentsUsedSection';
import { useMethod } from './classificationView';
import { ListChangeNotice } from './ListChangeNotice';
import { RequirementProgress } from './RequirementProgress';

/**
 * On the system page: how far the system's requirements are implemented (by status and family),
 * the latest change of its list, the requirements themselves with filters and bulk edit, and the
 * common components it uses (whose implementations it inherits).
 */
export function RequirementsSection({ system }: { system: InfoSystem }) {
  const t = useT();
  const { can } = useAuth();
  const me = useMe();
  const enc = encodeURIComponent(system.id);
  const editable = can('systems:edit') && (can('systems:manage-all') || system.ownerId === me.id);
  const progress = useApi((signal) => api.get<Progress>(`/systems/${enc}/requirements/progress`, undefined, { signal }), system.id);
  const changes = useApi(
    (signal) => api.get<BaselineChanges>(`/systems/${enc}/baseline/changes`, undefined, { signal }).catch(() => ({ items: [] })),
    `${system.id}|${progress.data?.latestChange?.at ?? ''}`,
  );
  const method = useMethod().data?.method;
  const [values, setValues] = useState<RequirementFilterValues>({ ...EMPTY_FILTERS, systemId: system.id });
  const [page, setPage] = useState(1);
  const [refresh, setRefresh] = useState(0);
  const p = progress.data;
  const families = useMemo(() => (p?.families ?? []).map((f) => ({ value: f.family, label: f.familyTitle || f.family })), [p]);

  const change = (c: Partial<RequirementFilterValues>) => {
    setValues((v) => ({ ...v, ...c, systemId: system.id }));
    setPage(1);
  };

  return (
    <>
      <section className="card card--flat requirements-section" aria-labelledby="requirements-title">
        <div className="card__header">
          <h2 id="requirements-title" className="card__title">
            {t('requirements.section.title')}
          </h2>
          {p && p.total > 0 && (
            <Link to={requirementsListPath({ systemId: system.id })} className="button button--secondary button--small">
              {t('requirements.section.openList')}
            </Link>
          )}
        </div>
        {progress.loading && !p ? (
          <Loading />
        ) : progress.error || !p ? (
          <LoadError error={progress.error} onRetry={progress.reload} />
        ) : (
          <>
            {p.latestChange && <ListChangeNotice change={p.latestChange} method={method} history={changes.data?.items ?? []} />}
            {p.total === 0 && values.retired === false ? (
              <p className="empty-state">
                {p.securityLevel ? t('requirements.section.noneApply') : t('requirements.section.notClassified')}
              </p>
            ) : (
              <>
                <RequirementProgress
                  progress={p}
                  systemName={system.name}
                  status={values.status}
                  family={values.family}
                  onStatus={(s) => change({ status: values.status === s ? '' : s })}
                  onFamily={(f) => change({ family: f })}
                  onOverdue={() => change({ overdue: true })}
                  onReview={() => change({ reviewRequired: true })}
                />
                <RequirementBrowser
                  title={t('requirements.section.tableTitle')}
                  titleId="system-requirements-table"
                  values={values}
                  page={page}
                  onChange={change}
                  onPage={setPage}
                  onClear={() => change({ ...EMPTY_FILTERS })}
                  families={families}
                  showSystem={false}
                  editable={editable}
                  fixed={['systemId']}
                  onChanged={progress.reload}
                  level={3}
                  pageSize={25}
                  refresh={refresh}
                />
              </>
            )}
          </>
        )}
      </section>
      <ComponentsUsedSection
        system={system}
        editable={editable}
        onChanged={() => {
          progress.reload();
          setRefresh((n) => n + 1);
        }}
      />
    </>
  );
}
