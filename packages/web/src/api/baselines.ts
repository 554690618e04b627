/**
 * Response and request shapes of baselines and implementation tracking: requirement records,
 * evidence, comments, progress, the compliance dashboard, "my work", common components and the
 * level → profile mapping (/requirements, /systems/:id/requirements/progress, /dashboard/compliance,
 * /my/work, /components, /baselines/mapping).
 */

export const REQUIREMENT_STATUSES = ['not-started', 'planned', 'partially', 'implemented', 'not-applicable'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

/** Still to do: the statuses "overdue" counts. */
export const OPEN_STATUSES: readonly RequirementStatus[] = ['not-started', 'planned', 'partially'];

export const isStatus = (v: unknown): v is RequirementStatus => REQUIREMENT_STATUSES.includes(v as RequirementStatus);

/** One row of GET /requirements. */
export interface RequirementItem {
  id: string;
  systemId: string;
  systemName: string;
  controlId: string;
  label: string | null;
  title: string;
  family: string;
  familyTitle: string;
  /** The system's own status. */
  status: RequirementStatus;
  /** The status that counts: own, or inherited from a common component. */
  effectiveStatus: RequirementStatus;
  inherited: { componentId: string; componentName: string } | null;
  overridden: boolean;
  responsibleId: string | null;
  responsibleName: string | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
  overdue: boolean;
  reviewRequired: boolean;
  applies: boolean;
  evidenceCount: number;
  updatedAt: string;
}

/** Query of GET /requirements (the same names are used in the web app's URLs). */
export interface RequirementQuery {
  systemId?: string;
  departmentId?: string;
  /** Of systems in this sector / at this security level (the dashboard's drill-downs). */
  sector?: string;
  securityLevel?: string;
  status?: RequirementStatus;
  family?: string;
  controlId?: string;
  responsibleId?: string;
  overdue?: boolean;
  reviewRequired?: boolean;
  inherited?: boolean;
  retired?: boolean;
  q?: string;
}

export interface Evidence {
  id: string;
  kind: 'file' | 'link';
  name: string;
  url: string | null;
  sha256: string | null;
  size: number | null;
  mediaType: string | null;
  addedAt: string;
  addedByName: string | null;
  /** Evidence of the common component the status is inherited from. */
  inherited: boolean;
}

export interface Comment {
  id: string;
  body: string;
  createdAt: string;
  authorName: string | null;
}

/** GET /requirements/:id */
export interface Requirement extends Omit<RequirementItem, 'evidenceCount' | 'inherited'> {
  versionId: string;
  /** The OSCAL control object (parts, params, props, links). */
  control: Record<string, unknown> | null;
  inherited: { componentId: string; componentName: string; status: string; statement: string } | null;
  justification: string | null;
  statement: string;
  reviewNote: string | null;
  evidence: Evidence[];
  comments: Comment[];
}

/** Body of PATCH /requirements/:id. */
export interface RequirementPatch {
  status?: RequirementStatus;
  justification?: string | null;
  statement?: string;
  responsibleId?: string | null;
  dueDate?: string | null;
  override?: boolean;
  reviewed?: true;
}

/** `set` of POST /requirements/bulk. */
export type BulkSet = Omit<RequirementPatch, 'override' | 'reviewed'>;

export interface BulkResult {
  updated: number;
  systems: number;
}

export interface ListChange {
  at: string;
  cause: string;
  securityLevel: string | null;
  added: string[];
  removed: string[];
  changed: string[];
}

export interface FamilyProgress {
  family: string;
  familyTitle: string;
  total: number;
  implemented: number;
  partially: number;
  notApplicable: number;
}

/** GET /systems/:id/requirements/progress */
export interface Progress {
  systemId: string;
  securityLevel: string | null;
  counts: Record<RequirementStatus, number>;
  total: number;
  overdue: number;
  reviewRequired: number;
  families: FamilyProgress[];
  latestChange: ListChange | null;
}

/** GET /systems/:id/baseline/changes */
export interface BaselineChanges {
  items: (ListChange & { id: string; byName: string | null })[];
}

/** Counts as the dashboard names them; `share` is (implemented + partially/2) / applicable, null without applicable ones. */
export interface Counts {
  implemented: number;
  partially: number;
  planned: number;
  notStarted: number;
  notApplicable: number;
  share: number | null;
}

/** GET /dashboard/compliance */
export interface Dashboard {
  asOf: string;
  totals: Counts & { systems: number; unclassified: number; reviewOverdue: number; overdue: number };
  heatmap: (Counts & { departmentId: string | null; securityLevel: string | null })[];
  byDepartment: (Counts & {
    departmentId: string | null;
    name: string;
    systems: number;
    unclassified: number;
    reviewOverdue: number;
    overdue: number;
  })[];
  byLevel: (Counts & { securityLevel: string | null })[];
  byFamily: (Counts & { family: string; familyTitle: string; reviewRequired: number })[];
  bySector: (Counts & { sector: string })[];
  /** 'today': a filtered or owner's view, whose trend is today's point only (snapshots are organisation-wide). */
  trendScope: 'organisation' | 'today';
  trend: { day: string; share: number | null; overdue: number }[];
}

export interface DashboardQuery {
  departmentId?: string;
  sector?: string;
  securityLevel?: string;
}

/** GET /my/work */
export interface MyWork {
  open: number;
  overdue: number;
  requirements: {
    id: string;
    systemId: string;
    systemName: string;
    controlId: string;
    label: string | null;
    title: string;
    status: string;
    dueDate: string | null;
    overdue: boolean;
  }[];
  systems: { id: string; name: string; reason: 'unclassified' | 'review-overdue'; reviewDue: string | null }[];
}

export const COMPONENT_KINDS = [
  'service',
  'software',
  'hardware',
  'policy',
  'process-procedure',
  'plan',
  'guidance',
  'standard',
  'validation',
  'physical',
  'interconnection',
  'this-system',
] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

export interface Component {
  id: string;
  name: string;
  description: string;
  kind: string;
  provider: string | null;
  oscalUuid: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An item of GET /components. */
export interface ComponentSummary extends Component {
  systems: number;
  requirements: number;
  implemented: number;
}

export interface ComponentImplementation {
  id: string;
  controlId: string;
  status: RequirementStatus;
  statement: string;
  responsibleId: string | null;
  responsibleName: string | null;
  evidenceCount: number;
  updatedAt: string;
}

/** GET /components/:id */
export interface ComponentDetail extends Component {
  requirements: ComponentImplementation[];
  systems: { id: string; name: string }[];
}

/** Body of POST /components and PATCH /components/:id. */
export interface ComponentInput {
  name: string;
  description: string;
  kind: string;
  provider: string | null;
}

/** PUT /components/:id/requirements/:controlId */
export interface ComponentRequirementResult {
  controlId: string;
  status: RequirementStatus;
  systemsAffected: number;
}

/** POST /components/import */
export interface ComponentImportResult {
  created: { id: string; name: string; requirements: number }[];
}

/** GET/PUT /baselines/mapping */
export interface Mapping {
  method: string;
  narrowByKind: boolean;
  levels: {
    level: string;
    levelName: string;
    versionId: string | null;
    title: string | null;
    controlCount: number | null;
    isDefault: boolean;
  }[];
  options: { id: string; title: string; version: string; kind: 'catalog' | 'profile'; builtIn: boolean; controlCount: number }[];
  result?: { systemsChanged: number; added: number; removed: number };
}

export interface MappingBody {
  /** Level key → version id, or null for the City Baseline default. */
  levels: Record<string, string | null>;
  narrowByKind: boolean;
}
