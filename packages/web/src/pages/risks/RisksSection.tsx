import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { InfoSystem } from '../../api/register';
import type { RiskItem, Suggestion, Suggestions } from '../../api/risks';
import type { Items, Page } from '../../api/types';
import { useAuth, useMe } from '../../auth/AuthContext';
import { EmptyState, ErrorAlert, LoadError, Notice } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { useRiskMatrix } from './hooks';
import { newRiskForSystem, risksListPath } from './paths';
import { RatingBadge } from './RatingBadge';
import { RiskTable } from './RiskTable';
import './risks.css';
import { threatName } from './vocab';

function SuggestionBody({ s, bands }: { s: Suggestion; bands: readonly { key: string }[] }) {
  const { t } = useI18n();
  return (
    <span className="risk-suggestion__body">
      <span className="risk-suggestion__head">
        <strong>{threatName(t, s.threatKey, s.threatName)}</strong>
        <RatingBadge bands={bands} rating={s.rating} label={s.ratingLabel} score={s.score} />
      </span>
      <span className="checkbox__desc">{s.reason}</span>
      {s.controls.length > 0 && <span className="checkbox__desc">{t('risks.section.mitigations', { count: s.controls.length })}</span>}
    </span>
  );
}

/**
 * On the system page: the system's risks and the threats that matter for it but are not yet
 * covered (from its class, kind, sector, personal data and hosting), to record in one step.
 */
export function RisksSection({ system }: { system: InfoSystem }) {
  const { t, tp } = useI18n();
  const { can } = useAuth();
  const me = useMe();
  const readable = can('risks:read');
  const editable = can('risks:manage') || (can('systems:edit') && (can('systems:manage-all') || system.ownerId === me.id));
  const enc = encodeURIComponent(system.id);
  const [nonce, setNonce] = useState(0);
  const risks = useApi(
    (signal) =>
      readable
        ? api.get<Page<RiskItem>>('/risks', { systemId: system.id, pageSize: 50, sort: 'residual' }, { signal })
        : Promise.resolve(undefined),
    `${system.id}|${nonce}`,
  );
  const suggestions = useApi(
    (signal) => (readable ? api.get<Suggestions>(`/systems/${enc}/risks/suggestions`, undefined, { signal }) : Promise.resolve(undefined)),
    `${system.id}|${nonce}`,
  );
  const matrix = useRiskMatrix();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (!readable) return null;
  const bands = matrix.data?.matrix.bands ?? [];
  const offered = suggestions.data?.items ?? [];

  const accept = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const res = await api.post<Items<RiskItem>>(`/systems/${enc}/risks/suggestions`, { threatKeys: [...chosen] });
      setNotice(tp('risks.section.added', res.items.length, { count: res.items.length }));
      setChosen(new Set());
      setNonce((n) => n + 1);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const toggle = (key: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <section className="card card--flat risks-section" aria-labelledby="system-risks-title">
      <div className="card__header">
        <h2 id="system-risks-title" className="card__title">
          {t('risks.section.title')}
        </h2>
        <div className="form-actions">
          {editable && (
            <Link to={newRiskForSystem(system.id)} className="button button--secondary button--small">
              {t('risks.section.add')}
            </Link>
          )}
          {(risks.data?.total ?? 0) > 0 && (
            <Link to={risksListPath({ systemId: system.id })} className="button button--secondary button--small">
              {t('risks.section.openList')}
            </Link>
          )}
        </div>
      </div>
      <Notice>{notice}</Notice>
      <ErrorAlert error={error} />
      {risks.loading && !risks.data ? (
        <Loading />
      ) : risks.error || !risks.data ? (
        <LoadError error={risks.error} onRetry={risks.reload} />
      ) : risks.data.items.length === 0 ? (
        <EmptyState>{t('risks.section.none')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <RiskTable items={risks.data.items} bands={bands} caption={t('risks.section.title')} showTarget={false} />
        </div>
      )}
      {offered.length > 0 && (
        <div className="subsection risk-suggestions">
          <h3 className="subsection-title">{t('risks.section.suggestions')}</h3>
          <p className="muted small">
            {suggestions.data?.classified ? t('risks.section.suggestionsIntro') : t('risks.section.suggestionsUnclassified')}
          </p>
          <ul className="risk-suggestion-list">
            {offered.map((s) => (
              <li key={s.threatKey}>
                {editable ? (
                  <label className="checkbox risk-suggestion">
                    <input type="checkbox" checked={chosen.has(s.threatKey)} onChange={(e) => toggle(s.threatKey, e.target.checked)} />
                    <SuggestionBody s={s} bands={bands} />
                  </label>
                ) : (
                  <div className="checkbox risk-suggestion is-readonly">
                    <SuggestionBody s={s} bands={bands} />
                  </div>
                )}
              </li>
            ))}
          </ul>
          {editable && (
            <div className="form-actions">
              <button type="button" className="button button--primary" disabled={busy || chosen.size === 0} onClick={() => void accept()}>
                {chosen.size === 0 ? t('risks.section.acceptNone') : tp('risks.section.accept', chosen.size, { count: chosen.size })}
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => setChosen(new Set(offered.map((s) => s.threatKey)))}
              >
                {t('risks.section.chooseAll')}
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
