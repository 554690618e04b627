import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { BaselineMappingSection } from './BaselineMappingSection';

/** Baseline settings: the level → catalog/profile mapping (components:manage). */
export function BaselinesPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('baselines.title')} intro={t('baselines.intro')} />
      <BaselineMappingSection />
    </>
  );
}
