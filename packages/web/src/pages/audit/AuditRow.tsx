import { useState } from 'react';
import type { AuditEntry } from '../../api/types';
import { useI18n } from '../../i18n';
import { AuditDiff } from './AuditDiff';

export function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t, formatDateTime } = useI18n();
  const [open, setOpen] = useState(false);
  const detailsId = `audit-details-${entry.seq}`;
  const hasDetails = entry.before !== null || entry.after !== null;

  return (
    <>
      <tr className={open ? 'is-expanded' : undefined}>
        <td className="cell-num">{entry.seq}</td>
        <td>
          <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
        </td>
        <td className="cell-wrap">{entry.actorEmail ?? t('audit.system')}</td>
        <th scope="row">
          <code>{entry.action}</code>
        </th>
        <td className="cell-wrap">
          {entry.entityType}
          {entry.entityId && <span className="muted small block mono">{entry.entityId}</span>}
        </td>
        <td>
          {hasDetails ? (
            <button
              type="button"
              className="button button--ghost button--small"
              aria-expanded={open}
              aria-controls={open ? detailsId : undefined}
              onClick={() => setOpen((o) => !o)}
            >
              {open ? t('audit.hideChanges') : t('audit.showChanges')}
              <span className="visually-hidden"> #{entry.seq}</span>
            </button>
          ) : (
            <span className="muted">{t('common.none')}</span>
          )}
        </td>
      </tr>
      {hasDetails && open && (
        <tr id={detailsId} className="details-row">
          <td colSpan={6}>
            <AuditDiff entry={entry} />
          </td>
        </tr>
      )}
    </>
  );
}
