import type { CatalogKind } from '../../api/types';
import { Badge } from '../../components/Badge';
import { useT } from '../../i18n';

export function KindBadge({ kind }: { kind: CatalogKind }) {
  const t = useT();
  return (
    <Badge tone={kind === 'profile' ? 'info' : 'neutral'}>
      {kind === 'profile' ? t('catalogs.kindProfile') : t('catalogs.kindCatalog')}
    </Badge>
  );
}

export function BuiltInBadge() {
  const t = useT();
  return <Badge tone="success">{t('catalogs.builtIn')}</Badge>;
}

export function WithdrawnBadge() {
  const t = useT();
  return <Badge tone="warning">{t('catalogs.withdrawn')}</Badge>;
}
