import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { AccessDenied } from './AccessDenied';
import { describeError, isForbidden } from './errors';

/** An error announced to screen readers. */
export function ErrorAlert({ error, children }: { error?: unknown; children?: ReactNode }) {
  const t = useT();
  if (!children && !error) return null;
  return (
    <div className="alert alert--error" role="alert">
      {children ?? describeError(t, error)}
    </div>
  );
}

/** A polite success / info message. */
export function Notice({ children, tone = 'success' }: { children: ReactNode; tone?: 'success' | 'info' }) {
  if (!children) return null;
  return (
    <div className={`alert alert--${tone}`} role="status">
      {children}
    </div>
  );
}

/** Error while loading data: 403 becomes "Access denied", anything else a retryable alert. */
export function LoadError({ error, onRetry, asPage }: { error: unknown; onRetry?: () => void; asPage?: boolean }) {
  const t = useT();
  if (isForbidden(error)) return <AccessDenied asPage={asPage ?? false} />;
  return (
    <div className="alert alert--error" role="alert">
      <p>
        {t('errors.loadFailed')} {describeError(t, error)}
      </p>
      {onRetry && (
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="empty-state">{children}</p>;
}
