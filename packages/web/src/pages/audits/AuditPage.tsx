import { useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { type Audit, auditApiPath } from '../../api/audits';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { AccessDenied } from '../../components/AccessDenied';
import { Badge } from '../../components/Badge';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { isForbidden } from '../../components/errors';
import { LoadError, Notice } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { PageHeader, PageTitle } from '../../components/PageHeader';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { formatDay, securityLevelName, securityTone, useMethod } from '../systems/classificationView';
import { noticeOf } from '../systems/vocab';
import { AuditorsSection } from './AuditorsSection';
import { AuditProgressCard } from './AuditProgressCard';
import { AuditStepper } from './AuditStepper';
import { AuditStatusBadge } from './bits';
import { ConclusionSection } from './ConclusionSection';
import { FieldworkSection } from './FieldworkSection';
import { FindingsSection } from './FindingsSection';
import { ReportButton } from './ReportButton';
import { useFamilies } from './useFamilies';
import { AUDITS_PATH } from './vocab';

/** /audits/:id: an audit from planning to its conclusion — scope, auditors, fieldwork, findings. */
export function AuditPage() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const { id = '' } = useParams();
  const location = useLocation();
  const method = useMethod().data?.method;
  const families = useFamilies();
  const res = useApi((signal) => api.get<Audit>(auditApiPath(id), undefined, { signal }), id);
  const audit = res.data?.id === id ? res.data : undefined;
  const [notice, setNotice] = useState(() => noticeOf(location.state));
  const [fieldworkKey, setFieldworkKey] = useState(0);
  const manage = can('audits:plan');

  if (isForbidden(res.error)) return <AccessDenied />;
  if (!audit || res.error) {
    return (
      <>
        <PageTitle title={t('audits.title')} />
        {res.loading ? <Loading /> : <LoadError error={res.error} onRetry={res.reload} />}
      </>
    );
  }

  const assess = audit.isAuditor && can('audits:assess');
  const fieldwork = assess && audit.status === 'fieldwork';
  const changed = (next: Audit) => {
    setNotice('');
    res.setData(() => next);
    setFieldworkKey((k) => k + 1);
  };
  /** After a result or finding: the progress and findings come from the audit. */
  const refresh = () => {
    api
      .get<Audit>(auditApiPath(id))
      .then((next) => res.setData(() => next))
      .catch(() => undefined);
  };

  return (
    <>
      <Breadcrumbs label={t('audits.breadcrumb')} items={[{ label: t('audits.title'), to: AUDITS_PATH }, { label: audit.ref }]} />
      <PageHeader
        title={audit.title}
        intro={
          <span className="badge-row audit-header">
            <span className="audit-ref audit-ref--large">{audit.ref}</span>
            <AuditStatusBadge status={audit.status} />
            <span className="muted">
              {t('audits.period', { start: formatDay(locale, audit.periodStart) ?? '', end: formatDay(locale, audit.periodEnd) ?? '' })}
            </span>
          </span>
        }
        actions={
          <div className="form-actions">
            {fieldwork && (
              <a href="#audit-fieldwork-title" className="button button--primary">
                {t('audits.fieldwork.jump')}
              </a>
            )}
            <ReportButton kind="audit" subjectId={audit.id} label={t('audits.report.audit')} />
          </div>
        }
      />
      <Notice>{notice}</Notice>
      {audit.isAuditor && <p className="alert alert--info">{t('audits.youAudit')}</p>}
      <AuditStepper audit={audit} manage={manage} onChanged={changed} />
      <div className="audit-layout">
        <div className="audit-layout__main stack">
          <AuditProgressCard progress={audit.progress} />
          <FindingsSection
            audit={audit}
            canRecord={assess && (audit.status === 'fieldwork' || audit.status === 'reporting')}
            onRecorded={refresh}
          />
          <ConclusionSection key={`${audit.id}-${audit.status}`} audit={audit} manage={manage} onChanged={changed} />
        </div>
        <div className="audit-layout__side stack">
          <section className="card card--flat audits-card" aria-labelledby="audit-scope-title">
            <h2 id="audit-scope-title" className="card__title">
              {t('audits.scope.title')}
            </h2>
            <dl className="summary-list">
              <div>
                <dt>{t('audits.scope.systems')}</dt>
                <dd>
                  {audit.systems.length === 0 ? (
                    t('common.none')
                  ) : (
                    <ul className="scope-list">
                      {audit.systems.map((s) => (
                        <li key={s.id}>
                          <span>{s.name}</span>{' '}
                          {s.securityLevel && (
                            <Badge tone={securityTone(method, s.securityLevel)}>
                              {securityLevelName(method, s.securityLevel) ?? s.securityLevel}
                            </Badge>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
              {audit.components.length > 0 && (
                <div>
                  <dt>{t('audits.scope.components')}</dt>
                  <dd>{audit.components.map((c) => c.name).join(', ')}</dd>
                </div>
              )}
              <div>
                <dt>{t('audits.scope.families')}</dt>
                <dd>
                  {audit.families.length === 0 ? t('audits.scope.allFamilies') : audit.families.map((f) => families.title(f)).join(', ')}
                </dd>
              </div>
              <div>
                <dt>{t('audits.scope.method')}</dt>
                <dd className="pre-line">{audit.method || t('common.none')}</dd>
              </div>
            </dl>
          </section>
          <AuditorsSection audit={audit} manage={manage} onChanged={changed} />
        </div>
      </div>
      <FieldworkSection key={fieldworkKey} audit={audit} editable={fieldwork} onRecorded={refresh} />
    </>
  );
}
