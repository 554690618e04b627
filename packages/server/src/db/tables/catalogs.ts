/** Control catalogs and profiles (OSCAL), their versions and controls. Conventions: see ../schema.ts. */

export interface CatalogsTable {
  id: string;
  org_id: string | null; // null: built in, visible to every organisation
  kind: string; // catalog | profile
  name: string;
  built_in: number;
  created_at: string;
}

export interface CatalogVersionsTable {
  id: string;
  catalog_id: string;
  version: string;
  oscal_version: string;
  document_uuid: string;
  title: string;
  source: string;
  licence: string | null;
  control_count: number;
  sha256: string;
  document: string;
  resolved_from: string | null;
  imported_at: string;
  imported_by: string | null;
}

export interface CatalogControlsTable {
  version_id: string;
  control_id: string;
  position: number;
  parent_id: string | null;
  group_id: string | null;
  group_title: string | null;
  depth: number;
  title: string;
  label: string | null;
  withdrawn: number;
  search_text: string;
  body: string;
}
