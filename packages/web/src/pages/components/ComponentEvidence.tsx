import type { Evidence } from '../../api/baselines';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { EvidenceSection } from '../requirements/EvidenceSection';

interface Props {
  /** The component implementation (component requirement) id. */
  implId: string;
  editable: boolean;
  /** After a file or link is added or removed (the table's counts change). */
  onChanged: () => void;
}

/** The files and links behind one of a component's implementations; every system using it shows them as inherited. */
export function ComponentEvidence({ implId, editable, onChanged }: Props) {
  const { t, formatNumber } = useI18n();
  const base = `/component-requirements/${encodeURIComponent(implId)}/evidence`;
  const res = useApi((signal) => api.get<{ items: Evidence[] }>(base, undefined, { signal }), base);
  if (res.error) return <ErrorAlert error={res.error} />;
  if (!res.data) return <Loading />;
  return (
    <EvidenceSection
      base={base}
      evidence={res.data.items}
      note={t('components.impl.evidenceNote', { count: formatNumber(res.data.items.length) })}
      editable={editable}
      onChange={(items) => {
        res.setData(() => ({ items }));
        onChanged();
      }}
    />
  );
}
