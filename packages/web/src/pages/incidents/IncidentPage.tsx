import { useEffect, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { type Incident, incidentApiPath } from '../../api/incidents';
import { useAuth } from '../../auth/AuthContext';
import { AccessDenied } from '../../components/AccessDenied';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { isForbidden } from '../../components/errors';
import { LoadError, Notice } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { PageHeader, PageTitle } from '../../components/PageHeader';
import { useApi } from '../../hooks/useApi';
import { useT } from '../../i18n';
import { noticeOf } from '../systems/vocab';
import { ActionsSection } from './ActionsSection';
import { AffectedSystems } from './AffectedSystems';
import { SeverityBadge, SignificantBadge, StatusBadge } from './bits';
import { CloseDialog } from './CloseDialog';
import { syncWithServer } from './clock';
import { IncidentDetails } from './IncidentDetails';
import { useThreats } from './lookups';
import { Nis2Panel } from './Nis2Panel';
import { StatusStepper } from './StatusStepper';
import { TimelineSection } from './TimelineSection';
import { INCIDENTS_PATH } from './vocab';
import { safeZone } from './zonedTime';

/** /incidents/:id: handling from report to closure, with the NIS2 clocks in view. */
export function IncidentPage() {
  const t = useT();
  const { can } = useAuth();
  const { id = '' } = useParams();
  const location = useLocation();
  const threats = useThreats();
  const res = useApi((signal) => api.get<Incident>(incidentApiPath(id), undefined, { signal }), id);
  const incident = res.data?.id === id ? res.data : undefined;
  const [closing, setClosing] = useState(false);
  const [notice, setNotice] = useState(() => noticeOf(location.state));
  const manage = can('incidents:manage');

  useEffect(() => {
    if (incident) syncWithServer(incident.deadlines);
  }, [incident]);

  if (isForbidden(res.error)) return <AccessDenied />;
  if (!incident || res.error) {
    return (
      <>
        <PageTitle title={t('incidents.title')} />
        {res.loading ? <Loading /> : <LoadError error={res.error} onRetry={res.reload} />}
      </>
    );
  }

  const zone = safeZone(incident.timeZone);
  const changed = (next: Incident) => {
    setNotice('');
    res.setData(() => next);
  };

  return (
    <>
      <Breadcrumbs
        label={t('incidents.breadcrumb')}
        items={[{ label: t('incidents.title'), to: INCIDENTS_PATH }, { label: incident.ref }]}
      />
      <PageHeader
        title={incident.title}
        intro={
          <span className="badge-row incident-header">
            <span className="incident-ref incident-ref--large">{incident.ref}</span>
            <StatusBadge status={incident.status} />
            <SeverityBadge severity={incident.severity} />
            {incident.significant && <SignificantBadge />}
            <span className="muted">
              {incident.handlerName ? t('incidents.handledBy', { name: incident.handlerName }) : t('incidents.noHandler')}
            </span>
          </span>
        }
      />
      <Notice>{notice}</Notice>
      {!manage && <p className="alert alert--info">{t('incidents.readOnlyNote')}</p>}
      <StatusStepper incident={incident} manage={manage} onChanged={changed} onClose={() => setClosing(true)} />
      <div className="incident-layout">
        <div className="incident-layout__main stack">
          <Nis2Panel incident={incident} zone={zone} manage={manage} onChanged={changed} />
          {incident.status === 'closed' && (
            <section className="card card--flat" aria-labelledby="incident-closure-title">
              <h2 id="incident-closure-title" className="card__title">
                {t('incidents.close.summaryTitle')}
              </h2>
              <dl className="summary-list">
                <div>
                  <dt>{t('incidents.close.rootCause')}</dt>
                  <dd className="incident-text">{incident.rootCause}</dd>
                </div>
                <div>
                  <dt>{t('incidents.close.lessons')}</dt>
                  <dd className="incident-text">{incident.lessonsLearned}</dd>
                </div>
              </dl>
            </section>
          )}
          <TimelineSection incident={incident} zone={zone} manage={manage} onChanged={changed} onReload={res.reload} />
          <ActionsSection incident={incident} manage={manage} onChanged={changed} />
        </div>
        <div className="incident-layout__side stack">
          <IncidentDetails
            incident={incident}
            zone={zone}
            manage={manage}
            threatOptions={threats.options}
            typeLabel={threats.label}
            onChanged={changed}
          />
          <AffectedSystems key={incident.systems.map((s) => s.id).join()} incident={incident} manage={manage} onChanged={changed} />
        </div>
      </div>
      {manage && (
        <CloseDialog
          key={`${incident.id}-${closing}`}
          open={closing}
          incident={incident}
          onCancel={() => setClosing(false)}
          onClosed={(next) => {
            setClosing(false);
            changed(next);
            setNotice(t('incidents.close.done', { ref: next.ref }));
          }}
        />
      )}
    </>
  );
}
