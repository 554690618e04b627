import { useState } from 'react';
import { api } from '../../api/client';
import type { Organisation } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { AccessDenied } from '../../components/AccessDenied';
import { isForbidden } from '../../components/errors';
import { LoadError } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../hooks/useApi';
import { useT } from '../../i18n';
import { ClassificationMethodSection } from './ClassificationMethodSection';
import { DepartmentsSection } from './DepartmentsSection';
import { OrgSettingsForm } from './OrgSettingsForm';
import { OwnMethodsSection } from './OwnMethodsSection';

export function OrganisationPage() {
  const t = useT();
  const { can } = useAuth();
  const [methodChanges, setMethodChanges] = useState(0);
  const org = useApi((signal) => api.get<Organisation>('/organisation', undefined, { signal }), '');

  if (isForbidden(org.error)) return <AccessDenied />;
  return (
    <>
      <PageHeader title={t('organisation.title')} />
      {org.loading && !org.data ? (
        <Loading />
      ) : org.error ? (
        <LoadError error={org.error} onRetry={org.reload} />
      ) : org.data ? (
        <OrgSettingsForm org={org.data} onSaved={(next) => org.setData(() => next)} />
      ) : null}
      <DepartmentsSection />
      {can('systems:manage-all') && <ClassificationMethodSection onChanged={() => setMethodChanges((n) => n + 1)} />}
      {can('systems:manage-all') && <OwnMethodsSection refresh={methodChanges} />}
    </>
  );
}
