import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { InfoSystem } from '../../api/register';
import { useMe } from '../../auth/AuthContext';
import { AccessDenied } from '../../components/AccessDenied';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { isForbidden } from '../../components/errors';
import { LoadError } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { PageHeader, PageTitle } from '../../components/PageHeader';
import { useApi } from '../../hooks/useApi';
import { useT } from '../../i18n';
import { SystemForm } from './SystemForm';
import { emptyValues, valuesOf } from './systemForm';
import { systemPath } from './vocab';

/** /systems/new and /systems/:id/edit. Saving goes to the system page. */
export function SystemFormPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { id } = useParams();
  const onSaved = (saved: InfoSystem) => navigate(systemPath(saved.id), { state: { notice: t('systems.saved') } });

  if (!id) {
    return (
      <>
        <Breadcrumbs
          label={t('systems.breadcrumb')}
          items={[{ label: t('systems.title'), to: '/systems' }, { label: t('systems.form.newTitle') }]}
        />
        <PageHeader title={t('systems.form.newTitle')} />
        <SystemForm system={null} initial={emptyValues(me.id)} onSaved={onSaved} />
      </>
    );
  }
  return <EditSystem id={id} onSaved={onSaved} />;
}

function EditSystem({ id, onSaved }: { id: string; onSaved: (saved: InfoSystem) => void }) {
  const t = useT();
  const res = useApi((signal) => api.get<InfoSystem>(`/systems/${encodeURIComponent(id)}`, undefined, { signal }), id);
  const system = res.data?.id === id ? res.data : undefined;

  if (isForbidden(res.error)) return <AccessDenied />;
  if (!system || res.error) {
    return (
      <>
        <PageTitle title={t('systems.title')} />
        {res.loading ? <Loading /> : <LoadError error={res.error} onRetry={res.reload} />}
      </>
    );
  }
  return (
    <>
      <Breadcrumbs
        label={t('systems.breadcrumb')}
        items={[
          { label: t('systems.title'), to: '/systems' },
          { label: system.name, to: systemPath(system.id) },
          { label: t('systems.form.editCrumb') },
        ]}
      />
      <PageHeader title={t('systems.form.editTitle', { name: system.name })} />
      <SystemForm key={system.id} system={system} initial={valuesOf(system)} onSaved={onSaved} />
    </>
  );
}
