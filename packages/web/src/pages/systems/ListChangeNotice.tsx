import type { BaselineChanges, ListChange } from '../../api/baselines';
import type { ClassificationMethod } from '../../api/classification';
import { hasMessage, type Translate, useI18n } from '../../i18n';
import { securityLevelName } from './classificationView';

/** "Classified as H", "Reclassified to H", "Baseline mapping changed", … */
export function changeCause(t: Translate, method: ClassificationMethod | undefined, c: ListChange, first = true): string {
  if (c.cause === 'classification') {
    const level = c.securityLevel ? (securityLevelName(method, c.securityLevel) ?? c.securityLevel) : null;
    if (!level) return t('requirements.change.cause.unclassified');
    return first ? t('requirements.change.cause.classification', { level }) : t('requirements.change.cause.reclassification', { level });
  }
  const key = `requirements.change.cause.${c.cause}`;
  return hasMessage(key) ? t(key) : c.cause;
}

/** "42 requirements added, 3 retired, 2 to review" (or "no change"). */
export function changeCounts(
  tp: ReturnType<typeof useI18n>['tp'],
  t: Translate,
  formatNumber: (n: number) => string,
  c: ListChange,
): string {
  const parts: string[] = [];
  if (c.added.length) parts.push(tp('requirements.change.added', c.added.length, { count: formatNumber(c.added.length) }));
  if (c.removed.length) parts.push(tp('requirements.change.removed', c.removed.length, { count: formatNumber(c.removed.length) }));
  if (c.changed.length) parts.push(tp('requirements.change.changed', c.changed.length, { count: formatNumber(c.changed.length) }));
  return parts.length ? parts.join(', ') : t('requirements.change.nothing');
}

function Ids({ title, ids }: { title: string; ids: string[] }) {
  if (ids.length === 0) return null;
  return (
    <div className="change-ids">
      <h4 className="change-ids__title">{title}</h4>
      <ul className="chip-list">
        {ids.map((id) => (
          <li key={id} className="chip">
            {id}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface Props {
  change: ListChange;
  method: ClassificationMethod | undefined;
  /** GET /systems/:id/baseline/changes, newest first (the latest is `change`). */
  history: BaselineChanges['items'];
}

/** The latest change of a system's requirement list, with the control ids behind it and the earlier changes on request. */
export function ListChangeNotice({ change, method, history }: Props) {
  const { t, tp, formatNumber, formatDateTime } = useI18n();
  const any = change.added.length + change.removed.length + change.changed.length > 0;
  // A classification after an earlier classification is a reclassification.
  const isFirst = (i: number) => !history.slice(i + 1).some((h) => h.cause === 'classification');
  const earlier = history.slice(1);
  return (
    <div className="alert alert--info list-change" role="note">
      <p>
        <strong>
          {changeCause(t, method, change, isFirst(0))}: {changeCounts(tp, t, formatNumber, change)}
        </strong>{' '}
        <span className="small">({formatDateTime(change.at)})</span>
      </p>
      {any && (
        <details className="list-change__details">
          <summary className="list-change__summary">{t('requirements.change.showIds')}</summary>
          <Ids title={t('requirements.change.addedIds')} ids={change.added} />
          <Ids title={t('requirements.change.removedIds')} ids={change.removed} />
          <Ids title={t('requirements.change.changedIds')} ids={change.changed} />
        </details>
      )}
      {earlier.length > 0 && (
        <details className="list-change__details">
          <summary className="list-change__summary">
            {tp('requirements.change.earlier', earlier.length, { count: formatNumber(earlier.length) })}
          </summary>
          <ol className="change-history">
            {earlier.map((h, i) => (
              <li key={h.id}>
                <span className="change-history__what">
                  {changeCause(t, method, h, isFirst(i + 1))}: {changeCounts(tp, t, formatNumber, h)}
                </span>{' '}
                <span className="small muted">
                  {h.byName ? t('classification.history.byOn', { name: h.byName, date: formatDateTime(h.at) }) : formatDateTime(h.at)}
                </span>
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
