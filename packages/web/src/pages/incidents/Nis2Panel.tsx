import { useState } from 'react';
import type { Incident } from '../../api/incidents';
import { Badge } from '../../components/Badge';
import { useT } from '../../i18n';
import { ZonedTime } from './bits';
import { DeadlineList } from './DeadlineList';
import { SignificanceForm } from './SignificanceForm';
import { offsetLabel } from './zonedTime';

interface Props {
  incident: Incident;
  zone: string;
  manage: boolean;
  onChanged: (incident: Incident) => void;
}

/**
 * NIS2 (and, beside it, GDPR): the assessment with its criteria and the moment of awareness, then
 * the computed deadlines as live countdowns, each with its report.
 */
export function Nis2Panel({ incident: i, zone, manage, onChanged }: Props) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const assessed = i.awareAt !== null;
  const locked = i.reports.some((r) => r.sentAt !== null);
  const nis2 = i.deadlines.filter((d) => d.stage !== 'gdpr-notification');
  const gdpr = i.deadlines.filter((d) => d.stage === 'gdpr-notification');
  const criteriaText = i.significanceCriteria.filter((c) => i.criteria.includes(c.key));
  // Open and not assessed: the assessment is the next thing to do. Closed: only on request.
  const showForm = manage && (editing || (!assessed && i.status !== 'closed'));

  return (
    <section className={`card nis2-panel${i.significant ? ' nis2-panel--significant' : ''}`} aria-labelledby="nis2-title">
      <div className="card__header">
        <h2 id="nis2-title" className="card__title">
          {t('incidents.nis2.title')}
        </h2>
        {!assessed ? (
          <Badge tone="warning">{t('incidents.nis2.notAssessed')}</Badge>
        ) : i.significant ? (
          <Badge tone="danger">{t('incidents.nis2.significant')}</Badge>
        ) : (
          <Badge>{t('incidents.nis2.notSignificant')}</Badge>
        )}
      </div>
      <p className="muted small">{t('incidents.zone.panel', { zone, offset: offsetLabel(Date.now(), zone) })}</p>

      {showForm ? (
        <SignificanceForm
          incident={i}
          zone={zone}
          awareLocked={locked}
          onSaved={(next) => {
            setEditing(false);
            onChanged(next);
          }}
          onCancel={assessed ? () => setEditing(false) : undefined}
        />
      ) : !assessed ? (
        <>
          <p>{t('incidents.nis2.notAssessedText')}</p>
          {manage && (
            <div>
              <button type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>
                {t('incidents.nis2.assess')}
              </button>
            </div>
          )}
        </>
      ) : (
        <>
          <dl className="summary-list nis2-panel__summary">
            <div>
              <dt>{t('incidents.nis2.assessment')}</dt>
              <dd>
                {i.significant ? t('incidents.nis2.significantText') : t('incidents.nis2.notSignificantText')}
                {criteriaText.length > 0 && (
                  <ul className="nis2-panel__criteria">
                    {criteriaText.map((c) => (
                      <li key={c.key}>{c.text}</li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('incidents.nis2.awareAt')}</dt>
              <dd>{i.awareAt && <ZonedTime iso={i.awareAt} zone={zone} />}</dd>
            </div>
          </dl>
          {manage && (
            <div>
              <button type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>
                {t('incidents.nis2.change')}
              </button>
            </div>
          )}
        </>
      )}

      {!showForm && i.significant && nis2.length > 0 && (
        <div className="stack">
          <h3 className="subsection-title">{t('incidents.nis2.deadlinesTitle')}</h3>
          <p className="muted small">{t('incidents.nis2.deadlinesIntro')}</p>
          <DeadlineList incidentId={i.id} deadlines={nis2} zone={zone} label={t('incidents.nis2.deadlinesTitle')} />
        </div>
      )}

      {i.personalData && (
        <div className="stack gdpr-clock">
          <h3 className="subsection-title">{t('incidents.gdpr.title')}</h3>
          <p className="muted small">{t('incidents.gdpr.intro')}</p>
          {gdpr.length > 0 ? (
            <DeadlineList incidentId={i.id} deadlines={gdpr} zone={zone} label={t('incidents.gdpr.title')} />
          ) : (
            <p className="alert alert--warning">{t('incidents.gdpr.needsAwareness')}</p>
          )}
        </div>
      )}
    </section>
  );
}
