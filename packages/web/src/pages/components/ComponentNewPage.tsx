import { useNavigate } from 'react-router-dom';
import type { Component } from '../../api/baselines';
import { api } from '../../api/client';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { COMPONENTS_PATH, componentPath } from '../requirements/paths';
import { ComponentForm } from './ComponentForm';

export function ComponentNewPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <>
      <Breadcrumbs
        label={t('systems.breadcrumb')}
        items={[{ label: t('components.title'), to: COMPONENTS_PATH }, { label: t('components.new') }]}
      />
      <PageHeader title={t('components.new')} intro={t('components.newIntro')} />
      <section className="card card--flat">
        <ComponentForm
          submitLabel={t('components.create')}
          onSubmit={async (input) => {
            const c = await api.post<Component>('/components', input);
            navigate(componentPath(c.id), { state: { notice: t('components.created', { name: c.name }) } });
          }}
          onCancel={() => navigate(COMPONENTS_PATH)}
        />
      </section>
    </>
  );
}
