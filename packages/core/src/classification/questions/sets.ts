import type { AnswerOption, LevelImplication, Question } from '../questionnaire.js';
import { type Concern, type Impact, QUESTION_TEMPLATES, type QuestionTemplate } from './templates.js';

/**
 * Per-method question sets: the shared templates bound to each method's dimensions and levels.
 * The bindings are the only per-method judgement here and are deliberately visible in one place;
 * an officer can always override the result with a written reason.
 */

export interface QuestionBinding {
  /** Dimension key per concern; several concerns may share one dimension, absent = ignored. */
  readonly dimensions: Readonly<Partial<Record<Concern, string>>>;
  /** Level key for each impact 0–4. */
  readonly levels: readonly [string, string, string, string, string];
}

function bindOption(option: QuestionTemplate['options'][number], binding: QuestionBinding): AnswerOption {
  // Two concerns folded into one dimension (traceability into integrity) keep the higher impact.
  const perDimension = new Map<string, Impact>();
  for (const [concern, impact] of Object.entries(option.impacts) as Array<[Concern, Impact]>) {
    const dimension = binding.dimensions[concern];
    if (dimension === undefined) continue;
    perDimension.set(dimension, Math.max(impact, perDimension.get(dimension) ?? 0) as Impact);
  }
  const implies: LevelImplication[] = [...perDimension].map(([dimension, impact]) => ({ dimension, level: binding.levels[impact] }));
  return { id: option.id, label: option.label, reason: option.reason, implies };
}

/** Builds a method's question set from the templates; questions about an unbound concern are left out. */
export function buildQuestionSet(binding: QuestionBinding, templates: readonly QuestionTemplate[] = QUESTION_TEMPLATES): Question[] {
  const out: Question[] = [];
  for (const t of templates) {
    const dimension = binding.dimensions[t.concern];
    if (dimension === undefined) continue;
    out.push({
      id: t.id,
      text: t.text,
      ...(t.help !== undefined ? { help: t.help } : {}),
      dimension,
      ...(t.multiple ? { multiple: true } : {}),
      options: t.options.map((o) => bindOption(o, binding)),
    });
  }
  return out;
}

/**
 * Traceability is folded into integrity for the three-dimension methods: ISKE's integrity class
 * covers provable origin and changes, BSI 200-2 treats authenticity as part of integrity, and
 * FIPS 199 defines integrity to include non-repudiation and authenticity.
 */
const CIA_WITH_TRACEABILITY_AS_INTEGRITY = {
  confidentiality: 'confidentiality',
  integrity: 'integrity',
  availability: 'availability',
  traceability: 'integrity',
} as const;

/** ISKE classes 0–3 match impacts 0–3; national security (4) stays at the top class 3. */
export const ISKE_BINDING: QuestionBinding = { dimensions: CIA_WITH_TRACEABILITY_AS_INTEGRITY, levels: ['0', '1', '2', '3', '3'] };

/** BSI: normal = limited, high = considerable, very high = existentially threatening or catastrophic. */
export const BSI_200_2_BINDING: QuestionBinding = {
  dimensions: CIA_WITH_TRACEABILITY_AS_INTEGRITY,
  levels: ['normal', 'normal', 'high', 'very-high', 'very-high'],
};

/** FIPS 199: LOW = limited, MODERATE = serious, HIGH = severe or catastrophic adverse effect. */
export const FIPS_199_BINDING: QuestionBinding = {
  dimensions: CIA_WITH_TRACEABILITY_AS_INTEGRITY,
  levels: ['low', 'low', 'moderate', 'high', 'high'],
};

/** KLASSA's damage scale has a step for each impact, and traceability is its own aspect. */
export const KLASSA_BINDING: QuestionBinding = {
  dimensions: { confidentiality: 'confidentiality', integrity: 'integrity', availability: 'availability', traceability: 'traceability' },
  levels: ['negligible', 'moderate', 'significant', 'serious', 'extremely-serious'],
};

export const ISKE_QUESTIONS: readonly Question[] = buildQuestionSet(ISKE_BINDING);
export const BSI_200_2_QUESTIONS: readonly Question[] = buildQuestionSet(BSI_200_2_BINDING);
export const FIPS_199_QUESTIONS: readonly Question[] = buildQuestionSet(FIPS_199_BINDING);
export const KLASSA_QUESTIONS: readonly Question[] = buildQuestionSet(KLASSA_BINDING);

const BUILT_IN_QUESTIONS: Readonly<Record<string, readonly Question[]>> = {
  iske: ISKE_QUESTIONS,
  'bsi-200-2': BSI_200_2_QUESTIONS,
  'fips-199': FIPS_199_QUESTIONS,
  klassa: KLASSA_QUESTIONS,
};

/** The question set shipped for a built-in method key, if any. */
export function builtInQuestions(methodKey: string): readonly Question[] | undefined {
  return BUILT_IN_QUESTIONS[methodKey];
}
