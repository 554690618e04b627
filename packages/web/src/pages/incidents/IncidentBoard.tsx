import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Board } from '../../api/incidents';
import { EmptyState, LoadError } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { SeverityBadge, SignificantBadge } from './bits';
import { NextDeadline } from './NextDeadline';
import { incidentPath, statusLabel } from './vocab';

/** The board: one column per status (closed: the last 30 days), a card per incident with its next deadline. */
export function IncidentBoard({ typeLabel }: { typeLabel: (key: string | null) => string }) {
  const { t, formatNumber } = useI18n();
  const res = useApi((signal) => api.get<Board>('/incidents/board', undefined, { signal }), 'incident-board');
  if (res.error) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  const columns = res.data.columns;
  if (columns.every((c) => c.count === 0)) return <EmptyState>{t('incidents.board.empty')}</EmptyState>;
  return (
    <div className="incident-board" aria-busy={res.loading}>
      {columns.map((c) => {
        const headingId = `board-${c.status}`;
        return (
          <section key={c.status} className={`incident-board__column incident-board__column--${c.status}`} aria-labelledby={headingId}>
            <h3 id={headingId} className="incident-board__title">
              <span>{statusLabel(t, c.status)}</span>
              <span className="incident-board__count">{formatNumber(c.count)}</span>
            </h3>
            {c.status === 'closed' && <p className="muted small">{t('incidents.board.closedNote')}</p>}
            {c.items.length === 0 ? (
              <p className="incident-board__empty muted small">{t('incidents.board.none')}</p>
            ) : (
              <ul className="incident-board__cards">
                {c.items.map((i) => (
                  <li key={i.id} className={`incident-card incident-card--${i.severity}`}>
                    <span className="incident-ref">{i.ref}</span>
                    <Link to={incidentPath(i.id)} className="incident-card__title">
                      {i.title}
                    </Link>
                    <span className="badge-row">
                      <SeverityBadge severity={i.severity} />
                      {i.significant && <SignificantBadge />}
                    </span>
                    <span className="muted small">{typeLabel(i.type)}</span>
                    {c.status !== 'closed' && <NextDeadline item={i} />}
                    <span className="muted small">
                      {i.handlerName ? t('incidents.board.handler', { name: i.handlerName }) : t('incidents.noHandler')}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {c.count > c.items.length && (
              <Link to={`/incidents?status=${c.status}`} className="small">
                {t('incidents.board.more', { count: formatNumber(c.count - c.items.length) })}
              </Link>
            )}
          </section>
        );
      })}
    </div>
  );
}
