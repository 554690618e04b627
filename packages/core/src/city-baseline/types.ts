/**
 * The CityShield City Baseline as typed data. Each requirement file under requirements/ holds one
 * group; catalog.ts turns them into OSCAL 1.1.2 documents. All text is the project's own wording
 * (CC BY 4.0); other standards appear only as identifiers in mapping links.
 */

/** Namespace of the props this project defines (level, dimension, system-kind, sector, …). */
export const CITYSHIELD_NS = 'https://cityshield.eu/ns/oscal';

export const LEVELS = ['basic', 'standard', 'high'] as const;
export type Level = (typeof LEVELS)[number];

export const DIMENSIONS = ['confidentiality', 'integrity', 'availability'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Protected dimensions written compactly: C = confidentiality, I = integrity, A = availability. */
export type DimensionCode = 'C' | 'I' | 'A' | 'CI' | 'CA' | 'IA' | 'CIA';

export const SYSTEM_KINDS = ['application', 'cloud-service', 'database', 'ot-iot', 'network', 'website', 'building'] as const;
export type SystemKind = (typeof SYSTEM_KINDS)[number];

export const SECTORS = [
  'transport',
  'energy',
  'water',
  'health',
  'social',
  'education',
  'public-administration',
  'finance',
  'public-safety',
  'smart-city',
] as const;
export type Sector = (typeof SECTORS)[number];

/** ISO/IEC 27002:2022 control identifier, e.g. '5.15'. Only the number is ever used. */
export type IsoRef = `${5 | 6 | 7 | 8}.${number}`;

/** A value a city sets. Either a default value (`value`) or a selection (`choices`), never both. */
export type ParamDef = ValueParam | SelectParam;

interface ParamBase {
  label: string;
  /** Advice on choosing the value. */
  guidelines?: string;
}

export interface ValueParam extends ParamBase {
  /** Default value in the catalog (used by the basic profile). */
  value: string;
  /** Stricter values the standard and high profiles set (high falls back to standard). */
  standard?: string;
  high?: string;
}

export interface SelectParam extends ParamBase {
  choices: readonly string[];
  howMany?: 'one' | 'one-or-more';
  /** The recommended choice(s), recorded as `default-choice` props on the parameter. */
  defaults: readonly string[];
}

export interface RequirementDef {
  /** Sequence number inside its group: the control id becomes `<group id>-<n>`. */
  n: number;
  title: string;
  level: Level;
  cia: DimensionCode;
  /** System kinds it applies to, or 'all'. */
  kinds: readonly SystemKind[] | 'all';
  sectors?: readonly Sector[];
  /** Values a city sets; `{{1}}`, `{{2}}` … in the statement insert them in order. */
  params?: readonly ParamDef[];
  /** The testable requirement (Markdown). */
  statement: string;
  /** Optional sub-items of the statement, rendered as item parts a., b., … (may use `{{n}}` too). */
  items?: readonly string[];
  /** Practical advice for a small city team, 2–5 sentences. */
  guidance: string;
  iso: readonly IsoRef[];
  /** NIST SP 800-53 rev5 control ids, lower case, e.g. 'ac-2' or 'ia-2.1'. */
  nist: readonly string[];
}

export interface GroupDef {
  /** e.g. 'cs-iam' */
  id: string;
  title: string;
  /** One or two sentences introducing the service area. */
  overview: string;
  requirements: readonly RequirementDef[];
}
