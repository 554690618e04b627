import { ClassificationError } from './errors.js';
import type { ClassificationMethod } from './method.js';
import type { MethodIssue } from './validate-method.js';

/**
 * The guided questionnaire: plain-language questions whose answers each imply a minimum level for
 * one or more dimensions. A dimension gets the highest level any answer implies (the maximum
 * principle), and every answer that implied something is kept as the explanation the officer sees.
 */

export interface LevelImplication {
  readonly dimension: string;
  /** Level key of that dimension: the answer means "at least this level". */
  readonly level: string;
}

export interface AnswerOption {
  readonly id: string;
  readonly label: string;
  /** Why this answer implies its levels, shown in the explanation ("health data is special-category data"). */
  readonly reason: string;
  /** May be empty: an answer such as "no" that adds nothing. */
  readonly implies: readonly LevelImplication[];
}

export interface Question {
  readonly id: string;
  readonly text: string;
  readonly help?: string;
  /** The dimension the question is mainly about, for grouping in the form. */
  readonly dimension: string;
  /** Several options may be chosen (e.g. the kinds of personal data held). */
  readonly multiple?: boolean;
  readonly options: readonly AnswerOption[];
}

/** Question id → option id (or option ids for a multiple-choice question). */
export type Answers = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface AnswerReason {
  readonly questionId: string;
  readonly question: string;
  readonly optionId: string;
  readonly answer: string;
  readonly level: string;
  readonly rank: number;
  readonly reason: string;
  /** True for the answers that set the dimension's level (those implying the maximum). */
  readonly decisive: boolean;
}

export interface QuestionnaireResult {
  readonly methodKey: string;
  /** Level key per dimension; undefined when no answer said anything about the dimension. */
  readonly levels: Readonly<Record<string, string | undefined>>;
  /** Per dimension, the answers that raised it, highest level first. */
  readonly reasons: Readonly<Record<string, readonly AnswerReason[]>>;
  /** Question ids without an answer, in question order. */
  readonly unanswered: readonly string[];
  readonly complete: boolean;
}

/** Checks a question set against its method; an empty list means it is usable. */
export function validateQuestions(method: ClassificationMethod, questions: readonly Question[]): MethodIssue[] {
  const issues: MethodIssue[] = [];
  const questionIds = new Set<string>();
  const addressed = new Set<string>();
  const dimension = (key: string) => method.dimensions.find((d) => d.key === key);
  questions.forEach((q, i) => {
    const at = `questions[${i}]`;
    if (questionIds.has(q.id)) issues.push({ path: `${at}.id`, message: `duplicate question id "${q.id}"` });
    questionIds.add(q.id);
    if (q.text.trim() === '') issues.push({ path: `${at}.text`, message: 'must be a non-empty text' });
    if (!dimension(q.dimension)) issues.push({ path: `${at}.dimension`, message: `unknown dimension "${q.dimension}"` });
    if (q.options.length === 0) issues.push({ path: `${at}.options`, message: 'must offer at least one answer' });
    const optionIds = new Set<string>();
    q.options.forEach((o, j) => {
      const oat = `${at}.options[${j}]`;
      if (optionIds.has(o.id)) issues.push({ path: `${oat}.id`, message: `duplicate option id "${o.id}" in question "${q.id}"` });
      optionIds.add(o.id);
      if (o.implies.length > 0 && o.reason.trim() === '')
        issues.push({ path: `${oat}.reason`, message: 'an answer that implies a level needs a reason' });
      o.implies.forEach((imp, k) => {
        const d = dimension(imp.dimension);
        if (!d) issues.push({ path: `${oat}.implies[${k}].dimension`, message: `unknown dimension "${imp.dimension}"` });
        else if (!d.levels.some((l) => l.key === imp.level)) {
          issues.push({ path: `${oat}.implies[${k}].level`, message: `dimension "${d.key}" has no level "${imp.level}"` });
        } else addressed.add(d.key);
      });
    });
  });
  // A dimension no answer can rate would stay unset forever, so the system could never be classified.
  for (const d of method.dimensions) {
    if (!addressed.has(d.key)) issues.push({ path: 'questions', message: `no answer rates dimension "${d.key}"` });
  }
  return issues;
}

function chosenOptions(question: Question, answer: string | readonly string[], problems: string[]): string[] {
  if (typeof answer === 'string') return [answer];
  if (!question.multiple && answer.length > 1) {
    problems.push(`question "${question.id}" takes one answer, got ${answer.length}`);
    return [];
  }
  return [...new Set(answer)];
}

interface Raw {
  question: Question;
  option: AnswerOption;
  level: string;
  rank: number;
}

export function scoreQuestionnaire(method: ClassificationMethod, questions: readonly Question[], answers: Answers): QuestionnaireResult {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const problems: string[] = [];
  for (const id of Object.keys(answers)) if (!byId.has(id)) problems.push(`unknown question "${id}"`);

  const raw = new Map<string, Raw[]>(method.dimensions.map((d) => [d.key, []]));
  const unanswered: string[] = [];
  for (const question of questions) {
    const answer = answers[question.id];
    const chosen = answer === undefined ? [] : chosenOptions(question, answer, problems);
    if (chosen.length === 0) unanswered.push(question.id);
    for (const optionId of chosen) {
      const option = question.options.find((o) => o.id === optionId);
      if (!option) {
        problems.push(`question "${question.id}" has no answer "${optionId}"`);
        continue;
      }
      for (const imp of option.implies) {
        const dimension = method.dimensions.find((d) => d.key === imp.dimension);
        const level = dimension?.levels.find((l) => l.key === imp.level);
        const bucket = raw.get(imp.dimension);
        if (!dimension || !level || !bucket) {
          throw new ClassificationError(
            'invalid-questions',
            `Question "${question.id}" implies ${imp.dimension}=${imp.level}, unknown to ${method.key}.`,
          );
        }
        bucket.push({ question, option, level: level.key, rank: level.rank });
      }
    }
  }
  if (problems.length > 0) throw new ClassificationError('unknown-answer', `Unknown answers: ${problems.join('; ')}.`, problems);

  const levels: Record<string, string | undefined> = {};
  const reasons: Record<string, AnswerReason[]> = {};
  for (const dimension of method.dimensions) {
    const entries = raw.get(dimension.key) ?? [];
    const max = entries.reduce((m, e) => Math.max(m, e.rank), -1);
    levels[dimension.key] = entries.find((e) => e.rank === max)?.level;
    // Stable sort keeps question order among answers of equal level.
    reasons[dimension.key] = [...entries]
      .sort((a, b) => b.rank - a.rank)
      .map((e) => ({
        questionId: e.question.id,
        question: e.question.text,
        optionId: e.option.id,
        answer: e.option.label,
        level: e.level,
        rank: e.rank,
        reason: e.option.reason,
        decisive: e.rank === max,
      }));
  }
  return { methodKey: method.key, levels, reasons, unanswered, complete: unanswered.length === 0 };
}
