/** Response and request shapes of classification (/classification/*, /systems/:id/classification). */

export interface MethodLevel {
  key: string;
  name: string;
  rank: number;
  description?: string;
}

export interface MethodDimension {
  key: string;
  name: string;
  shortName: string;
  description?: string;
  /** Lowest first. */
  levels: MethodLevel[];
}

export interface SecurityLevel {
  key: string;
  name: string;
  rank: number;
  description?: string;
}

export interface ClassificationMethod {
  key: string;
  name: string;
  description: string;
  dimensions: MethodDimension[];
  securityLevels: SecurityLevel[];
}

export interface AnswerOption {
  id: string;
  label: string;
  /** Own methods' questionnaires are stored with `text` instead of `label` (see PUT /classification/methods/:key). */
  text?: string;
  reason: string;
  implies: { dimension: string; level: string }[];
}

export interface Question {
  id: string;
  text: string;
  help?: string;
  /** The dimension the question is mainly about, for grouping. */
  dimension: string;
  multiple?: boolean;
  options: AnswerOption[];
}

/** GET/PUT /classification/method */
export interface MethodInfo {
  method: ClassificationMethod;
  questions: Question[];
  available: { key: string; name: string }[];
}

/** Question id → option id, or option ids for a multiple-choice question. */
export type Answers = Record<string, string | string[]>;

export interface Override {
  level: string;
  reason: string;
}

export interface AnswerReason {
  questionId: string;
  question: string;
  optionId: string;
  answer: string;
  level: string;
  rank: number;
  reason: string;
  /** The answers that set the dimension's level. */
  decisive: boolean;
}

export interface DimensionExplanation {
  dimension: string;
  dimensionName: string;
  level?: string;
  levelName?: string;
  source: 'questionnaire' | 'override' | 'unset';
  reasons: AnswerReason[];
  override?: { from?: string; to: string; reason: string };
}

/** What the server stores as a classification's explanation. */
export interface StoredExplanation {
  explanation: DimensionExplanation[];
  reasons: Record<string, AnswerReason[]>;
  unanswered: string[];
}

export interface Classification {
  id: string;
  method: string;
  answers: Answers;
  overrides: Record<string, Override>;
  levels: Record<string, string>;
  explanation: StoredExplanation;
  securityLevel: string | null;
  notation: string;
  reason: string | null;
  classifiedBy: string;
  classifiedAt: string;
  /** YYYY-MM-DD (UTC); null while the system has no security level. */
  reviewDue: string | null;
}

export interface HistoryItem extends Classification {
  classifiedByName: string | null;
}

export interface NeedChange {
  systemId: string;
  name: string;
  dimensions: { dimension: string; before?: string; after?: string }[];
  securityLevel: { before?: string; after?: string };
}

/** POST /systems/:id/classification */
export interface ClassifyResult {
  classification: Classification;
  changes: NeedChange[];
}

export interface ClassifyBody {
  answers: Answers;
  overrides: Record<string, Override>;
  reason: string | null;
}

export type NeedSource = 'own' | 'inherited' | 'cumulation' | 'distribution' | 'unset';

export interface SystemRef {
  id: string;
  name: string;
}

export interface Provenance {
  dimension: string;
  source: NeedSource;
  /** The direct dependent the level came through (null when not inherited or not visible to you). */
  from: SystemRef | null;
  /** The system whose own need it started from. */
  origin: SystemRef | null;
}

/** GET /systems/:id/classification */
export interface CurrentClassification {
  method: string;
  latest: Classification | null;
  effective: {
    levels: Record<string, string | undefined>;
    securityLevel: string | null;
    provenance: Provenance[];
  } | null;
}

export const DUE_STATUSES = ['unclassified', 'overdue', 'due-soon'] as const;
export type DueStatus = (typeof DUE_STATUSES)[number];

export interface DueItem {
  systemId: string;
  name: string;
  ownerId: string | null;
  ownerName: string | null;
  departmentName: string | null;
  status: DueStatus;
  notation: string | null;
  securityLevel: string | null;
  classifiedAt: string | null;
  reviewDue: string | null;
}

/** GET /classification/due */
export interface DueList {
  items: DueItem[];
  total: number;
  page: number;
  pageSize: number;
  method: string;
  today: string;
  horizon: string;
  within: number;
}
