import { isStatus } from '../../api/baselines';
import { Badge } from '../../components/Badge';
import { useT } from '../../i18n';
import { STATUS_TONE, statusLabel } from './status';

export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  // "Not applicable" is set apart from "Not started" by its outline (same neutral colours).
  if (status === 'not-applicable') return <span className="badge badge--neutral badge--outline">{statusLabel(t, status)}</span>;
  return <Badge tone={isStatus(status) ? STATUS_TONE[status] : 'neutral'}>{statusLabel(t, status)}</Badge>;
}
