import { z } from 'zod';
import { ZId } from '../../http/common.schema.js';

export const ZCatalogVersion = z.object({
  id: z.string(),
  catalogId: z.string(),
  version: z.string(),
  oscalVersion: z.string(),
  title: z.string(),
  source: z.string(),
  licence: z.string().nullable(),
  controlCount: z.number().int(),
  importedAt: z.string(),
});

const ZKind = z.enum(['catalog', 'profile']);

export const ZCatalogSummary = z.object({
  id: z.string(),
  name: z.string(),
  kind: ZKind,
  builtIn: z.boolean(),
  versionCount: z.number().int(),
  latest: ZCatalogVersion.nullable(),
});

export const ZCatalog = z.object({
  id: z.string(),
  name: z.string(),
  kind: ZKind,
  builtIn: z.boolean(),
  versions: z.array(ZCatalogVersion),
});

export const ZVersionInfo = ZCatalogVersion.extend({
  kind: ZKind,
  name: z.string(),
  builtIn: z.boolean(),
  groups: z.array(z.object({ id: z.string().nullable(), title: z.string().nullable(), controls: z.number().int() })),
});

export const ZImportQuery = z.strictObject({
  source: z.string().trim().min(1).max(300).default('upload.json'),
  using: z
    .string()
    .max(2000)
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined,
    )
    .pipe(z.array(ZId).max(20).optional()),
});

export const ZImportResult = z.object({ catalogId: z.string(), version: ZCatalogVersion, notes: z.array(z.string()) });

export const ZControlsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  q: z.string().trim().max(200).optional(),
  group: z.string().max(200).optional(),
  parent: z.string().max(200).optional(),
  topLevel: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const ZControlRow = z.object({
  id: z.string(),
  title: z.string(),
  label: z.string().nullable(),
  parentId: z.string().nullable(),
  groupId: z.string().nullable(),
  groupTitle: z.string().nullable(),
  depth: z.number().int(),
  withdrawn: z.boolean(),
});

export const ZControlDetail = z.object({
  id: z.string(),
  title: z.string(),
  label: z.string().nullable(),
  parentId: z.string().nullable(),
  groupId: z.string().nullable(),
  groupTitle: z.string().nullable(),
  withdrawn: z.boolean(),
  body: z.record(z.string(), z.unknown()),
  enhancements: z.array(z.object({ id: z.string(), title: z.string(), label: z.string().nullable(), withdrawn: z.boolean() })),
});

export const ZDiff = z.object({
  from: ZCatalogVersion,
  to: ZCatalogVersion,
  added: z.array(z.object({ id: z.string(), title: z.string() })),
  removed: z.array(z.object({ id: z.string(), title: z.string() })),
  changed: z.array(z.object({ id: z.string(), title: z.string(), aspects: z.array(z.string()) })),
  unchanged: z.number().int(),
});

export const ZValidation = z.object({
  valid: z.boolean(),
  model: z.string().nullable(),
  declaredVersion: z.string().nullable(),
  schemaVersion: z.string().nullable(),
  notes: z.array(z.string()),
  errors: z.array(z.object({ pointer: z.string(), message: z.string() })),
  truncated: z.boolean(),
});
