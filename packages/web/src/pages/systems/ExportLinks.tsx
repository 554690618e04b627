import type { Query } from '../../api/client';
import { exportUrl } from '../../api/registerImport';
import { useT } from '../../i18n';

/** Plain download links of the register as CSV and XLSX, with the list's current search and filters. */
export function ExportLinks({ filters }: { filters: Query }) {
  const t = useT();
  return (
    <>
      <a className="button button--secondary" href={exportUrl('csv', filters)} download title={t('systems.export.hint')}>
        {t('systems.export.csv')}
      </a>
      <a className="button button--secondary" href={exportUrl('xlsx', filters)} download title={t('systems.export.hint')}>
        {t('systems.export.xlsx')}
      </a>
    </>
  );
}
