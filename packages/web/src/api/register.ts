/** Response and request shapes of the register of information systems (/systems, /sectors). */

export const SYSTEM_KINDS = ['application', 'cloud-service', 'database', 'ot-iot', 'network', 'website', 'building'] as const;
export type SystemKind = (typeof SYSTEM_KINDS)[number];
export const PERSONAL_DATA = ['none', 'personal', 'special-categories', 'children'] as const;
export type PersonalData = (typeof PERSONAL_DATA)[number];
export const HOSTING = ['on-premises', 'cloud', 'supplier'] as const;
export type Hosting = (typeof HOSTING)[number];
export const LIFECYCLE = ['planned', 'development', 'production', 'retiring', 'retired'] as const;
export type Lifecycle = (typeof LIFECYCLE)[number];

/** An information system in the register. Vocabulary fields are plain strings: the server may know more values than this client. */
export interface InfoSystem {
  id: string;
  name: string;
  description: string;
  ownerId: string | null;
  ownerName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  sector: string;
  kind: string;
  personalData: string[];
  hosting: string;
  supplier: string | null;
  lifecycle: string;
  tags: string[];
  customFields: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

/** Body of POST /systems and PATCH /systems/:id (unknown fields are refused). */
export interface InfoSystemInput {
  name: string;
  description: string;
  ownerId?: string | null;
  departmentId: string | null;
  sector: string;
  kind: string;
  personalData: string[];
  hosting: string;
  supplier: string | null;
  lifecycle: string;
  tags: string[];
  customFields: Record<string, string>;
}

export interface Sector {
  key: string;
  name: string;
  builtIn: boolean;
}

export interface GraphNode {
  id: string;
  name: string;
  kind: string;
  focus: boolean;
}

/** Edges point from a system to what it depends on. */
export interface SystemGraph {
  nodes: GraphNode[];
  edges: { from: string; to: string }[];
}
