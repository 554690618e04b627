import { useId, useMemo, useState } from 'react';
import type { ImportPreview, ImportPreviewRow } from '../../api/registerImport';
import { Badge } from '../../components/Badge';
import { Pagination } from '../../components/Pagination';
import { useI18n } from '../../i18n';

const PAGE_SIZE = 50;
const MAX_SHOWN = 160;

/** A long cell (a description) is cut for the table; the file keeps it whole. */
const shorten = (v: string) => (v.length > MAX_SHOWN ? `${v.slice(0, MAX_SHOWN)}…` : v);

/**
 * The check of a spreadsheet: counts, the columns that are not imported, and every row with its
 * bad cells marked and explained. Rows are paged here; the server sends them all at once.
 */
export function ImportPreviewTable({ preview, fileName }: { preview: ImportPreview; fileName: string }) {
  const { t, tp, formatNumber } = useI18n();
  const filterId = useId();
  const [onlyErrors, setOnlyErrors] = useState(preview.summary.invalid > 0);
  const [page, setPage] = useState(1);
  const columns = preview.columns.filter((c): c is typeof c & { field: string } => c.status === 'mapped' && c.field !== null);
  const shownFields = new Set(columns.map((c) => c.field));
  const ignored = preview.columns.filter((c) => c.status === 'ignored' && c.header !== '').map((c) => c.header);
  const readOnly = preview.columns.filter((c) => c.status === 'read-only').map((c) => c.header);
  const rows = useMemo(() => (onlyErrors ? preview.rows.filter((r) => r.errors.length > 0) : preview.rows), [preview, onlyErrors]);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const visible = rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const { summary } = preview;

  return (
    <section className="stack" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title" className="section-title">
        {t('systems.import.previewTitle')}
      </h2>
      <dl className="summary-list summary-list--inline card card--flat import-summary">
        <div>
          <dt>{t('systems.import.summaryRows')}</dt>
          <dd>{formatNumber(summary.total)}</dd>
        </div>
        <div>
          <dt>{t('systems.import.summaryValid')}</dt>
          <dd>{formatNumber(summary.valid)}</dd>
        </div>
        <div>
          <dt>{t('systems.import.summaryInvalid')}</dt>
          <dd className={summary.invalid > 0 ? 'import-summary__bad' : undefined}>{formatNumber(summary.invalid)}</dd>
        </div>
        <div>
          <dt>{t('systems.import.summaryDuplicates')}</dt>
          <dd className={summary.duplicates > 0 ? 'import-summary__bad' : undefined}>{formatNumber(summary.duplicates)}</dd>
        </div>
      </dl>
      {ignored.length > 0 && <p className="alert alert--warning">{t('systems.import.ignoredColumns', { columns: ignored.join(', ') })}</p>}
      {readOnly.length > 0 && <p className="muted">{t('systems.import.readOnlyColumns', { columns: readOnly.join(', ') })}</p>}
      <label className="checkbox import-filter" htmlFor={filterId}>
        <input
          id={filterId}
          type="checkbox"
          checked={onlyErrors}
          onChange={(e) => {
            setOnlyErrors(e.target.checked);
            setPage(1);
          }}
        />
        <span>{t('systems.import.onlyErrors')}</span>
      </label>
      {rows.length === 0 ? (
        <p className="empty-state">{t('systems.import.noErrorRows')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table table--import">
              <caption className="visually-hidden">{t('systems.import.tableCaption', { file: fileName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('systems.import.row')}</th>
                  {columns.map((c) => (
                    <th scope="col" key={c.field}>
                      {c.header}
                    </th>
                  ))}
                  <th scope="col">{t('systems.import.problems')}</th>
                </tr>
              </thead>
              <tbody>
                {visible.map((r) => (
                  <PreviewRow key={r.row} row={r} fields={columns.map((c) => c.field)} shownFields={shownFields} />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={current} pageSize={PAGE_SIZE} total={rows.length} onPage={setPage} />
        </>
      )}
      {summary.invalid > 0 && (
        <p className="alert alert--error">{tp('systems.import.fixFirst', summary.invalid, { count: formatNumber(summary.invalid) })}</p>
      )}
    </section>
  );
}

function PreviewRow({ row, fields, shownFields }: { row: ImportPreviewRow; fields: string[]; shownFields: Set<string> }) {
  const { t, tp } = useI18n();
  const bad = row.errors.length > 0;
  // Problems of the row as a whole (or of a column not shown) go to the last cell.
  const elsewhere = row.errors.filter((e) => !shownFields.has(e.column));
  return (
    <tr className={bad ? 'import-row--invalid' : undefined}>
      <th scope="row" className="cell-num">
        {row.row}
      </th>
      {fields.map((field) => {
        const errors = row.errors.filter((e) => e.column === field);
        const value = row.values[field] ?? '';
        return (
          <td key={field} className={`cell-wrap import-cell${errors.length > 0 ? ' import-cell--invalid' : ''}`}>
            <span className="import-cell__value">{shorten(value)}</span>
            {errors.map((e) => (
              <span key={e.message} className="import-cell__error">
                {e.message}
              </span>
            ))}
          </td>
        );
      })}
      <td className="cell-wrap">
        {bad ? (
          <Badge tone="danger">{tp('systems.import.problemCount', row.errors.length)}</Badge>
        ) : (
          <Badge tone="success">{t('systems.import.ok')}</Badge>
        )}
        {elsewhere.map((e) => (
          <span key={`${e.column}|${e.message}`} className="import-cell__error">
            {e.column ? `${e.column}: ${e.message}` : e.message}
          </span>
        ))}
      </td>
    </tr>
  );
}
