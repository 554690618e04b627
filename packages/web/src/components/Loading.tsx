import { useT } from '../i18n';

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('app.loading')}
    </p>
  );
}

export function FullPageLoading() {
  return (
    <div className="full-page-loading">
      <Loading />
    </div>
  );
}
