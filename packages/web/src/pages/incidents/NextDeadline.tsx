import type { IncidentListItem } from '../../api/incidents';
import { useT } from '../../i18n';
import { Countdown } from './bits';
import { stageLabel } from './vocab';

/** The next NIS2 / GDPR deadline of a list item: its stage and a live countdown; nothing when none runs. */
export function NextDeadline({ item }: { item: Pick<IncidentListItem, 'nextDeadline' | 'significant' | 'awareAt'> }) {
  const t = useT();
  if (!item.nextDeadline) {
    return (
      <span className="muted small">
        {item.significant || item.awareAt ? t('incidents.deadline.noneOpen') : t('incidents.deadline.none')}
      </span>
    );
  }
  return (
    <span className="next-deadline">
      <span className="next-deadline__stage">{stageLabel(t, item.nextDeadline.stage)}</span>
      <Countdown due={item.nextDeadline.due} />
    </span>
  );
}
