/**
 * Typed model of the OSCAL documents the control layer works with: catalogs, profiles and the
 * catalogs that profile resolution produces. Field names are the JSON names of OSCAL 1.x (1.0.0
 * to 1.2.1) so that parsed documents can be typed without any mapping step.
 *
 * Only what the engine reads or writes is modelled precisely; OSCAL has many more optional
 * fields (e.g. on parties, locations or revisions). Those are kept by the resolver because it
 * copies objects rather than rebuilding them field by field, and `JsonObject` marks the places
 * where arbitrary OSCAL content may appear.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A name/value pair with an optional namespace: OSCAL's extension mechanism. */
export interface Property {
  name: string;
  value: string;
  uuid?: string;
  /** Namespace of the name; absent means the OSCAL namespace http://csrc.nist.gov/ns/oscal. */
  ns?: string;
  class?: string;
  group?: string;
  remarks?: string;
}

export interface Link {
  href: string;
  rel?: string;
  'media-type'?: string;
  'resource-fragment'?: string;
  text?: string;
}

/** Prose content of a control or group, possibly nested (statement items, guidance, objectives). */
export interface Part {
  id?: string;
  name: string;
  ns?: string;
  class?: string;
  title?: string;
  props?: Property[];
  /** Markdown; may contain `{{ insert: param, id }}` placeholders and `[text](#uuid)` links. */
  prose?: string;
  parts?: Part[];
  links?: Link[];
}

/** A parameter's `select`: the value is to be chosen among `choice` (one, or one or more). */
export interface ParameterSelection {
  'how-many'?: 'one' | 'one-or-more';
  choice?: string[];
}

export interface ConstraintTest {
  expression: string;
  remarks?: string;
}

export interface ParameterConstraint {
  description?: string;
  tests?: ConstraintTest[];
}

export interface ParameterGuideline {
  prose: string;
}

/** An organization-defined value in a control (ODP): label, guidance, constraints, value or choice. */
export interface Parameter {
  id: string;
  class?: string;
  'depends-on'?: string;
  props?: Property[];
  links?: Link[];
  label?: string;
  usage?: string;
  constraints?: ParameterConstraint[];
  guidelines?: ParameterGuideline[];
  values?: string[];
  select?: ParameterSelection;
  remarks?: string;
}

/** A control; nested `controls` are its enhancements (SP 800-53) or sub-requirements. */
export interface Control {
  id: string;
  class?: string;
  title: string;
  params?: Parameter[];
  props?: Property[];
  links?: Link[];
  parts?: Part[];
  controls?: Control[];
}

export interface Group {
  id?: string;
  class?: string;
  title: string;
  params?: Parameter[];
  props?: Property[];
  links?: Link[];
  parts?: Part[];
  groups?: Group[];
  controls?: Control[];
}

export interface Hash {
  algorithm: string;
  value: string;
}

export interface ResourceLink {
  href: string;
  'media-type'?: string;
  hashes?: Hash[];
}

export interface Base64Content {
  filename?: string;
  'media-type'?: string;
  value: string;
}

export interface Citation {
  text: string;
  props?: Property[];
  links?: Link[];
}

export interface DocumentId {
  scheme?: string;
  identifier: string;
}

/** A back-matter resource: referenced as `#uuid`, fetched through its rlinks or embedded base64. */
export interface Resource {
  uuid: string;
  title?: string;
  description?: string;
  props?: Property[];
  'document-ids'?: DocumentId[];
  citation?: Citation;
  rlinks?: ResourceLink[];
  base64?: Base64Content;
  remarks?: string;
}

export interface BackMatter {
  resources?: Resource[];
}

export interface Role {
  id: string;
  title: string;
  'short-name'?: string;
  description?: string;
  props?: Property[];
  links?: Link[];
  remarks?: string;
}

export interface Party {
  uuid: string;
  type: string;
  name?: string;
  'short-name'?: string;
  props?: Property[];
  links?: Link[];
  'email-addresses'?: string[];
  addresses?: JsonObject[];
  remarks?: string;
}

export interface ResponsibleParty {
  'role-id': string;
  'party-uuids': string[];
  props?: Property[];
  links?: Link[];
  remarks?: string;
}

export interface Metadata {
  title: string;
  published?: string;
  'last-modified': string;
  version: string;
  'oscal-version': string;
  revisions?: JsonObject[];
  'document-ids'?: DocumentId[];
  props?: Property[];
  links?: Link[];
  roles?: Role[];
  locations?: JsonObject[];
  parties?: Party[];
  'responsible-parties'?: ResponsibleParty[];
  actions?: JsonObject[];
  remarks?: string;
}

export interface Catalog {
  uuid: string;
  metadata: Metadata;
  /** "Loose" parameters not declared in a control. */
  params?: Parameter[];
  controls?: Control[];
  groups?: Group[];
  'back-matter'?: BackMatter;
}

/** The result of profile resolution is an ordinary catalog (OSCAL "resolved profile catalog"). */
export type ResolvedCatalog = Catalog;

// ---------------------------------------------------------------------------------------------
// Profiles

/** `include-all: {}` (OSCAL 1.x JSON). `with-child-controls` is an XSLT-resolver extension. */
export interface IncludeAll {
  'with-child-controls'?: 'yes' | 'no';
}

/** A glob over control ids: `*` any run of characters, `?` one character, anchored. */
export interface MatchingPattern {
  pattern?: string;
}

/** One include-controls / exclude-controls entry. */
export interface SelectControlById {
  /** `yes`: all descendants of a selected control are selected too. Default `no`. */
  'with-child-controls'?: 'yes' | 'no';
  'with-ids'?: string[];
  matching?: MatchingPattern[];
}

export interface Import {
  href: string;
  'include-all'?: IncludeAll;
  'include-controls'?: SelectControlById[];
  'exclude-controls'?: SelectControlById[];
}

export type CombineMethod = 'use-first' | 'merge' | 'keep';

export interface InsertControls {
  order?: 'keep' | 'ascending' | 'descending';
  'include-all'?: IncludeAll;
  'include-controls'?: SelectControlById[];
  'exclude-controls'?: SelectControlById[];
}

/** A group of the structure a `merge.custom` directive builds. */
export interface CustomGroup {
  id?: string;
  class?: string;
  title: string;
  params?: Parameter[];
  props?: Property[];
  links?: Link[];
  parts?: Part[];
  groups?: CustomGroup[];
  'insert-controls'?: InsertControls[];
}

export interface CustomMerge {
  groups?: CustomGroup[];
  'insert-controls'?: InsertControls[];
}

export interface Merge {
  combine?: { method?: CombineMethod };
  /** `{}`: one flat list of controls (the default). */
  flat?: JsonObject;
  /** Keep the groups and nesting of the source catalogs. */
  'as-is'?: boolean;
  custom?: CustomMerge;
}

/** Sets or amends a parameter wherever it is declared in the resolved catalog. */
export interface SetParameter {
  'param-id': string;
  class?: string;
  'depends-on'?: string;
  props?: Property[];
  links?: Link[];
  label?: string;
  usage?: string;
  constraints?: ParameterConstraint[];
  guidelines?: ParameterGuideline[];
  values?: string[];
  select?: ParameterSelection;
}

/** Removes every object inside the control that matches all the given criteria. */
export interface Remove {
  'by-name'?: string;
  'by-class'?: string;
  'by-id'?: string;
  /** Singular name of the containing array: `param`, `prop`, `link`, `part`. */
  'by-item-name'?: string;
  'by-ns'?: string;
}

export type AddPosition = 'before' | 'after' | 'starting' | 'ending';

export interface Add {
  position?: AddPosition;
  /** Target inside the control; absent (or the control's own id): the control itself. */
  'by-id'?: string;
  title?: string;
  params?: Parameter[];
  props?: Property[];
  links?: Link[];
  parts?: Part[];
}

export interface Alter {
  'control-id': string;
  removes?: Remove[];
  adds?: Add[];
}

export interface Modify {
  'set-parameters'?: SetParameter[];
  alters?: Alter[];
}

export interface Profile {
  uuid: string;
  metadata: Metadata;
  imports: Import[];
  merge?: Merge;
  modify?: Modify;
  'back-matter'?: BackMatter;
}

// ---------------------------------------------------------------------------------------------
// Documents (the JSON root object wraps the model under its name)

export interface CatalogDocument {
  $schema?: string;
  catalog: Catalog;
}

export interface ProfileDocument {
  $schema?: string;
  profile: Profile;
}

/** Root keys of the OSCAL models, in the order the complete schema lists them. */
export const OSCAL_MODELS = [
  'catalog',
  'profile',
  'mapping-collection',
  'component-definition',
  'system-security-plan',
  'assessment-plan',
  'assessment-results',
  'plan-of-action-and-milestones',
] as const;

export type OscalModel = (typeof OSCAL_MODELS)[number];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The model a parsed document holds (its single non-`$schema` root key), if it is OSCAL. */
export function oscalModelOf(document: unknown): OscalModel | undefined {
  if (!isRecord(document)) return undefined;
  const keys = Object.keys(document).filter((k) => k !== '$schema');
  if (keys.length !== 1) return undefined;
  return OSCAL_MODELS.find((m) => m === keys[0]);
}

export function isCatalogDocument(document: unknown): document is CatalogDocument {
  return isRecord(document) && isRecord(document.catalog) && isRecord(document.catalog.metadata);
}

export function isProfileDocument(document: unknown): document is ProfileDocument {
  return isRecord(document) && isRecord(document.profile) && Array.isArray(document.profile.imports);
}
