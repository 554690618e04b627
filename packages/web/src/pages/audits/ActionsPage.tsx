import { useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Action } from '../../api/audits';
import { api, buildUrl } from '../../api/client';
import type { Page } from '../../api/types';
import { useAuth, useMe } from '../../auth/AuthContext';
import { EmptyState, LoadError } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { Pagination } from '../../components/Pagination';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { ActionCard } from './ActionCard';
import { AuditsNav } from './bits';
import { ReportButton } from './ReportButton';
import { actionStatusOptions } from './vocab';

const PAGE_SIZE = 20;
const ALL = 'all';

/**
 * /corrective-actions: the plan of action and milestones. Corrective actions from audit findings
 * and incidents with filters (open, overdue, mine, source); each opens to its milestones, the
 * owner's status buttons, the risk acceptance (planners) and the verification (auditors).
 */
export function ActionsPage() {
  const { t, tp, formatNumber } = useI18n();
  const { can } = useAuth();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const overdue = params.get('overdue') === 'true';
  const mine = params.get('mine') === 'true';
  const source = params.get('source') ?? '';
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );

  const filters = {
    status: status && status !== ALL ? status : undefined,
    open: status === '' ? true : undefined,
    overdue: overdue || undefined,
    ownerId: mine ? me.id : undefined,
    source: source === 'finding' || source === 'incident' ? source : undefined,
  };
  const query = { ...filters, page, pageSize: PAGE_SIZE };
  const res = useApi((signal) => api.get<Page<Action>>('/corrective-actions', query, { signal }), JSON.stringify(query));
  const data = res.data;
  const filtered = !!(status || overdue || mine || source);

  return (
    <>
      <PageHeader
        title={t('audits.actions.title')}
        intro={t('audits.actions.intro')}
        actions={
          <div className="form-actions">
            <a className="button button--secondary" href={buildUrl('/corrective-actions/export', { ...filters, format: 'csv' })} download>
              {t('audits.actions.export')}
            </a>
            <ReportButton kind="poam" label={t('audits.report.poam')} />
          </div>
        }
      />
      <AuditsNav />
      {!can('systems:read-all') && <p className="alert alert--info">{t('audits.actions.ownNote')}</p>}
      <search className="filters action-filters" aria-label={t('audits.actions.filters')}>
        <SelectField
          label={t('audits.actions.status')}
          value={status}
          onValueChange={(v) => update({ status: v })}
          options={[
            { value: '', label: t('audits.actions.openOnly') },
            { value: ALL, label: t('audits.actions.all') },
            ...actionStatusOptions(t),
          ]}
        />
        <SelectField
          label={t('audits.actions.source')}
          value={source}
          onValueChange={(v) => update({ source: v })}
          options={[
            { value: '', label: t('audits.actions.allSources') },
            { value: 'finding', label: t('audits.actions.fromFindings') },
            { value: 'incident', label: t('audits.actions.fromIncidents') },
          ]}
        />
        <fieldset className="action-filters__fieldset">
          <legend className="visually-hidden">{t('audits.actions.show')}</legend>
          <div className="action-filters__checks">
            <label className="filter-check">
              <input type="checkbox" checked={overdue} onChange={(e) => update({ overdue: e.target.checked ? 'true' : null })} />
              {t('audits.actions.overdueOnly')}
            </label>
            <label className="filter-check">
              <input type="checkbox" checked={mine} onChange={(e) => update({ mine: e.target.checked ? 'true' : null })} />
              {t('audits.actions.mine')}
            </label>
            {filtered && (
              <button type="button" className="button button--secondary button--small" onClick={() => setParams({}, { replace: true })}>
                {t('common.reset')}
              </button>
            )}
          </div>
        </fieldset>
      </search>
      <section className="stack" aria-labelledby="actions-list-title">
        <div className="browser__heading">
          <h2 id="actions-list-title" className="section-title" ref={headingRef} tabIndex={-1}>
            {t('audits.actions.listTitle')}
          </h2>
          <p className="muted" role="status">
            {data ? tp('audits.actions.count', data.total, { count: formatNumber(data.total) }) : ''}
          </p>
        </div>
        {res.loading && !data ? (
          <Loading />
        ) : res.error || !data ? (
          <LoadError error={res.error} onRetry={res.reload} />
        ) : data.items.length === 0 ? (
          <EmptyState>{filtered ? t('audits.actions.emptyFiltered') : t('audits.actions.empty')}</EmptyState>
        ) : (
          <>
            <ul className="action-list" aria-busy={res.loading}>
              {data.items.map((a) => (
                <li key={a.id}>
                  <ActionCard
                    action={a}
                    onChanged={(next) =>
                      res.setData((prev) => (prev ? { ...prev, items: prev.items.map((x) => (x.id === next.id ? next : x)) } : prev))
                    }
                  />
                </li>
              ))}
            </ul>
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={data.total}
              onPage={(p) => {
                update({ page: p > 1 ? String(p) : null });
                headingRef.current?.focus();
              }}
            />
          </>
        )}
      </section>
    </>
  );
}
