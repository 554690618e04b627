import type { Query } from '../../api/client';
import { useT } from '../../i18n';
import './reports.css';
import { exportUrl } from './reportsApi';

/** Download links of a list as CSV and XLSX, with the list's current filters (e.g. `/requirements/export`). */
export function ListExportLinks({ path, query }: { path: string; query?: Query }) {
  const t = useT();
  return (
    <span className="export-links">
      <a className="button button--secondary" href={exportUrl(path, 'csv', query)} download title={t('reports.export.hint')}>
        {t('reports.export.csv')}
      </a>
      <a className="button button--secondary" href={exportUrl(path, 'xlsx', query)} download title={t('reports.export.hint')}>
        {t('reports.export.xlsx')}
      </a>
    </span>
  );
}
