import { z } from 'zod';
import { ZId, ZName } from '../../http/common.schema.js';
import { HOSTING, LIFECYCLE, PERSONAL_DATA, SYSTEM_KINDS } from './register.vocabulary.js';

const ZKey = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens');
/** Free text such as a description: newlines allowed, length bounded. */
const ZText = (max: number) => z.string().trim().max(max);

export const ZSystemBody = z.strictObject({
  name: ZName,
  description: ZText(5000).default(''),
  ownerId: ZId.nullable().default(null),
  departmentId: ZId.nullable().default(null),
  sector: ZKey,
  kind: z.enum(SYSTEM_KINDS),
  personalData: z.array(z.enum(PERSONAL_DATA)).max(4).default(['none']),
  hosting: z.enum(HOSTING),
  supplier: ZName.nullable().default(null),
  lifecycle: z.enum(LIFECYCLE).default('production'),
  tags: z.array(z.string().trim().min(1).max(50)).max(30).default([]),
  customFields: z.record(z.string().trim().min(1).max(60), z.string().max(1000)).default({}),
});

export const ZSystemPatch = z
  .strictObject({
    name: ZName.optional(),
    description: ZText(5000).optional(),
    ownerId: ZId.nullable().optional(),
    departmentId: ZId.nullable().optional(),
    sector: ZKey.optional(),
    kind: z.enum(SYSTEM_KINDS).optional(),
    personalData: z.array(z.enum(PERSONAL_DATA)).max(4).optional(),
    hosting: z.enum(HOSTING).optional(),
    supplier: ZName.nullable().optional(),
    lifecycle: z.enum(LIFECYCLE).optional(),
    tags: z.array(z.string().trim().min(1).max(50)).max(30).optional(),
    customFields: z.record(z.string().trim().min(1).max(60), z.string().max(1000)).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');

export const ZSystem = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  sector: z.string(),
  kind: z.string(),
  personalData: z.array(z.string()),
  hosting: z.string(),
  supplier: z.string().nullable(),
  lifecycle: z.string(),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  securityLevel: z.string().nullable(),
  notation: z.string().nullable(),
  reviewDue: z.string().nullable(),
  classifiedAt: z.string().nullable(),
});

export const ZSystemQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  q: z.string().trim().max(200).optional(),
  sector: ZKey.optional(),
  kind: z.enum(SYSTEM_KINDS).optional(),
  lifecycle: z.enum(LIFECYCLE).optional(),
  departmentId: ZId.optional(),
  /** The effective security level (the dashboard's drill-downs). */
  securityLevel: z.string().trim().max(100).optional(),
});

export const ZSector = z.object({ key: z.string(), name: z.string(), builtIn: z.boolean() });
export const ZSectorBody = z.strictObject({ key: ZKey, name: ZName });
export const ZDependencyBody = z.strictObject({ dependsOnId: ZId });
export const ZGraph = z.object({
  nodes: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), focus: z.boolean() })),
  edges: z.array(z.object({ from: z.string(), to: z.string() })),
});
