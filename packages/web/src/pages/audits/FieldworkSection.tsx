import { Fragment, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { AUDIT_RESULTS, type Audit, type AuditResult, auditApiPath, type FieldworkItem } from '../../api/audits';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { EmptyState, ErrorAlert, LoadError } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { IconCheck } from '../../components/Icons';
import { Loading } from '../../components/Loading';
import { Pagination } from '../../components/Pagination';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { requirementPath } from '../requirements/paths';
import { StatusBadge } from '../requirements/StatusBadge';
import { ResultBadge } from './bits';
import { ResultEditor } from './ResultEditor';
import { useFamilies } from './useFamilies';
import { auditStatusLabel, controlName, resultLabel, resultOptions } from './vocab';

const PAGE_SIZE = 25;
const UNASSESSED = 'unassessed';

interface Props {
  audit: Audit;
  /** The caller is an auditor of this audit, the audit is in fieldwork and they may assess. */
  editable: boolean;
  /** After a result was recorded (the page reloads the progress). */
  onRecorded: () => void;
}

/**
 * The requirements in scope with their implementation and this audit's result. The audit's
 * auditors record a result per row with one click, and observations, sampling notes and the
 * evidence they reviewed in the row's details.
 */
export function FieldworkSection({ audit, editable, onRecorded }: Props) {
  const { t, tp, formatNumber } = useI18n();
  const families = useFamilies();
  const [systemId, setSystemId] = useState('');
  const [family, setFamily] = useState('');
  const [result, setResult] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const query = {
    systemId: systemId || undefined,
    family: family || undefined,
    result: result && result !== UNASSESSED ? result : undefined,
    unassessed: result === UNASSESSED ? true : undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const res = useApi(
    (signal) => api.get<Page<FieldworkItem>>(`${auditApiPath(audit.id)}/requirements`, query, { signal }),
    `${audit.id}|${JSON.stringify(query)}`,
  );
  const data = res.data;
  const filtered = !!(systemId || family || result);
  const familyOptions = (audit.families.length > 0 ? audit.families : families.options.map((f) => f.value)).map((f) => ({
    value: f,
    label: families.title(f),
  }));

  const filter = (set: (v: string) => void) => (v: string) => {
    set(v);
    setPage(1);
    setOpen(null);
  };

  const replace = (item: FieldworkItem) =>
    res.setData((prev) => (prev ? { ...prev, items: prev.items.map((r) => (r.requirementId === item.requirementId ? item : r)) } : prev));

  /** One click: the result, keeping what was noted before. */
  const quick = async (r: FieldworkItem, value: AuditResult) => {
    setBusyId(r.requirementId);
    setError(null);
    try {
      const saved = await api.put<{ result: string; assessedAt: string }>(
        `${auditApiPath(audit.id)}/results/${encodeURIComponent(r.requirementId)}`,
        { result: value, observations: r.observations ?? '', sampling: r.sampling ?? '', evidenceReviewed: r.evidenceReviewed },
      );
      replace({ ...r, result: saved.result, assessedAt: saved.assessedAt });
      onRecorded();
    } catch (e) {
      setError(e);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section className="card card--flat audits-card stack" aria-labelledby="audit-fieldwork-title">
      <div>
        <h2 id="audit-fieldwork-title" className="card__title" ref={headingRef} tabIndex={-1}>
          {t('audits.fieldwork.title')}
        </h2>
        <p className="muted small">
          {editable
            ? t('audits.fieldwork.introAuditor')
            : audit.isAuditor && audit.status !== 'fieldwork'
              ? t('audits.fieldwork.introNotFieldwork', { status: auditStatusLabel(t, audit.status) })
              : t('audits.fieldwork.introReader')}
        </p>
      </div>
      <search className="filters" aria-label={t('audits.fieldwork.filters')}>
        <SelectField
          label={t('audits.fieldwork.system')}
          value={systemId}
          onValueChange={filter(setSystemId)}
          options={[{ value: '', label: t('audits.fieldwork.allSystems') }, ...audit.systems.map((s) => ({ value: s.id, label: s.name }))]}
        />
        <SelectField
          label={t('audits.fieldwork.family')}
          value={family}
          onValueChange={filter(setFamily)}
          options={[{ value: '', label: t('audits.fieldwork.allFamilies') }, ...familyOptions]}
        />
        <SelectField
          label={t('audits.fieldwork.result')}
          value={result}
          onValueChange={filter(setResult)}
          options={[
            { value: '', label: t('audits.fieldwork.allResults') },
            { value: UNASSESSED, label: t('audits.fieldwork.unassessed') },
            ...resultOptions(t),
          ]}
        />
        {filtered && (
          <div className="filters__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setSystemId('');
                setFamily('');
                setResult('');
                setPage(1);
              }}
            >
              {t('common.reset')}
            </button>
          </div>
        )}
      </search>
      <p className="muted" role="status">
        {data ? tp('audits.fieldwork.count', data.total, { count: formatNumber(data.total) }) : ''}
      </p>
      <ErrorAlert error={error} />
      {res.loading && !data ? (
        <Loading />
      ) : res.error || !data ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : data.items.length === 0 ? (
        <EmptyState>{filtered ? t('audits.fieldwork.emptyFiltered') : t('audits.fieldwork.empty')}</EmptyState>
      ) : (
        <>
          <div className="table-wrap" aria-busy={res.loading}>
            <table className={`table table--fieldwork${editable ? ' table--fieldwork-edit' : ''}`}>
              <caption className="visually-hidden">{t('audits.fieldwork.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audits.fieldwork.requirement')}</th>
                  <th scope="col">{t('audits.fieldwork.system')}</th>
                  <th scope="col">{t('audits.fieldwork.implementation')}</th>
                  <th scope="col">{t('audits.fieldwork.result')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('audits.fieldwork.details')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((r) => {
                  const name = controlName(r);
                  const expanded = open === r.requirementId;
                  const detailsId = `fieldwork-details-${r.requirementId}`;
                  return (
                    <Fragment key={r.requirementId}>
                      <tr className={expanded ? 'is-expanded' : undefined}>
                        <th scope="row" className="cell-wrap cell-requirement">
                          <Link to={requirementPath(r.requirementId)} className="requirement-link">
                            <span className="requirement-link__id">{r.label ?? r.controlId}</span> {r.title}
                          </Link>
                          <span className="block small muted">{families.title(r.family)}</span>
                        </th>
                        <td className="cell-wrap cell-system">{r.systemName}</td>
                        <td>
                          <StatusBadge status={r.implementationStatus} />
                          {r.inherited && <span className="block small muted">{t('audits.fieldwork.inherited')}</span>}
                        </td>
                        <td className="cell-result">
                          {editable ? (
                            // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset.
                            <div className="result-buttons" role="group" aria-label={t('audits.fieldwork.resultFor', { name })}>
                              {AUDIT_RESULTS.map((value) => (
                                <button
                                  key={value}
                                  type="button"
                                  className={`result-button result-button--${value}`}
                                  aria-pressed={r.result === value}
                                  disabled={busyId === r.requirementId}
                                  onClick={() => void quick(r, value)}
                                >
                                  {r.result === value && <IconCheck className="result-button__icon" />}
                                  {resultLabel(t, value)}
                                </button>
                              ))}
                            </div>
                          ) : (
                            <ResultBadge result={r.result} />
                          )}
                        </td>
                        <td className="cell-actions">
                          <button
                            type="button"
                            className="button button--ghost button--small"
                            aria-expanded={expanded}
                            aria-controls={detailsId}
                            aria-label={t(expanded ? 'audits.fieldwork.hideDetailsFor' : 'audits.fieldwork.showDetailsFor', { name })}
                            onClick={() => setOpen(expanded ? null : r.requirementId)}
                          >
                            {expanded ? t('audits.fieldwork.hideDetails') : t('audits.fieldwork.showDetails')}
                          </button>
                        </td>
                      </tr>
                      {expanded && (
                        <tr className="details-row" id={detailsId}>
                          <td colSpan={5}>
                            <ResultEditor
                              auditId={audit.id}
                              item={r}
                              editable={editable}
                              onSaved={(item) => {
                                replace(item);
                                onRecorded();
                              }}
                            />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={data.total}
            onPage={(p) => {
              setPage(p);
              setOpen(null);
              headingRef.current?.focus();
            }}
          />
        </>
      )}
    </section>
  );
}
