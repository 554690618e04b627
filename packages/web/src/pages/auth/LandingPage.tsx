import { Navigate } from 'react-router-dom';
import { api } from '../../api/client';
import type { SetupStatus } from '../../api/types';
import { LoadError } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { PublicLayout } from '../../components/PublicLayout';
import { useApi } from '../../hooks/useApi';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useT } from '../../i18n';

/** "/" for a visitor who is not logged in: either "set-up required" or the login page. */
export function LandingPage() {
  const t = useT();
  usePageTitle(t('landing.title'));
  const status = useApi(
    (signal) =>
      api.get<SetupStatus>('/setup/status', undefined, {
        signal,
        public: true,
      }),
    '',
  );

  if (status.data && !status.data.needsSetup) return <Navigate to="/login" replace />;

  return (
    <PublicLayout>
      {status.loading && <Loading />}
      {!status.loading && status.error ? <LoadError error={status.error} onRetry={status.reload} /> : null}
      {status.data?.needsSetup && (
        <>
          <h1 className="public-card__title">{t('landing.needsSetupTitle')}</h1>
          <p>{t('landing.needsSetupText')}</p>
          <p className="muted">{t('landing.needsSetupHint')}</p>
        </>
      )}
    </PublicLayout>
  );
}
