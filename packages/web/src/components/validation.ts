import type { FieldErrors } from '../hooks/useSubmit';
import type { Translate } from '../i18n';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requireFields(t: Translate, values: Record<string, string>, errors: FieldErrors = {}): FieldErrors {
  for (const [field, value] of Object.entries(values)) {
    if (!value.trim() && !errors[field]) errors[field] = t('common.required');
  }
  return errors;
}

export function checkEmail(t: Translate, field: string, value: string, errors: FieldErrors): FieldErrors {
  if (value.trim() && !EMAIL.test(value.trim()) && !errors[field]) errors[field] = t('common.invalidEmail');
  return errors;
}

export function checkConfirm(t: Translate, password: string, confirm: string, errors: FieldErrors): FieldErrors {
  if (confirm && password !== confirm && !errors.confirmPassword) errors.confirmPassword = t('common.passwordsDiffer');
  return errors;
}
