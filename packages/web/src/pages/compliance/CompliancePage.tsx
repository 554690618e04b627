import type { ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Dashboard } from '../../api/baselines';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { AccessDenied } from '../../components/AccessDenied';
import { isForbidden } from '../../components/errors';
import { EmptyState, LoadError } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { departmentOptions } from '../organisation/tree';
import { requirementsListPath } from '../requirements/paths';
import { StatusBar } from '../requirements/StatusBar';
import { countsByStatus, formatShare } from '../requirements/status';
import { DUE_PATH, securityLevelName, useMethod } from '../systems/classificationView';
import { useDepartments, useSectors } from '../systems/lookups';
import { DepartmentTable } from './DepartmentTable';
import { Heatmap } from './Heatmap';
import { KpiTiles } from './KpiTiles';
import { ShareBars } from './ShareBars';
import { TrendChart } from './TrendChart';

const FILTERS = ['departmentId', 'sector', 'securityLevel'] as const;

function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <section className="card card--flat" aria-labelledby={id}>
      <div>
        <h2 id={id} className="card__title">
          {title}
        </h2>
        {intro && <p className="muted small">{intro}</p>}
      </div>
      {children}
    </section>
  );
}

/**
 * City-wide compliance: headline numbers, departments × levels, families, sectors and the trend,
 * filtered by department, sector and level (kept in the URL). Every number leads to its list.
 */
export function CompliancePage() {
  const { t, locale, formatDateTime } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const departmentId = params.get('departmentId') ?? '';
  const sector = params.get('sector') ?? '';
  const securityLevel = params.get('securityLevel') ?? '';
  const departments = useDepartments();
  const sectors = useSectors();
  const method = useMethod().data?.method;
  const query = { departmentId, sector, securityLevel };
  const res = useApi((signal) => api.get<Dashboard>('/dashboard/compliance', query, { signal }), JSON.stringify(query));
  const data = res.data;
  const filtered = FILTERS.some((k) => params.get(k));

  const update = (key: (typeof FILTERS)[number], value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  // The lists behind the numbers: requirements carry every filter of the page, systems all but the level.
  const systemsQs = new URLSearchParams({
    ...(departmentId ? { departmentId } : {}),
    ...(sector ? { sector } : {}),
    ...(securityLevel ? { securityLevel } : {}),
  }).toString();
  const links = {
    share: requirementsListPath({ ...query, status: 'implemented' }),
    systems: systemsQs ? `/systems?${systemsQs}` : '/systems',
    unclassified: `${DUE_PATH}?status=unclassified`,
    reviewOverdue: `${DUE_PATH}?status=overdue`,
    overdue: requirementsListPath({ ...query, overdue: true }),
  };
  const pct = (v: number) => formatShare(locale, v) ?? '';

  if (isForbidden(res.error)) return <AccessDenied />;
  return (
    <>
      <PageHeader title={t('compliance.title')} intro={t('compliance.intro')} />
      {!can('systems:read-all') && <p className="alert alert--info">{t('compliance.ownNote')}</p>}
      <search className="filters" aria-label={t('compliance.filters.label')}>
        <SelectField
          label={t('systems.department')}
          value={departmentId}
          onValueChange={(v) => update('departmentId', v)}
          options={[{ value: '', label: t('systems.allDepartments') }, ...departmentOptions(departments)]}
        />
        <SelectField
          label={t('systems.sector')}
          value={sector}
          onValueChange={(v) => update('sector', v)}
          options={[{ value: '', label: t('systems.allSectors') }, ...sectors.options]}
        />
        <SelectField
          label={t('classification.securityLevel')}
          value={securityLevel}
          onValueChange={(v) => update('securityLevel', v)}
          options={[
            { value: '', label: t('compliance.filters.allLevels') },
            ...(method?.securityLevels ?? []).map((l) => ({ value: l.key, label: l.name })),
          ]}
        />
        {filtered && (
          <div className="filters__actions">
            <button type="button" className="button button--secondary" onClick={() => setParams({}, { replace: true })}>
              {t('common.reset')}
            </button>
          </div>
        )}
      </search>
      {res.loading && !data ? (
        <Loading />
      ) : res.error || !data ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : (
        <div className="stack compliance" aria-busy={res.loading}>
          <KpiTiles totals={data.totals} links={links} />
          <p className="muted small">{t('compliance.asOf', { date: formatDateTime(data.asOf) })}</p>
          <Section id="compliance-status" title={t('compliance.status.title')} intro={t('compliance.status.intro')}>
            <StatusBar
              counts={countsByStatus(data.totals)}
              label={t('compliance.status.label')}
              legend
              onSelect={(s) => navigate(requirementsListPath({ ...query, status: s }))}
            />
          </Section>
          {data.heatmap.length === 0 ? (
            <EmptyState>{filtered ? t('compliance.emptyFiltered') : t('compliance.empty')}</EmptyState>
          ) : (
            <>
              <Section id="compliance-heatmap" title={t('compliance.heatmap.title')} intro={t('compliance.heatmap.intro')}>
                <Heatmap data={data} method={method} query={query} />
                <ul className="heat-legend" aria-label={t('compliance.heatmap.legend')}>
                  {[0, 2, 4, 6, 8, 10].map((n) => (
                    <li key={n}>
                      <span className={`heat-swatch heat--${n}`} aria-hidden="true" /> {pct(n / 10)}
                    </li>
                  ))}
                </ul>
              </Section>
              <div className="compliance__columns">
                <Section id="compliance-families" title={t('compliance.families.title')} intro={t('compliance.families.intro')}>
                  <ShareBars
                    caption={t('compliance.families.title')}
                    rows={data.byFamily.map((f) => ({
                      key: f.family,
                      label: f.familyTitle || f.family,
                      counts: f,
                      to: requirementsListPath({ ...query, family: f.family }),
                    }))}
                  />
                </Section>
                <div className="stack">
                  <Section id="compliance-sectors" title={t('compliance.sectors.title')} intro={t('compliance.sectors.intro')}>
                    <ShareBars
                      caption={t('compliance.sectors.title')}
                      rows={data.bySector.map((s) => ({
                        key: s.sector,
                        label: sectors.label(s.sector),
                        counts: s,
                        to: requirementsListPath({ ...query, sector: s.sector }),
                      }))}
                    />
                  </Section>
                  <Section id="compliance-levels" title={t('compliance.levels.title')} intro={t('compliance.levels.intro')}>
                    <ShareBars
                      caption={t('compliance.levels.title')}
                      rows={data.byLevel.map((l) => ({
                        key: l.securityLevel ?? 'none',
                        label: l.securityLevel
                          ? (securityLevelName(method, l.securityLevel) ?? l.securityLevel)
                          : t('compliance.heatmap.noLevel'),
                        counts: l,
                        // The API cannot ask for the systems without a level.
                        to: l.securityLevel ? requirementsListPath({ ...query, securityLevel: l.securityLevel }) : null,
                      }))}
                    />
                  </Section>
                </div>
              </div>
              <Section id="compliance-departments" title={t('compliance.departments.title')}>
                <DepartmentTable data={data} sector={sector} securityLevel={securityLevel} />
              </Section>
            </>
          )}
          <Section
            id="compliance-trend"
            title={t('compliance.trend.title')}
            intro={data.trendScope === 'organisation' ? t('compliance.trend.intro') : t('compliance.trend.todayOnly')}
          >
            <div className="trend-grid">
              <TrendChart
                title={t('compliance.trend.share')}
                tone="share"
                max={1}
                format={pct}
                points={data.trend.map((p) => ({ day: p.day, value: p.share }))}
              />
              <TrendChart
                title={t('compliance.trend.overdue')}
                tone="overdue"
                format={(v) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(v)}
                points={data.trend.map((p) => ({ day: p.day, value: p.overdue }))}
              />
            </div>
            <p className="form-actions">
              <Link to={links.overdue} className="button button--secondary button--small">
                {t('compliance.trend.openOverdue')}
              </Link>
            </p>
          </Section>
        </div>
      )}
    </>
  );
}
