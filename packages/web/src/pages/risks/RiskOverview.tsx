import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Heatmap, RiskItem, UnmitigatedItem } from '../../api/risks';
import type { Items } from '../../api/types';
import { EmptyState, LoadError } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { requirementPath } from '../requirements/paths';
import { statusLabel } from '../requirements/status';
import { riskPath, risksListPath } from './paths';
import { RatingBadge } from './RatingBadge';
import { BandLegend, RiskHeatmap } from './RiskHeatmap';

const EXPIRY_DAYS = 60;

function Panel({ id, title, intro, more, children }: { id: string; title: string; intro?: string; more?: ReactNode; children: ReactNode }) {
  return (
    <section className="card card--flat risk-panel" aria-labelledby={id}>
      <div className="card__header">
        <div>
          <h2 id={id} className="card__title">
            {title}
          </h2>
          {intro && <p className="muted small">{intro}</p>}
        </div>
        {more}
      </div>
      {children}
    </section>
  );
}

function Loaded<T>({
  res,
  children,
}: {
  res: { data?: T; error: unknown; loading: boolean; reload: () => void };
  children: (d: T) => ReactNode;
}) {
  if (res.loading && !res.data) return <Loading />;
  if (res.error || !res.data) return <LoadError error={res.error} onRetry={res.reload} />;
  return <>{children(res.data)}</>;
}

/**
 * The register at a glance: inherent and residual heatmaps side by side, the top risks, risks that
 * rely on requirements not yet implemented, and acceptances about to end.
 */
export function RiskOverview() {
  const { t, formatDate } = useI18n();
  const heat = useApi((signal) => api.get<Heatmap>('/risks/heatmap', undefined, { signal }), 'heat');
  const top = useApi((signal) => api.get<Items<RiskItem>>('/risks/top', { limit: 8 }, { signal }), 'top');
  const gaps = useApi((signal) => api.get<Items<UnmitigatedItem>>('/risks/unmitigated', { limit: 8 }, { signal }), 'gaps');
  const expiring = useApi(
    (signal) => api.get<Items<RiskItem>>('/risks/acceptances/expiring', { days: EXPIRY_DAYS }, { signal }),
    'expiring',
  );
  const bands = heat.data?.bands ?? [];
  const statusText = (s: string | null) => (s ? statusLabel(t, s) : t('risks.controlNotInList'));

  return (
    <div className="stack">
      <Panel id="risk-heat-title" title={t('risks.heatmap.title')} intro={t('risks.heatmap.intro')}>
        <Loaded res={heat}>
          {(h) =>
            h.open === 0 ? (
              <EmptyState>{t('risks.heatmap.empty')}</EmptyState>
            ) : (
              <>
                <div className="risk-heatmaps">
                  <RiskHeatmap data={h} basis="inherent" title={t('risks.heatmap.inherent')} titleId="heat-inherent" />
                  <RiskHeatmap data={h} basis="residual" title={t('risks.heatmap.residual')} titleId="heat-residual" />
                </div>
                <BandLegend bands={h.bands} />
              </>
            )
          }
        </Loaded>
      </Panel>
      <div className="risk-panels">
        <Panel
          id="risk-top-title"
          title={t('risks.top.title')}
          intro={t('risks.top.intro')}
          more={
            <Link to={risksListPath({ status: 'open' })} className="button button--secondary button--small">
              {t('risks.top.all')}
            </Link>
          }
        >
          <Loaded res={top}>
            {(d) =>
              d.items.length === 0 ? (
                <EmptyState>{t('risks.top.empty')}</EmptyState>
              ) : (
                <ol className="risk-list">
                  {d.items.map((r) => (
                    <li key={r.id} className="risk-list__item">
                      <RatingBadge bands={bands} rating={r.residual.rating} label={r.residual.ratingLabel} score={r.residual.score} />
                      <span className="risk-list__text">
                        <Link to={riskPath(r.id)}>{r.title}</Link>
                        <span className="muted small">{r.target.name}</span>
                      </span>
                    </li>
                  ))}
                </ol>
              )
            }
          </Loaded>
        </Panel>
        <Panel
          id="risk-gaps-title"
          title={t('risks.gaps.title')}
          intro={t('risks.gaps.intro')}
          more={
            <Link to={risksListPath({ status: 'open', unmitigated: 'true' })} className="button button--secondary button--small">
              {t('risks.gaps.all')}
            </Link>
          }
        >
          <Loaded res={gaps}>
            {(d) =>
              d.items.length === 0 ? (
                <EmptyState>{t('risks.gaps.empty')}</EmptyState>
              ) : (
                <ul className="risk-list">
                  {d.items.map((r) => (
                    <li key={r.id} className="risk-list__item">
                      <RatingBadge bands={bands} rating={r.residual.rating} label={r.residual.ratingLabel} score={r.residual.score} />
                      <span className="risk-list__text">
                        <Link to={riskPath(r.id)}>{r.title}</Link>
                        <span className="risk-list__controls">
                          {r.openControls.slice(0, 4).map((c) =>
                            c.requirementId ? (
                              <Link key={c.controlId} to={requirementPath(c.requirementId)} className="chip" title={statusText(c.status)}>
                                {c.controlId}
                              </Link>
                            ) : (
                              <span key={c.controlId} className="chip" title={statusText(c.status)}>
                                {c.controlId}
                              </span>
                            ),
                          )}
                          {r.openControls.length > 4 && <span className="muted small">+{r.openControls.length - 4}</span>}
                        </span>
                      </span>
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
        </Panel>
        <Panel id="risk-expiring-title" title={t('risks.expiring.title')} intro={t('risks.expiring.intro', { days: EXPIRY_DAYS })}>
          <Loaded res={expiring}>
            {(d) =>
              d.items.length === 0 ? (
                <EmptyState>{t('risks.expiring.empty')}</EmptyState>
              ) : (
                <ul className="risk-list">
                  {d.items.map((r) => (
                    <li key={r.id} className="risk-list__item">
                      <span className={`risk-date${r.acceptance?.expired ? ' is-overdue' : ''}`}>
                        {r.acceptance ? formatDate(r.acceptance.expiresOn) : ''}
                      </span>
                      <span className="risk-list__text">
                        <Link to={riskPath(r.id)}>{r.title}</Link>
                        <span className="muted small">
                          {r.acceptance?.expired
                            ? t('risks.expiring.ended', { name: r.acceptance.approverName ?? t('common.none') })
                            : t('risks.expiring.approvedBy', { name: r.acceptance?.approverName ?? t('common.none') })}
                        </span>
                      </span>
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
        </Panel>
      </div>
    </div>
  );
}
