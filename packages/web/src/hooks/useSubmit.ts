import { type FormEvent, useCallback, useState } from 'react';
import { fieldErrorsOf } from '../components/errors';

export type FieldErrors = Record<string, string>;

export interface SubmitState {
  busy: boolean;
  /** An ApiError, or a plain string for client-side validation messages. */
  error: unknown;
  fieldErrors: FieldErrors;
  reset: () => void;
  /**
   * Handle a form submit: runs `validate` (client-side field errors), then
   * `action`. Server field errors (`details`) are mapped onto fields.
   */
  handle: (e: FormEvent | null, action: () => Promise<void>, validate?: () => FieldErrors, invalidMessage?: string) => Promise<void>;
}

export function useSubmit(): SubmitState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const reset = useCallback(() => {
    setError(null);
    setFieldErrors({});
  }, []);

  const handle = useCallback<SubmitState['handle']>(async (e, action, validate, invalidMessage) => {
    e?.preventDefault();
    const clientErrors = validate ? validate() : {};
    if (Object.keys(clientErrors).length > 0) {
      setFieldErrors(clientErrors);
      setError(invalidMessage ?? 'invalid');
      return;
    }
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      await action();
    } catch (err) {
      setError(err);
      setFieldErrors(fieldErrorsOf(err));
    } finally {
      setBusy(false);
    }
  }, []);

  return { busy, error, fieldErrors, reset, handle };
}
