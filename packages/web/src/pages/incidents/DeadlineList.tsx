import { Link } from 'react-router-dom';
import type { Deadline } from '../../api/incidents';
import { useAuth } from '../../auth/AuthContext';
import { useT } from '../../i18n';
import { Countdown, DeadlineStateBadge, ZonedTime } from './bits';
import { liveState, useNow } from './clock';
import { reportPath, stageLabel } from './vocab';

interface Props {
  incidentId: string;
  deadlines: Deadline[];
  zone: string;
  label: string;
}

/** Each reporting deadline: when it is due (on the organisation's clock), a live countdown, and its report. */
export function DeadlineList({ incidentId, deadlines, zone, label }: Props) {
  const t = useT();
  const now = useNow();
  // The reports themselves are for those who see every incident (the handlers' file to the authority).
  const readReports = useAuth().can('incidents:read');
  return (
    <ul className="deadline-list" aria-label={label}>
      {deadlines.map((d) => {
        const state = liveState(d, now);
        const headingId = `deadline-${d.stage}`;
        return (
          <li key={d.stage} className={`deadline deadline--${state}`} aria-labelledby={headingId}>
            <div className="deadline__head">
              <h4 id={headingId} className="deadline__stage">
                {stageLabel(t, d.stage)}
              </h4>
              <DeadlineStateBadge due={d.due} state={d.state} />
            </div>
            {d.due ? (
              <p className="deadline__due">
                {t('incidents.deadline.due')} <ZonedTime iso={d.due} zone={zone} />
                <span className="muted"> · {d.basis}</span>
              </p>
            ) : (
              <p className="deadline__due">
                <span className="muted">{d.basis}</span>
              </p>
            )}
            {d.sentAt ? (
              <p className="deadline__sent">
                {t(d.state === 'sent-late' ? 'incidents.deadline.sentLate' : 'incidents.deadline.sent')}{' '}
                <ZonedTime iso={d.sentAt} zone={zone} />
              </p>
            ) : d.due ? (
              <Countdown due={d.due} state={d.state} className="deadline__countdown" />
            ) : (
              <p className="deadline__waiting">
                {t(d.stage === 'final-report' ? 'incidents.deadline.waitingFinal' : 'incidents.deadline.waiting')}
              </p>
            )}
            {readReports && (
              <div>
                <Link
                  to={reportPath(incidentId, d.stage)}
                  className={`button button--small ${d.sentAt ? 'button--secondary' : 'button--primary'}`}
                  aria-label={t(d.sentAt ? 'incidents.deadline.viewReportNamed' : 'incidents.deadline.openReportNamed', {
                    stage: stageLabel(t, d.stage),
                  })}
                >
                  {t(d.sentAt ? 'incidents.deadline.viewReport' : 'incidents.deadline.openReport')}
                </Link>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
