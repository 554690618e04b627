import { type FormEvent, Fragment, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type Soa, type SoaItem, soaApiPath } from '../../api/audits';
import { api } from '../../api/client';
import type { CatalogSummary, Items } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { Badge } from '../../components/Badge';
import { EmptyState, LoadError, Notice } from '../../components/Feedback';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { Pagination } from '../../components/Pagination';
import { useApi } from '../../hooks/useApi';
import { useDebounced } from '../../hooks/useDebounced';
import { type FieldErrors, useSubmit } from '../../hooks/useSubmit';
import { useI18n } from '../../i18n';
import { StackedBar } from '../requirements/StatusBar';
import { formatShare } from '../requirements/status';
import { AuditsNav } from './bits';
import { controlName } from './vocab';

const PAGE_SIZE = 50;

/**
 * /soa: the statement of applicability per catalog — every control, applicable or not with the
 * reason (an officer's decision or the default from the systems' baselines), and how far the
 * systems that include it implement it.
 */
export function SoaPage() {
  const { t, tp, locale, formatNumber } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const catalogs = useApi((signal) => api.get<Items<CatalogSummary>>('/catalogs', undefined, { signal }), 'soa-catalogs');
  const usable = useMemo(() => (catalogs.data?.items ?? []).filter((c) => c.latest), [catalogs.data]);
  const fallback = usable.find((c) => c.builtIn && c.kind === 'catalog') ?? usable[0];
  const catalogId = params.get('catalog') ?? fallback?.id ?? '';
  const q = params.get('q') ?? '';
  const applicable = params.get('applicable') ?? '';
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const [search, setSearch] = useState(q);
  const debounced = useDebounced(search.trim(), 300);
  const [editing, setEditing] = useState<{ controlId: string; applicable: boolean } | null>(null);
  const [notice, setNotice] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const plan = can('audits:plan');

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

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new search term updates the URL.
  useEffect(() => {
    if (debounced !== q) update({ q: debounced });
  }, [debounced]);

  const query = { q: q || undefined, applicable: applicable || undefined, page, pageSize: PAGE_SIZE };
  const res = useApi(
    (signal) => (catalogId ? api.get<Soa>(soaApiPath(catalogId), query, { signal }) : Promise.resolve(undefined)),
    `${catalogId}|${JSON.stringify(query)}`,
  );
  const data = res.data;

  const saved = (message: string) => {
    setEditing(null);
    setNotice(message);
    res.reload();
  };

  return (
    <>
      <PageHeader title={t('audits.soa.title')} intro={t('audits.soa.intro')} />
      <AuditsNav />
      <Notice>{notice}</Notice>
      {catalogs.error ? (
        <LoadError error={catalogs.error} onRetry={catalogs.reload} />
      ) : (
        <search className="filters soa-filters" aria-label={t('audits.soa.filters')}>
          <SelectField
            label={t('audits.soa.catalog')}
            value={catalogId}
            onValueChange={(v) => {
              setEditing(null);
              update({ catalog: v });
            }}
            options={usable.map((c) => ({
              value: c.id,
              label: `${c.name}${c.latest ? ` ${c.latest.version}` : ''}${c.kind === 'profile' ? ` (${t('audits.soa.profile')})` : ''}`,
            }))}
            disabled={catalogs.loading}
          />
          <TextField label={t('audits.soa.search')} type="search" value={search} onValueChange={setSearch} autoComplete="off" />
          <SelectField
            label={t('audits.soa.applicability')}
            value={applicable}
            onValueChange={(v) => update({ applicable: v })}
            options={[
              { value: '', label: t('audits.soa.allControls') },
              { value: 'true', label: t('audits.soa.applicableOnly') },
              { value: 'false', label: t('audits.soa.notApplicableOnly') },
            ]}
          />
        </search>
      )}
      {!catalogId && !catalogs.loading ? (
        <EmptyState>{t('audits.soa.noCatalogs')}</EmptyState>
      ) : res.loading && !data ? (
        <Loading />
      ) : res.error || !data ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : (
        <>
          <ul className="kpi-grid soa-summary">
            <li className="kpi">
              <span className="kpi__value">{formatNumber(data.summary.controls)}</span>
              <span className="kpi__label">{t('audits.soa.controls')}</span>
              <span className="kpi__detail">
                {t('audits.soa.catalogVersion', { title: data.catalog.title, version: data.catalog.version })}
              </span>
            </li>
            <li className="kpi">
              <span className="kpi__value">{formatNumber(data.summary.applicable)}</span>
              <span className="kpi__label">{t('audits.soa.applicable')}</span>
              <span className="kpi__detail">
                {formatShare(locale, data.summary.controls ? data.summary.applicable / data.summary.controls : null) ?? '–'}
              </span>
            </li>
            <li className="kpi kpi--warning">
              <span className="kpi__value">{formatNumber(data.summary.controls - data.summary.applicable)}</span>
              <span className="kpi__label">{t('audits.soa.notApplicable')}</span>
              <span className="kpi__detail">{t('audits.soa.notApplicableDetail')}</span>
            </li>
          </ul>
          <section className="stack" aria-labelledby="soa-list-title">
            <div className="browser__heading">
              <h2 id="soa-list-title" className="section-title" ref={headingRef} tabIndex={-1}>
                {t('audits.soa.listTitle')}
              </h2>
              <p className="muted" role="status">
                {tp('audits.soa.count', data.total, { count: formatNumber(data.total) })}
              </p>
            </div>
            {data.items.length === 0 ? (
              <EmptyState>{t('audits.soa.empty')}</EmptyState>
            ) : (
              <>
                <div className="table-wrap" aria-busy={res.loading}>
                  <table className="table table--soa">
                    <caption className="visually-hidden">{t('audits.soa.listTitle')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('audits.soa.control')}</th>
                        <th scope="col">{t('audits.soa.applicability')}</th>
                        <th scope="col">{t('audits.soa.implementation')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.items.map((c) => (
                        <Fragment key={c.controlId}>
                          <SoaRow
                            item={c}
                            editable={plan}
                            editing={editing?.controlId === c.controlId}
                            onEdit={(value) => setEditing(value === null ? null : { controlId: c.controlId, applicable: value })}
                          />
                          {editing?.controlId === c.controlId && (
                            <tr className="details-row">
                              <td colSpan={3}>
                                <DecisionForm
                                  catalogId={catalogId}
                                  item={c}
                                  applicable={editing.applicable}
                                  onCancel={() => setEditing(null)}
                                  onSaved={saved}
                                />
                              </td>
                            </tr>
                          )}
                        </Fragment>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pagination
                  page={page}
                  pageSize={PAGE_SIZE}
                  total={data.total}
                  onPage={(p) => {
                    setEditing(null);
                    update({ page: p > 1 ? String(p) : null });
                    headingRef.current?.focus();
                  }}
                />
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}

function SoaRow({
  item: c,
  editable,
  editing,
  onEdit,
}: {
  item: SoaItem;
  editable: boolean;
  editing: boolean;
  onEdit: (applicable: boolean | null) => void;
}) {
  const { t, formatNumber } = useI18n();
  const name = controlName(c);
  const open = Math.max(0, c.systems - c.implemented - c.partially - c.notApplicable);
  return (
    <tr className={editing ? 'is-expanded' : undefined}>
      <th scope="row" className="cell-wrap soa-control">
        <span className="requirement-link__id">{c.label ?? c.controlId}</span> <span className="soa-control__title">{c.title}</span>
        {c.group && <span className="block small muted">{c.group}</span>}
      </th>
      <td className="cell-wrap soa-applicability">
        <div className="soa-applicability__head">
          {editable ? (
            <button
              type="button"
              className={`switch${c.applicable ? ' switch--on' : ''}`}
              onClick={() => onEdit(!c.applicable)}
              aria-expanded={editing}
              aria-label={t(c.applicable ? 'audits.soa.makeNotApplicable' : 'audits.soa.makeApplicable', { name })}
            >
              <span className="switch__track" aria-hidden="true">
                <span className="switch__thumb" />
              </span>
              <span className="switch__label">{c.applicable ? t('audits.soa.applicable') : t('audits.soa.notApplicable')}</span>
            </button>
          ) : (
            <Badge tone={c.applicable ? 'success' : 'neutral'}>
              {c.applicable ? t('audits.soa.applicable') : t('audits.soa.notApplicable')}
            </Badge>
          )}
          <span className="muted small">{c.decided ? t('audits.soa.decided') : t('audits.soa.byDefault')}</span>
        </div>
        <p className="small soa-reason">
          {c.reason}{' '}
          {editable && !editing && (
            <button
              type="button"
              className="button button--ghost button--small soa-applicability__edit"
              onClick={() => onEdit(c.applicable)}
              aria-label={t('audits.soa.editReasonFor', { name })}
            >
              {t('audits.soa.editReason')}
            </button>
          )}
        </p>
      </td>
      <td className="soa-implementation">
        {c.systems === 0 ? (
          <span className="muted small">{t('audits.soa.noSystems')}</span>
        ) : (
          <>
            <StackedBar
              size="small"
              label={t('audits.soa.barLabel', { name })}
              segments={[
                { key: 'implemented', fill: 'status-fill--implemented', value: c.implemented, label: t('requirementStatus.implemented') },
                { key: 'partially', fill: 'status-fill--partially', value: c.partially, label: t('requirementStatus.partially') },
                { key: 'open', fill: 'status-fill--not-started', value: open, label: t('audits.soa.open') },
                {
                  key: 'not-applicable',
                  fill: 'status-fill--not-applicable',
                  value: c.notApplicable,
                  label: t('requirementStatus.not-applicable'),
                },
              ]}
            />
            <span className="small muted">
              {t('audits.soa.implementedOf', { implemented: formatNumber(c.implemented), systems: formatNumber(c.systems) })}
            </span>
          </>
        )}
      </td>
    </tr>
  );
}

function DecisionForm({
  catalogId,
  item,
  applicable: initial,
  onCancel,
  onSaved,
}: {
  catalogId: string;
  item: SoaItem;
  applicable: boolean;
  onCancel: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [applicable, setApplicable] = useState(initial);
  const [reason, setReason] = useState(initial === item.applicable && item.decided ? item.reason : '');
  const submit = useSubmit();
  const path = `${soaApiPath(catalogId)}/${encodeURIComponent(item.controlId)}`;
  const name = controlName(item);

  const onSubmit = (e: FormEvent) =>
    submit.handle(
      e,
      async () => {
        await api.put<void>(path, { applicable, reason: reason.trim() });
        onSaved(t('audits.soa.saved', { name }));
      },
      (): FieldErrors => (reason.trim() ? {} : { reason: t('audits.soa.reasonRequired') }),
    );

  const reset = () =>
    submit.handle(null, async () => {
      await api.put<void>(path, null);
      onSaved(t('audits.soa.resetDone', { name }));
    });

  return (
    <form className="form soa-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('audits.soa.formLabel', { name })}>
      <FormError error={submit.error} />
      <fieldset className="fieldset">
        <legend className="field__label">{t('audits.soa.decision', { name })}</legend>
        <div className="result-options">
          <label className="result-option">
            <input type="radio" name={`${id}-applicable`} checked={applicable} onChange={() => setApplicable(true)} />
            {t('audits.soa.applicable')}
          </label>
          <label className="result-option">
            <input type="radio" name={`${id}-applicable`} checked={!applicable} onChange={() => setApplicable(false)} />
            {t('audits.soa.notApplicable')}
          </label>
        </div>
      </fieldset>
      <TextAreaField
        label={t('audits.soa.reason')}
        hint={t('audits.soa.reasonHint')}
        value={reason}
        onValueChange={setReason}
        rows={2}
        maxLength={5000}
        error={submit.fieldErrors.reason}
        required
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={submit.busy}>
          {t('audits.soa.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        {item.decided && (
          <button type="button" className="button button--ghost" disabled={submit.busy} onClick={() => void reset()}>
            {t('audits.soa.reset')}
          </button>
        )}
      </div>
    </form>
  );
}
