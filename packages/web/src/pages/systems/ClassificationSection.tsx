import { Link } from 'react-router-dom';
import type { ClassificationMethod, CurrentClassification, HistoryItem, Provenance } from '../../api/classification';
import { api } from '../../api/client';
import type { InfoSystem } from '../../api/register';
import type { Items } from '../../api/types';
import { useAuth, useMe } from '../../auth/AuthContext';
import { Badge } from '../../components/Badge';
import { LoadError } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import {
  classifyPath,
  formatDay,
  levelName,
  levelTone,
  reviewState,
  securityLevelName,
  securityTone,
  useMethod,
} from './classificationView';
import { DeviationsSection } from './DeviationsSection';
import { systemPath } from './vocab';

/** Where an effective level came from: own, inherited from a (linked) system, cumulation, distribution. */
function Source({ p }: { p: Provenance }) {
  const { t } = useI18n();
  switch (p.source) {
    case 'own':
      return <>{t('classification.source.own')}</>;
    case 'inherited':
      if (!p.origin) return <>{t('classification.source.inheritedHidden')}</>;
      return (
        <>
          {t('classification.source.inheritedFrom')} <Link to={systemPath(p.origin.id)}>{p.origin.name}</Link>
          {p.from && p.from.id !== p.origin.id && (
            <>
              {' '}
              {t('classification.source.via')} <Link to={systemPath(p.from.id)}>{p.from.name}</Link>
            </>
          )}
        </>
      );
    case 'cumulation':
      return <>{t('classification.source.cumulation')}</>;
    case 'distribution':
      return <>{t('classification.source.distribution')}</>;
    default:
      return <span className="muted">{t('classification.source.unset')}</span>;
  }
}

function HistoryList({ method, items }: { method: ClassificationMethod | undefined; items: HistoryItem[] }) {
  const { t, formatDateTime } = useI18n();
  return (
    <ol className="history-list">
      {items.map((h) => (
        <li key={h.id} className="history-list__item">
          <div className="history-list__head">
            <span className="notation">{h.notation}</span>
            {h.securityLevel && (
              <Badge tone={h.method === method?.key ? securityTone(method, h.securityLevel) : 'neutral'}>
                {h.method === method?.key ? securityLevelName(method, h.securityLevel) : h.securityLevel}
              </Badge>
            )}
            <span className="muted small">
              {t('classification.history.byOn', {
                name: h.classifiedByName ?? t('classification.history.unknownUser'),
                date: formatDateTime(h.classifiedAt),
              })}
            </span>
            {h.method !== method?.key && <Badge>{t('classification.history.otherMethod', { method: h.method })}</Badge>}
          </div>
          <p className={h.reason ? '' : 'muted'}>{h.reason ?? t('classification.history.noReason')}</p>
          {Object.entries(h.overrides).length > 0 && (
            <ul className="history-list__overrides">
              {Object.entries(h.overrides).map(([dimension, o]) => (
                <li key={dimension}>
                  {t('classification.history.override', {
                    dimension: method?.dimensions.find((d) => d.key === dimension)?.name ?? dimension,
                    level: method ? (levelName(method, dimension, o.level) ?? o.level) : o.level,
                    reason: o.reason,
                  })}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

/** On the system page: the current classification, where each level came from, the review date and the history. */
export function ClassificationSection({ system }: { system: InfoSystem }) {
  const { t, tp, locale, formatDateTime } = useI18n();
  const { can } = useAuth();
  const me = useMe();
  const enc = encodeURIComponent(system.id);
  const current = useApi((signal) => api.get<CurrentClassification>(`/systems/${enc}/classification`, undefined, { signal }), system.id);
  const history = useApi(
    (signal) => api.get<Items<HistoryItem>>(`/systems/${enc}/classification/history`, undefined, { signal }),
    system.id,
  );
  const methodRes = useMethod();
  const method = methodRes.data?.method;
  const mayClassify = can('systems:edit') && (can('systems:manage-all') || system.ownerId === me.id);
  const data = current.data;
  const latest = data?.latest ?? null;
  const effective = data?.effective ?? null;
  const review = latest?.reviewDue ? reviewState(latest.reviewDue) : null;
  const items = history.data?.items ?? [];
  const latestBy = items.find((h) => h.id === latest?.id)?.classifiedByName;

  return (
    <section className="card card--flat classification" aria-labelledby="classification-title">
      <div className="card__header">
        <h2 id="classification-title" className="card__title">
          {t('classification.title')}
        </h2>
        {mayClassify && data && (
          <Link to={classifyPath(system.id)} className={`button ${latest ? 'button--secondary' : 'button--primary'}`}>
            {latest ? t('classification.reclassify') : t('classification.classify')}
          </Link>
        )}
      </div>
      {(current.loading && !data) || (methodRes.loading && !method) ? (
        <Loading />
      ) : current.error || methodRes.error || !data || !method ? (
        <LoadError
          error={current.error ?? methodRes.error}
          onRetry={() => {
            current.reload();
            methodRes.reload();
          }}
        />
      ) : (
        <>
          {latest ? (
            <dl className="summary-list summary-list--inline">
              <div>
                <dt>{t('classification.notation')}</dt>
                <dd className="notation">{latest.notation}</dd>
              </div>
              <div>
                <dt>{t('classification.securityLevel')}</dt>
                <dd>
                  {latest.securityLevel ? (
                    <Badge tone={securityTone(method, latest.securityLevel)}>{securityLevelName(method, latest.securityLevel)}</Badge>
                  ) : (
                    <span className="muted">{t('classification.noSecurityLevel')}</span>
                  )}
                </dd>
              </div>
              {effective?.securityLevel && effective.securityLevel !== latest.securityLevel && (
                <div>
                  <dt>{t('classification.effectiveLevel')}</dt>
                  <dd>
                    <Badge tone={securityTone(method, effective.securityLevel)}>{securityLevelName(method, effective.securityLevel)}</Badge>{' '}
                    <span className="muted small">{t('classification.effectiveRaised')}</span>
                  </dd>
                </div>
              )}
              <div>
                <dt>{t('classification.reviewDue')}</dt>
                <dd className={review === 'overdue' ? 'review review--overdue' : 'review'}>
                  {formatDay(locale, latest.reviewDue) ?? t('common.none')}{' '}
                  {review === 'overdue' && <Badge tone="danger">{t('classification.status.overdue')}</Badge>}
                  {review === 'due-soon' && <Badge tone="warning">{t('classification.status.due-soon')}</Badge>}
                </dd>
              </div>
              <div>
                <dt>{t('classification.classified')}</dt>
                <dd>
                  {latestBy
                    ? t('classification.history.byOn', { name: latestBy, date: formatDateTime(latest.classifiedAt) })
                    : formatDateTime(latest.classifiedAt)}
                </dd>
              </div>
            </dl>
          ) : (
            <>
              <p className="alert alert--warning classification__none">{t('classification.notClassified', { method: method.name })}</p>
              {effective?.securityLevel && (
                <dl className="summary-list summary-list--inline">
                  <div>
                    <dt>{t('classification.effectiveLevel')}</dt>
                    <dd>
                      <Badge tone={securityTone(method, effective.securityLevel)}>
                        {securityLevelName(method, effective.securityLevel)}
                      </Badge>{' '}
                      <span className="muted small">{t('classification.effectiveRaised')}</span>
                    </dd>
                  </div>
                </dl>
              )}
            </>
          )}

          {effective?.provenance.some((p) => p.source !== 'unset') && (
            <div className="table-wrap">
              <table className="table table--classification">
                <caption className="visually-hidden">{t('classification.levelsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('classification.dimension')}</th>
                    <th scope="col">{t('classification.ownLevel')}</th>
                    <th scope="col">{t('classification.effective')}</th>
                    <th scope="col">{t('classification.cameFrom')}</th>
                  </tr>
                </thead>
                <tbody>
                  {method.dimensions.map((d) => {
                    const p = effective.provenance.find((x) => x.dimension === d.key);
                    const own = latest?.levels[d.key];
                    const level = effective.levels[d.key];
                    return (
                      <tr key={d.key}>
                        <th scope="row">{d.name}</th>
                        <td>
                          {own !== undefined ? levelName(method, d.key, own) : <span className="muted">{t('classification.unset')}</span>}
                        </td>
                        <td>
                          {level !== undefined ? (
                            <Badge tone={levelTone(method, d.key, level)}>{levelName(method, d.key, level)}</Badge>
                          ) : (
                            <span className="muted">{t('classification.unset')}</span>
                          )}
                        </td>
                        <td className="cell-wrap">{p ? <Source p={p} /> : null}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}

          <DeviationsSection key={method.key} system={system} method={method} onChanged={current.reload} />

          <details className="history">
            <summary className="history__summary">
              {items.length > 0
                ? tp('classification.history.title', items.length, { count: items.length })
                : t('classification.history.titlePlain')}
            </summary>
            {history.loading && !history.data ? (
              <Loading />
            ) : history.error ? (
              <LoadError error={history.error} onRetry={history.reload} />
            ) : items.length === 0 ? (
              <p className="muted">{t('classification.history.empty')}</p>
            ) : (
              <HistoryList method={method} items={items} />
            )}
          </details>
        </>
      )}
    </section>
  );
}
