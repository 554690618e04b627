import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { Notice } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { useMethod } from '../systems/classificationView';
import { noticeOf } from '../systems/vocab';
import { AuditList } from './AuditList';
import { AuditsNav } from './bits';
import { CalendarSection } from './CalendarSection';
import { CyclesSection } from './CyclesSection';
import { PLAN_AUDIT_PATH } from './vocab';

/**
 * /audits: the audit programme. The calendar of what is due and overdue, the cycle per security
 * level, and the audits themselves. Filters and pages live in the URL.
 */
export function AuditProgrammePage() {
  const t = useT();
  const { can } = useAuth();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const method = useMethod().data?.method;
  const [calendarKey, setCalendarKey] = useState(0);
  const num = (key: string) => Math.max(1, Math.floor(Number(params.get(key))) || 1);
  const plan = can('audits:plan');

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true, state: null },
    );

  return (
    <>
      <PageHeader
        title={t('audits.title')}
        intro={t('audits.intro')}
        actions={
          plan ? (
            <Link to={PLAN_AUDIT_PATH} className="button button--primary">
              {t('audits.plan.action')}
            </Link>
          ) : undefined
        }
      />
      <AuditsNav />
      <Notice>{noticeOf(location.state)}</Notice>
      {!can('systems:read-all') && <p className="alert alert--info">{t('audits.ownNote')}</p>}
      <AuditList
        status={params.get('status') ?? ''}
        page={num('page')}
        onStatus={(s) => update({ status: s, page: null })}
        onPage={(p) => update({ page: p > 1 ? String(p) : null })}
      />
      <CalendarSection
        key={calendarKey}
        state={params.get('state') ?? ''}
        page={num('calendarPage')}
        onState={(s) => update({ state: s, calendarPage: null })}
        onPage={(p) => update({ calendarPage: p > 1 ? String(p) : null })}
        method={method}
      />
      <CyclesSection editable={plan} onChanged={() => setCalendarKey((k) => k + 1)} />
    </>
  );
}
