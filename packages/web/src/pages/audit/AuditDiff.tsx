import type { AuditEntry, Json } from '../../api/types';
import { Badge, type Tone } from '../../components/Badge';
import { type Translate, useI18n } from '../../i18n';
import { type DiffKind, diffObjects } from './diff';

const KIND_TONE: Record<DiffKind, Tone> = {
  added: 'success',
  removed: 'danger',
  changed: 'warning',
  unchanged: 'neutral',
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

interface Fmt {
  t: Translate;
  formatDateTime: (iso: string) => string;
}

function formatValue(f: Fmt, v: Json | undefined): string {
  const { t } = f;
  if (v === undefined || v === null || v === '') return t('audit.emptyValue');
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (Array.isArray(v)) return v.length ? v.map((x) => formatValue(f, x)).join(', ') : t('audit.emptyValue');
  if (typeof v === 'object') return Object.keys(v).length ? JSON.stringify(v) : t('audit.emptyValue');
  if (typeof v === 'string' && ISO_INSTANT.test(v)) return f.formatDateTime(v);
  return String(v);
}

/** Before/after of an audit entry as a readable field-by-field table. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const fmt = useI18n();
  const { t } = fmt;
  const rows = diffObjects(entry.before, entry.after);
  if (rows.length === 0) return <p className="muted">{t('audit.noChanges')}</p>;
  return (
    <table className="table table--diff">
      <caption className="visually-hidden">{t('audit.changesFor', { seq: entry.seq })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('audit.field')}</th>
          <th scope="col">{t('audit.changes')}</th>
          <th scope="col">{t('audit.before')}</th>
          <th scope="col">{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field} className={`diff-row diff-row--${row.kind}`}>
            <th scope="row">
              <code>{row.field}</code>
            </th>
            <td>
              <Badge tone={KIND_TONE[row.kind]}>{t(`audit.${row.kind}`)}</Badge>
            </td>
            <td className="cell-wrap diff-row__before">{row.kind === 'added' ? '' : formatValue(fmt, row.before)}</td>
            <td className="cell-wrap diff-row__after">{row.kind === 'removed' ? '' : formatValue(fmt, row.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
