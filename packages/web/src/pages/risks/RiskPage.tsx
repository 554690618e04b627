import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { HistoryEntry, Risk } from '../../api/risks';
import type { Items } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { AccessDenied } from '../../components/AccessDenied';
import { Badge } from '../../components/Badge';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { isForbidden } from '../../components/errors';
import { EmptyState, ErrorAlert, LoadError, Notice } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { PageHeader, PageTitle } from '../../components/PageHeader';
import { useApi } from '../../hooks/useApi';
import { type Messages, useI18n } from '../../i18n';
import { componentPath, requirementPath } from '../requirements/paths';
import { StatusBadge } from '../requirements/StatusBadge';
import { useRiskMatrix } from './hooks';
import { RISKS_PATH, riskEditPath } from './paths';
import { RatingBadge } from './RatingBadge';
import './risks.css';
import { riskStatusLabel, threatName, treatmentLabel } from './vocab';

const HISTORY_FIELDS: readonly (keyof Messages['risks']['history']['fields'])[] = [
  'title',
  'threatKey',
  'inherent',
  'residual',
  'treatment',
  'controlIds',
  'acceptance',
  'transferTo',
  'ownerId',
  'reviewDate',
  'status',
];

/** Which of a risk's fields an update changed, for the history. */
function changedFields(e: HistoryEntry) {
  const b = (e.before ?? {}) as Record<string, unknown>;
  const a = (e.after ?? {}) as Record<string, unknown>;
  return HISTORY_FIELDS.filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null));
}

/** One risk: what threatens what, the ratings before and after treatment, the treatment with its live controls, and its history. */
export function RiskPage() {
  const { t, formatDate, formatDateTime } = useI18n();
  const { can } = useAuth();
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const enc = encodeURIComponent(id);
  const res = useApi((signal) => api.get<Risk>(`/risks/${enc}`, undefined, { signal }), id);
  const history = useApi(
    (signal) => api.get<Items<HistoryEntry>>(`/risks/${enc}/history`, undefined, { signal }),
    `${id}|${res.data?.updatedAt ?? ''}`,
  );
  const matrix = useRiskMatrix();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const risk = res.data?.id === id ? res.data : undefined;
  const bands = matrix.data?.matrix.bands ?? [];
  const notice = (location.state as { notice?: string } | null)?.notice;

  if (isForbidden(res.error)) return <AccessDenied />;
  if (!risk || res.error) {
    return (
      <>
        <PageTitle title={t('risks.title')} />
        {res.loading ? <Loading /> : <LoadError error={res.error} onRetry={res.reload} />}
      </>
    );
  }

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.del(`/risks/${enc}`);
      navigate(RISKS_PATH, { state: { notice: t('risks.deleted', { title: risk.title }) } });
    } catch (e) {
      setError(e);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  const targetLink =
    risk.target.type === 'system' ? (
      <Link to={`/systems/${encodeURIComponent(risk.target.id)}`}>{risk.target.name}</Link>
    ) : (
      <>
        <Link to={componentPath(risk.target.id)}>{risk.target.name}</Link> <span className="muted small">{t('risks.component')}</span>
      </>
    );

  return (
    <>
      <Breadcrumbs label={t('risks.breadcrumb')} items={[{ label: t('risks.title'), to: RISKS_PATH }, { label: risk.title }]} />
      <PageHeader
        title={risk.title}
        intro={
          <span className="badge-row">
            <Badge tone={risk.status === 'open' ? 'info' : 'neutral'}>{riskStatusLabel(t, risk.status)}</Badge>
            <Badge>{threatName(t, risk.threat.key, risk.threat.name)}</Badge>
            {risk.reviewOverdue && <Badge tone="warning">{t('risks.reviewOverdue')}</Badge>}
          </span>
        }
        actions={
          <div className="form-actions">
            {risk.editable && (
              <Link to={riskEditPath(risk.id)} className="button button--secondary">
                {t('risks.edit')}
              </Link>
            )}
            {can('risks:manage') && (
              <button type="button" className="button button--danger-outline" onClick={() => setConfirming(true)}>
                {t('common.delete')}
              </button>
            )}
          </div>
        }
      />
      <Notice>{notice}</Notice>
      <ErrorAlert error={error} />
      <div className="risk-detail">
        <section className="card card--flat" aria-labelledby="risk-facts">
          <h2 id="risk-facts" className="card__title">
            {t('risks.detail.facts')}
          </h2>
          <dl className="summary-list">
            <div>
              <dt>{t('risks.form.target')}</dt>
              <dd>{targetLink}</dd>
            </div>
            <div>
              <dt>{t('risks.form.threat')}</dt>
              <dd>
                {threatName(t, risk.threat.key, risk.threat.name)}
                {risk.threatDescription && <span className="muted small risk-block">{risk.threatDescription}</span>}
              </dd>
            </div>
            <div>
              <dt>{t('risks.form.vulnerability')}</dt>
              <dd className="pre-line">{risk.vulnerability || <span className="muted">{t('common.none')}</span>}</dd>
            </div>
            <div>
              <dt>{t('risks.form.owner')}</dt>
              <dd>{risk.ownerName ?? <span className="muted">{t('common.none')}</span>}</dd>
            </div>
            <div>
              <dt>{t('risks.form.reviewDate')}</dt>
              <dd>{risk.reviewDate ? formatDate(risk.reviewDate) : <span className="muted">{t('common.none')}</span>}</dd>
            </div>
          </dl>
        </section>
        <section className="card card--flat" aria-labelledby="risk-ratings">
          <h2 id="risk-ratings" className="card__title">
            {t('risks.detail.ratings')}
          </h2>
          <div className="risk-ratings">
            {(['inherent', 'residual'] as const).map((k) => (
              <div key={k} className="risk-ratings__item">
                <h3 className="subsection-title">{t(k === 'inherent' ? 'risks.form.inherent' : 'risks.form.residual')}</h3>
                <RatingBadge bands={bands} rating={risk[k].rating} label={risk[k].ratingLabel} score={risk[k].score} />
                <p className="small">{t('risks.detail.cell', { likelihood: risk[k].likelihoodLabel, impact: risk[k].impactLabel })}</p>
              </div>
            ))}
          </div>
        </section>
      </div>
      <section className="card card--flat" aria-labelledby="risk-treatment">
        <h2 id="risk-treatment" className="card__title">
          {t('risks.detail.treatment', { treatment: treatmentLabel(t, risk.treatment) })}
        </h2>
        {risk.treatmentNote && <p className="pre-line">{risk.treatmentNote}</p>}
        {risk.treatment === 'accept' && risk.acceptance && (
          <dl className="summary-list">
            <div>
              <dt>{t('risks.form.approver')}</dt>
              <dd>{risk.acceptance.approverName ?? t('common.none')}</dd>
            </div>
            <div>
              <dt>{t('risks.form.expiresOn')}</dt>
              <dd>
                {formatDate(risk.acceptance.expiresOn)}{' '}
                {risk.acceptance.expired && <Badge tone="danger">{t('risks.acceptanceEndedShort')}</Badge>}
              </dd>
            </div>
            <div>
              <dt>{t('risks.form.reason')}</dt>
              <dd className="pre-line">{risk.acceptance.reason}</dd>
            </div>
          </dl>
        )}
        {risk.treatment === 'transfer' && (
          <p>
            {t('risks.detail.transferredTo')} <strong>{risk.transferTo}</strong>
          </p>
        )}
        {risk.treatment === 'reduce' &&
          (risk.controlStatus.length === 0 ? (
            <EmptyState>{t('risks.detail.noControls')}</EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('risks.detail.controls')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('risks.detail.control')}</th>
                    <th scope="col">{t('risks.detail.liveStatus')}</th>
                  </tr>
                </thead>
                <tbody>
                  {risk.controlStatus.map((c) => (
                    <tr key={c.controlId}>
                      <th scope="row" className="cell-wrap">
                        {c.requirementId ? <Link to={requirementPath(c.requirementId)}>{c.controlId}</Link> : c.controlId}{' '}
                        <span className="muted">{c.title}</span>
                      </th>
                      <td>
                        {c.status ? <StatusBadge status={c.status} /> : <span className="muted small">{t('risks.controlNotInList')}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
      </section>
      <section className="card card--flat" aria-labelledby="risk-history">
        <h2 id="risk-history" className="card__title">
          {t('risks.detail.history')}
        </h2>
        {history.data?.items.length ? (
          <ol className="risk-history">
            {history.data.items.map((e) => (
              <li key={`${e.at}-${e.action}`}>
                <span className="muted small">{formatDateTime(e.at)}</span>{' '}
                <strong>{t(e.action === 'risk.create' ? 'risks.history.created' : 'risks.history.updated')}</strong>{' '}
                <span className="muted">{e.actorEmail ?? ''}</span>
                {e.action === 'risk.update' && (
                  <span className="small risk-block">
                    {changedFields(e)
                      .map((f) => t(`risks.history.fields.${f}`))
                      .join(', ') || t('risks.history.noChange')}
                  </span>
                )}
              </li>
            ))}
          </ol>
        ) : (
          <EmptyState>{t('risks.history.empty')}</EmptyState>
        )}
      </section>
      <ConfirmDialog
        open={confirming}
        title={t('risks.deleteTitle')}
        confirmLabel={t('common.delete')}
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('risks.deleteText', { title: risk.title })}</p>
      </ConfirmDialog>
    </>
  );
}
