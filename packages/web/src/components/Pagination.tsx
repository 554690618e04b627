import { useI18n } from '../i18n';

interface Props {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

export function Pagination({ page, pageSize, total, onPage }: Props) {
  const { t, formatNumber } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total === 0) return null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <p className="pagination__range">
        {t('pagination.range', {
          from: formatNumber(from),
          to: formatNumber(to),
          total: formatNumber(total),
        })}
      </p>
      <div className="pagination__controls">
        <button type="button" className="button button--secondary button--small" onClick={() => onPage(page - 1)} disabled={page <= 1}>
          {t('pagination.previous')}
        </button>
        <span className="pagination__page" aria-live="polite">
          {t('pagination.pageOf', {
            page: formatNumber(page),
            pages: formatNumber(pages),
          })}
        </span>
        <button type="button" className="button button--secondary button--small" onClick={() => onPage(page + 1)} disabled={page >= pages}>
          {t('pagination.next')}
        </button>
      </div>
    </nav>
  );
}
