import { api } from '../../api/client';
import type { AuditVerify } from '../../api/types';
import { IconAlert, IconCheck } from '../../components/Icons';
import { Loading } from '../../components/Loading';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';

export function ChainBanner() {
  const { t, tp } = useI18n();
  const verify = useApi((signal) => api.get<AuditVerify>('/audit/verify', undefined, { signal }), '');

  if (verify.loading) return <Loading label={t('audit.chainChecking')} />;
  if (verify.error || !verify.data) {
    return (
      <div className="banner banner--warning" role="alert">
        <IconAlert className="banner__icon" />
        <p>{t('audit.chainUnknown')}</p>
      </div>
    );
  }
  const v = verify.data;
  if (v.ok) {
    return (
      <div className="banner banner--success" role="status">
        <IconCheck className="banner__icon" />
        <p>{tp('audit.chainOk', v.checked)}</p>
      </div>
    );
  }
  return (
    <div className="banner banner--danger" role="alert">
      <IconAlert className="banner__icon" />
      <div>
        <p className="banner__title">{t('audit.chainBroken', { seq: v.brokenAt ?? '?' })}</p>
        {v.reason && <p>{t('audit.chainReason', { reason: v.reason })}</p>}
      </div>
    </div>
  );
}
