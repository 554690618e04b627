import { Badge } from '../../components/Badge';
import { useT } from '../../i18n';
import { LIFECYCLE_TONE, PERSONAL_DATA_TONE, vocabLabel } from './vocab';

export function KindBadge({ kind }: { kind: string }) {
  const t = useT();
  return <Badge tone="info">{vocabLabel(t, 'systemKind', kind)}</Badge>;
}

export function LifecycleBadge({ lifecycle }: { lifecycle: string }) {
  const t = useT();
  return <Badge tone={LIFECYCLE_TONE[lifecycle] ?? 'neutral'}>{vocabLabel(t, 'lifecycle', lifecycle)}</Badge>;
}

/** One badge per kind of personal data, as a list. */
export function PersonalDataBadges({ values }: { values: string[] }) {
  const t = useT();
  if (values.length === 0) return <>{t('common.none')}</>;
  return (
    <ul className="badge-row">
      {values.map((v) => (
        <li key={v}>
          <Badge tone={PERSONAL_DATA_TONE[v] ?? 'neutral'}>{vocabLabel(t, 'personalData', v)}</Badge>
        </li>
      ))}
    </ul>
  );
}
