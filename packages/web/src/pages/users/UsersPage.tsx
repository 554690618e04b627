import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { AccessDenied } from '../../components/AccessDenied';
import { PageHeader } from '../../components/PageHeader';
import { Tabs } from '../../components/Tabs';
import { useRoleOptions } from '../../hooks/useRoles';
import { useT } from '../../i18n';
import { InvitationsTab } from './InvitationsTab';
import { UsersTab } from './UsersTab';

type TabKey = 'users' | 'invitations';

export function UsersPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const active: TabKey = params.get('tab') === 'invitations' ? 'invitations' : 'users';
  const roles = useRoleOptions();
  const [forbidden, setForbidden] = useState(false);

  if (forbidden) return <AccessDenied />;
  return (
    <>
      <PageHeader title={t('users.title')} />
      <Tabs<TabKey>
        label={t('users.tabs')}
        tabs={[
          { key: 'users', label: t('users.tabUsers') },
          { key: 'invitations', label: t('users.tabInvitations') },
        ]}
        active={active}
        onChange={(key) => setParams(key === 'users' ? {} : { tab: key }, { replace: true })}
      >
        {active === 'users' ? <UsersTab roles={roles} onForbidden={() => setForbidden(true)} /> : <InvitationsTab roles={roles} />}
      </Tabs>
    </>
  );
}
