import { IMPLEMENTATION_STATUSES } from '@cityshield/core';
import { z } from 'zod';
import { ZDay, ZFlag, ZId, ZName, ZPageQuery, ZText } from '../../http/common.schema.js';

export const ZStatus = z.enum(IMPLEMENTATION_STATUSES);
const ZControlId = z.string().min(1).max(200);

export const ZRequirementQuery = ZPageQuery.extend({
  systemId: ZId.optional(),
  departmentId: ZId.optional(),
  sector: z.string().max(100).optional(),
  securityLevel: z.string().max(100).optional(),
  status: ZStatus.optional(),
  family: z.string().max(200).optional(),
  controlId: ZControlId.optional(),
  responsibleId: ZId.optional(),
  overdue: ZFlag.optional(),
  reviewRequired: ZFlag.optional(),
  inherited: ZFlag.optional(),
  retired: ZFlag.optional(),
  q: z.string().trim().max(200).optional(),
}).strict();

export const ZRequirementItem = z.object({
  id: z.string(),
  systemId: z.string(),
  systemName: z.string(),
  controlId: z.string(),
  label: z.string().nullable(),
  title: z.string(),
  family: z.string(),
  familyTitle: z.string(),
  status: ZStatus,
  effectiveStatus: ZStatus,
  inherited: z.object({ componentId: z.string(), componentName: z.string() }).nullable(),
  overridden: z.boolean(),
  responsibleId: z.string().nullable(),
  responsibleName: z.string().nullable(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  reviewRequired: z.boolean(),
  applies: z.boolean(),
  evidenceCount: z.number().int(),
  updatedAt: z.string(),
});

export const ZEvidence = z.object({
  id: z.string(),
  kind: z.enum(['file', 'link']),
  name: z.string(),
  url: z.string().nullable(),
  sha256: z.string().nullable(),
  size: z.number().int().nullable(),
  mediaType: z.string().nullable(),
  addedAt: z.string(),
  addedByName: z.string().nullable(),
  inherited: z.boolean(),
});

export const ZComment = z.object({ id: z.string(), body: z.string(), createdAt: z.string(), authorName: z.string().nullable() });

export const ZRequirement = ZRequirementItem.omit({ evidenceCount: true, inherited: true, applies: true }).extend({
  versionId: z.string(),
  control: z.record(z.string(), z.unknown()).nullable(),
  applies: z.boolean(),
  inherited: z.object({ componentId: z.string(), componentName: z.string(), status: z.string(), statement: z.string() }).nullable(),
  justification: z.string().nullable(),
  statement: z.string(),
  reviewNote: z.string().nullable(),
  evidence: z.array(ZEvidence),
  comments: z.array(ZComment),
});

export const ZRequirementPatch = z
  .strictObject({
    status: ZStatus.optional(),
    justification: ZText(5000).trim().nullable().optional(),
    statement: ZText(50000).optional(),
    responsibleId: ZId.nullable().optional(),
    dueDate: ZDay.nullable().optional(),
    override: z.boolean().optional(),
    reviewed: z.literal(true).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'nothing to change');

export const ZBulkBody = z.strictObject({
  ids: z.array(ZId).min(1).max(5000),
  set: z
    .strictObject({
      status: ZStatus.optional(),
      justification: ZText(5000).trim().nullable().optional(),
      statement: ZText(50000).optional(),
      responsibleId: ZId.nullable().optional(),
      dueDate: ZDay.nullable().optional(),
    })
    .refine((p) => Object.keys(p).length > 0, 'nothing to change'),
});

export const ZProgress = z.object({
  systemId: z.string(),
  securityLevel: z.string().nullable(),
  counts: z.record(ZStatus, z.number().int()),
  total: z.number().int(),
  overdue: z.number().int(),
  reviewRequired: z.number().int(),
  families: z.array(
    z.object({
      family: z.string(),
      familyTitle: z.string(),
      total: z.number().int(),
      implemented: z.number().int(),
      partially: z.number().int(),
      notApplicable: z.number().int(),
    }),
  ),
  latestChange: z
    .object({
      at: z.string(),
      cause: z.string(),
      securityLevel: z.string().nullable(),
      added: z.array(z.string()),
      removed: z.array(z.string()),
      changed: z.array(z.string()),
    })
    .nullable(),
});

export const ZBaselineChanges = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      cause: z.string(),
      securityLevel: z.string().nullable(),
      byName: z.string().nullable(),
      added: z.array(z.string()),
      removed: z.array(z.string()),
      changed: z.array(z.string()),
    }),
  ),
});

export const ZMapping = z.object({
  method: z.string(),
  narrowByKind: z.boolean(),
  levels: z.array(
    z.object({
      level: z.string(),
      levelName: z.string(),
      versionId: z.string().nullable(),
      title: z.string().nullable(),
      controlCount: z.number().int().nullable(),
      isDefault: z.boolean(),
    }),
  ),
  options: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      version: z.string(),
      kind: z.enum(['catalog', 'profile']),
      builtIn: z.boolean(),
      controlCount: z.number().int(),
    }),
  ),
  result: z.object({ systemsChanged: z.number().int(), added: z.number().int(), removed: z.number().int() }).optional(),
});

export const ZMappingBody = z.strictObject({
  levels: z.record(z.string().min(1).max(100), ZId.nullable()).refine((l) => Object.keys(l).length <= 20, 'too many levels'),
  narrowByKind: z.boolean(),
});

const ZCounts = {
  implemented: z.number().int(),
  partially: z.number().int(),
  planned: z.number().int(),
  notStarted: z.number().int(),
  notApplicable: z.number().int(),
  share: z.number().nullable(),
};

export const ZDashboardQuery = z.strictObject({
  departmentId: ZId.optional(),
  sector: z.string().max(100).optional(),
  securityLevel: z.string().max(100).optional(),
});

export const ZDashboard = z.object({
  asOf: z.string(),
  totals: z.object({
    ...ZCounts,
    systems: z.number().int(),
    unclassified: z.number().int(),
    reviewOverdue: z.number().int(),
    overdue: z.number().int(),
  }),
  heatmap: z.array(z.object({ departmentId: z.string().nullable(), securityLevel: z.string().nullable(), ...ZCounts })),
  byDepartment: z.array(
    z.object({
      departmentId: z.string().nullable(),
      name: z.string(),
      ...ZCounts,
      systems: z.number().int(),
      unclassified: z.number().int(),
      reviewOverdue: z.number().int(),
      overdue: z.number().int(),
    }),
  ),
  byLevel: z.array(z.object({ securityLevel: z.string().nullable(), ...ZCounts })),
  byFamily: z.array(z.object({ family: z.string(), familyTitle: z.string(), reviewRequired: z.number().int(), ...ZCounts })),
  bySector: z.array(z.object({ sector: z.string(), ...ZCounts })),
  /** 'today': a filtered or owner's view gets today's point only; the daily snapshots are organisation-wide. */
  trendScope: z.enum(['organisation', 'today']),
  trend: z.array(z.object({ day: z.string(), share: z.number().nullable(), overdue: z.number().int() })),
});

export const ZMyWork = z.object({
  open: z.number().int(),
  overdue: z.number().int(),
  requirements: z.array(
    z.object({
      id: z.string(),
      systemId: z.string(),
      systemName: z.string(),
      controlId: z.string(),
      label: z.string().nullable(),
      title: z.string(),
      status: z.string(),
      dueDate: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  systems: z.array(
    z.object({ id: z.string(), name: z.string(), reason: z.enum(['unclassified', 'review-overdue']), reviewDue: z.string().nullable() }),
  ),
});

export const ZComponentBody = z.strictObject({
  name: ZName,
  description: ZText(20000).default(''),
  kind: z.enum([
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
  ]),
  provider: ZName.nullable().default(null),
});

export const ZComponent = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  kind: z.string(),
  provider: z.string().nullable(),
  oscalUuid: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ZComponentDetail = ZComponent.extend({
  requirements: z.array(
    z.object({
      id: z.string(),
      controlId: z.string(),
      status: ZStatus,
      statement: z.string(),
      responsibleId: z.string().nullable(),
      responsibleName: z.string().nullable(),
      evidenceCount: z.number().int(),
      updatedAt: z.string(),
    }),
  ),
  systems: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const ZComponentRequirementBody = z.strictObject({
  status: ZStatus,
  statement: ZText(50000).default(''),
  responsibleId: ZId.nullable().default(null),
});

export const ZControlParams = z.strictObject({ id: ZId, controlId: ZControlId });

export const ZLinkBody = z.strictObject({
  name: ZName,
  url: z
    .string()
    .max(2000)
    .url()
    .refine((u) => /^https?:\/\//i.test(u), 'only http and https links'),
});

export const ZFileQuery = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[^\\/\p{Cc}]+$/u, 'a file name without paths or control characters'),
});
