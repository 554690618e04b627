/** Shapes of the organisation's own classification methods (/classification/methods). */

import type { MethodInfo, SecurityLevel } from './classification';

export type NotationStyle = 'rank' | 'level';

export interface LevelDefinition {
  key: string;
  name: string;
  rank: number;
  description?: string;
}

export interface DimensionDefinition {
  key: string;
  name: string;
  shortName: string;
  description?: string;
  /** Lowest first; ranks ascend along the list. */
  levels: LevelDefinition[];
}

/** A method as the server validates and stores it (core's ClassificationMethod). */
export interface MethodDefinition {
  key: string;
  name: string;
  description: string;
  dimensions: DimensionDefinition[];
  securityLevels: SecurityLevel[];
  securityLevelRule: { kind: 'max-rank-table'; table: Record<string, string>; dimensions?: string[] };
  notation?: NotationStyle;
}

/** An answer of an own questionnaire as PUT /classification/methods/:key takes it (`text`, not `label`). */
export interface OptionDefinition {
  id: string;
  text: string;
  implies: { dimension: string; level: string }[];
  reason: string;
}

export interface QuestionDefinition {
  id: string;
  dimension: string;
  text: string;
  help?: string;
  multiple?: boolean;
  options: OptionDefinition[];
}

export interface CustomMethod {
  key: string;
  method: MethodDefinition;
  questions: QuestionDefinition[];
  updatedAt: string;
}

/** GET /classification/methods */
export interface MethodsList {
  /** Key of the method the organisation classifies with now. */
  current: string;
  /** With their definitions: any of them can be copied into an own method. */
  builtIn: { key: string; name: string; description: string; method: MethodInfo['method']; questions: MethodInfo['questions'] }[];
  custom: CustomMethod[];
}

/** PUT /classification/methods/:key */
export interface MethodBody {
  method: MethodDefinition;
  questions: QuestionDefinition[];
}

/** Keys in the address: lower-case letters, digits and dashes (the server's rule). */
export const METHOD_KEY = /^[a-z0-9][a-z0-9-]{0,62}$/;
