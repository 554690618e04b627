import { ApiError, NETWORK_ERROR } from '../api/client';
import type { Translate } from '../i18n';

/** A plain-language message for any error thrown by the API client. */
export function describeError(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) return t('errors.network');
    if (error.message) return error.message;
    switch (error.code) {
      case 'RATE_LIMITED':
        return t('errors.rateLimited');
      case 'CSRF':
        return t('errors.csrf');
      case 'NOT_FOUND':
        return t('errors.notFound');
      case 'CONFLICT':
        return t('errors.conflict');
      case 'FORBIDDEN':
        return t('access.deniedText');
      default:
        return t('errors.generic');
    }
  }
  return t('errors.generic');
}

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.code !== 'CSRF';
}

export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldErrors() : {};
}
