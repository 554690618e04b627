import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { Dashboard } from '../../api/baselines';
import { api, type Query } from '../../api/client';
import type { InfoSystem } from '../../api/register';
import { useAuth } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../hooks/useApi';
import { useT } from '../../i18n';
import { departmentOptions } from '../organisation/tree';
import { ListExportLinks } from '../reports/ListExportLinks';
import { useMethod } from '../systems/classificationView';
import { useDepartments, useSectors } from '../systems/lookups';
import { systemPath } from '../systems/vocab';
import { filtersFromParams, type RequirementFilterValues, toQuery } from './filters';
import { RequirementBrowser } from './RequirementBrowser';

/**
 * Requirements across every system the caller sees, filtered with the API's own query names
 * (the dashboard's drill-downs land here), with bulk edit across systems.
 */
export function RequirementsPage() {
  const t = useT();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const values = filtersFromParams(params);
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const departments = useDepartments();
  const sectors = useSectors();
  const method = useMethod().data?.method;
  const families = useApi((signal) => api.get<Dashboard>('/dashboard/compliance', undefined, { signal }), 'families');
  const familyOptions = useMemo(
    () => (families.data?.byFamily ?? []).map((f) => ({ value: f.family, label: f.familyTitle || f.family })),
    [families.data],
  );
  const system = useApi(
    (signal) =>
      values.systemId
        ? api.get<InfoSystem>(`/systems/${encodeURIComponent(values.systemId)}`, undefined, { signal }).catch(() => undefined)
        : Promise.resolve(undefined),
    values.systemId,
  );

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  const change = (c: Partial<RequirementFilterValues>) => {
    const out: Record<string, string | null> = { page: null };
    for (const [k, v] of Object.entries(c)) out[k] = typeof v === 'boolean' ? (v ? 'true' : null) : v || null;
    update(out);
  };

  return (
    <>
      <PageHeader
        title={t('requirements.title')}
        intro={t('requirements.intro')}
        actions={<ListExportLinks path="/requirements/export" query={toQuery(values) as Query} />}
      />
      {!can('systems:read-all') && <p className="alert alert--info">{t('requirements.ownNote')}</p>}
      <RequirementBrowser
        title={t('requirements.tableCaption')}
        titleId="requirements-list-title"
        level={2}
        values={values}
        page={page}
        onChange={change}
        onPage={(p) => update({ page: p > 1 ? String(p) : null })}
        onClear={() => setParams({}, { replace: true })}
        families={familyOptions}
        departments={departmentOptions(departments)}
        sectors={sectors.options}
        levels={(method?.securityLevels ?? []).map((l) => ({ value: l.key, label: l.name }))}
        showSystem={!values.systemId}
        editable={can('systems:edit')}
        extra={
          values.systemId || values.controlId ? (
            <p className="filter-chip-row">
              {values.systemId && (
                <span className="filter-chip">
                  {t('requirements.filters.system')}{' '}
                  {system.data ? <Link to={systemPath(values.systemId)}>{system.data.name}</Link> : <code>{values.systemId}</code>}
                  <button
                    type="button"
                    className="filter-chip__remove"
                    onClick={() => change({ systemId: '' })}
                    aria-label={t('requirements.filters.removeSystem')}
                  >
                    ×
                  </button>
                </span>
              )}
              {values.controlId && (
                <span className="filter-chip">
                  {t('requirements.filters.control')} <code>{values.controlId}</code>
                  <button
                    type="button"
                    className="filter-chip__remove"
                    onClick={() => change({ controlId: '' })}
                    aria-label={t('requirements.filters.removeControl')}
                  >
                    ×
                  </button>
                </span>
              )}
            </p>
          ) : null
        }
      />
    </>
  );
}
