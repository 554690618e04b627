import type { Answers, Classification, ClassificationMethod, ClassifyBody, Override, Question } from '../../api/classification';
import { ApiError } from '../../api/client';
import type { FieldErrors } from '../../hooks/useSubmit';
import type { Translate } from '../../i18n';

/** Form state: every answer as a list (one entry for single-choice questions), overrides with '' for "none". */
export interface ClassifyValues {
  answers: Record<string, string[]>;
  overrides: Record<string, Override>;
  reason: string;
}

export const questionField = (id: string) => `question-${id}`;
export const overrideLevelField = (dimension: string) => `override-${dimension}-level`;
export const overrideReasonField = (dimension: string) => `override-${dimension}-reason`;

/** Starts from the latest classification under the same method: answers and overrides (not the reason). */
export function initialValues(method: ClassificationMethod, questions: Question[], latest: Classification | null): ClassifyValues {
  const answers: Record<string, string[]> = {};
  const overrides: Record<string, Override> = {};
  for (const d of method.dimensions) overrides[d.key] = { level: '', reason: '' };
  if (latest && latest.method === method.key) {
    for (const q of questions) {
      const given = latest.answers[q.id];
      const chosen = (Array.isArray(given) ? given : given === undefined ? [] : [given]).filter((id) => q.options.some((o) => o.id === id));
      if (chosen.length > 0) answers[q.id] = q.multiple ? chosen : chosen.slice(0, 1);
    }
    for (const d of method.dimensions) {
      const o = latest.overrides[d.key];
      if (o && d.levels.some((l) => l.key === o.level)) overrides[d.key] = { level: o.level, reason: o.reason ?? '' };
    }
  }
  return { answers, overrides, reason: '' };
}

export function bodyOf(questions: Question[], v: ClassifyValues): ClassifyBody {
  const answers: Answers = {};
  for (const q of questions) {
    const chosen = v.answers[q.id] ?? [];
    if (chosen.length === 0) continue;
    answers[q.id] = q.multiple ? chosen : (chosen[0] ?? '');
  }
  const overrides: Record<string, Override> = {};
  for (const [dimension, o] of Object.entries(v.overrides)) {
    if (o.level) overrides[dimension] = { level: o.level, reason: o.reason.trim() };
  }
  return { answers, overrides, reason: v.reason.trim() || null };
}

export function validate(t: Translate, questions: Question[], v: ClassifyValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const [dimension, o] of Object.entries(v.overrides)) {
    if (o.level && !o.reason.trim())
      errors[overrideReasonField(dimension)] = t(
        questions.length === 0 ? 'directClassification.reasonRequired' : 'classification.form.overrideReasonRequired',
      );
  }
  const answered = questions.some((q) => (v.answers[q.id] ?? []).length > 0);
  const overridden = Object.values(v.overrides).some((o) => o.level);
  if (!answered && !overridden)
    errors.answers = t(questions.length === 0 ? 'directClassification.nothingSet' : 'classification.form.nothingAnswered');
  return errors;
}

const quoted = (text: string) => [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '');

/**
 * The server's refusal, put on the fields it is about. Schema errors name the path
 * (`body.overrides.availability.reason`); the engine's name the question id in quotes or the
 * dimension by name ("the override of Confidentiality needs a written reason").
 */
export function serverFieldErrors(error: unknown, method: ClassificationMethod, questions: Question[]): FieldErrors {
  const out: FieldErrors = {};
  if (!(error instanceof ApiError)) return out;
  const put = (field: string, message: string) => {
    if (!(field in out)) out[field] = message;
  };
  for (const d of error.details) {
    const path = d.path.split('.');
    if (path[1] === 'overrides' && path[2]) {
      put(path[3] === 'reason' ? overrideReasonField(path[2]) : overrideLevelField(path[2]), d.message);
      continue;
    }
    if (path[1] === 'answers' && path[2]) {
      put(questionField(path[2]), d.message);
      continue;
    }
    if (path[1] === 'reason') {
      put('reason', d.message);
      continue;
    }
    const question = quoted(d.message).find((id) => questions.some((q) => q.id === id));
    if (question) {
      put(questionField(question), d.message);
      continue;
    }
    const dimension = method.dimensions.find((x) => d.message.includes(x.name));
    if (dimension) put(/reason/i.test(d.message) ? overrideReasonField(dimension.key) : overrideLevelField(dimension.key), d.message);
  }
  return out;
}
