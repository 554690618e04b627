/** Classification engine: methods as data, questionnaire, overrides, inherited needs, baselines, reviews. */
export {
  type BsiApproach,
  type BsiSelection,
  type BsiSelectionOptions,
  checkLevelProfiles,
  FIPS_BASELINES,
  fipsBaseline,
  type IskeSelectionOptions,
  type KlassaSelectionOptions,
  type RequirementDescriptor,
  selectBsiRequirements,
  selectCumulative,
  selectIskeMeasures,
  selectKlassaRequirements,
} from './baseline.js';
export { type Classification, classify, type DimensionExplanation, type Override, type Overrides, type RatedLevels } from './classify.js';
export { type Dependency, detectCycle, formatCycle, wouldCreateCycle } from './dependency-graph.js';
export { ClassificationError, type ClassificationErrorCode } from './errors.js';
export {
  computeNeeds,
  type Deviation,
  type DeviationKind,
  type EffectiveNeed,
  type NeedChange,
  type NeedGraph,
  type NeedProvenance,
  type NeedResult,
  type NeedSource,
  recomputeAfterChange,
  type SystemNeed,
} from './inheritance.js';
export {
  type ClassificationMethod,
  type DimensionLevels,
  dimensionOf,
  levelOf,
  type MaxRankTableRule,
  type MethodDimension,
  type MethodLevel,
  type NotationStyle,
  notationOf,
  parseNotation,
  ruleDimensions,
  type SecurityLevel,
  type SecurityLevelRule,
  securityLevelByKey,
  securityLevelOf,
} from './method.js';
export { BSI_200_2, BUILT_IN_METHODS, builtInMethod, FIPS_199, ISKE, KLASSA } from './methods/index.js';
export {
  type AnswerOption,
  type AnswerReason,
  type Answers,
  type LevelImplication,
  type Question,
  type QuestionnaireResult,
  scoreQuestionnaire,
  validateQuestions,
} from './questionnaire.js';
export {
  BSI_200_2_BINDING,
  BSI_200_2_QUESTIONS,
  buildQuestionSet,
  builtInQuestions,
  FIPS_199_BINDING,
  FIPS_199_QUESTIONS,
  ISKE_BINDING,
  ISKE_QUESTIONS,
  KLASSA_BINDING,
  KLASSA_QUESTIONS,
  type QuestionBinding,
} from './questions/sets.js';
export { type Concern, type Impact, type OptionTemplate, QUESTION_TEMPLATES, type QuestionTemplate } from './questions/templates.js';
export {
  addInterval,
  type CalendarDate,
  defaultReviewIntervals,
  ISKE_AUDIT_INTERVALS,
  nextReviewDate,
  type ReviewInterval,
  type ReviewIntervals,
  type ReviewStatus,
  reviewStatus,
  toCalendarDate,
} from './review.js';
export { assertValidMethod, type MethodIssue, type MethodValidation, validateMethod } from './validate-method.js';
