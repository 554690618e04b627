/**
 * Errors of the classification engine. Every refusal carries a stable code so that the server can
 * map it to a 4xx with the details an officer needs to fix the input (the list of problems in a
 * custom method, the cycle path, the dimension that lacks a reason) instead of a bare message.
 */

export type ClassificationErrorCode =
  /** A method (built-in or an organisation's JSON) breaks the rules checked by validateMethod. */
  | 'invalid-method'
  /** A question set refers to dimensions or levels its method does not have. */
  | 'invalid-questions'
  /** An answer names a question or option that does not exist, or several options for a single-choice question. */
  | 'unknown-answer'
  /** A dimension key that the method does not define. */
  | 'unknown-dimension'
  /** A level key that the dimension does not define. */
  | 'unknown-level'
  /** An officer's override without a written reason. */
  | 'override-without-reason'
  /** A cumulation or distribution deviation without a written justification. */
  | 'deviation-without-justification'
  /** A deviation of a kind other than cumulation or distribution. */
  | 'invalid-deviation'
  /** Two deviations for the same system and dimension: which one counts would be arbitrary. */
  | 'duplicate-deviation'
  /** Dependencies that form a cycle; `cycle` names one cycle path. */
  | 'dependency-cycle'
  /** A dependency or deviation names a system that is not in the graph. */
  | 'unknown-system'
  /** Two systems with the same id. */
  | 'duplicate-system'
  /** A classification made with another method than the one given. */
  | 'method-mismatch'
  /** A security level the method (or the review intervals) does not know. */
  | 'unknown-security-level'
  /** A date that is not a valid calendar date. */
  | 'invalid-date'
  /** A notation such as `K2T2S1` that does not fit the method. */
  | 'invalid-notation';

export class ClassificationError extends Error {
  readonly code: ClassificationErrorCode;
  /** One line per problem, for the officer (several problems are reported together where possible). */
  readonly details: readonly string[];
  /** For 'dependency-cycle': system ids along the cycle, the first repeated at the end (A → B → A). */
  readonly cycle: readonly string[] | undefined;

  constructor(code: ClassificationErrorCode, message: string, details: readonly string[] = [], cycle?: readonly string[]) {
    super(message);
    this.name = 'ClassificationError';
    this.code = code;
    this.details = details;
    this.cycle = cycle;
  }
}
