import { useT } from '../i18n';
import { describeError } from './errors';

/** The form-level error: client validation summary or the server's message. */
export function FormError({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  const text = typeof error === 'string' ? (error === 'invalid' ? t('common.fixErrors') : error) : describeError(t, error);
  return (
    <div className="alert alert--error" role="alert">
      {text}
    </div>
  );
}
