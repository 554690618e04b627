import { IMPLEMENTATION_STATUSES, MAX_STEPS, RISK_DIMENSIONS, THREAT_SYSTEM_KINDS } from '@cityshield/core';
import { z } from 'zod';
import { ZDay, ZFlag, ZId, ZLine, ZName, ZPageQuery, ZText } from '../../http/common.schema.js';

/** Request and response shapes of the risk register (/risks …). */

export const TREATMENTS = ['reduce', 'accept', 'avoid', 'transfer'] as const;
export type Treatment = (typeof TREATMENTS)[number];
export const RISK_STATUSES = ['open', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

const ZStep = z.number().int().min(1).max(MAX_STEPS);
export const ZThreatKey = z.string().trim().min(1).max(50);
const ZControlId = z.string().trim().min(1).max(100);

export const ZCell = z.strictObject({ likelihood: ZStep, impact: ZStep });

// ---- matrix ------------------------------------------------------------------------------------

const ZMatrixStep = z.strictObject({ label: ZLine(60, 0), description: ZLine(300, 0).optional() });
const ZBand = z.strictObject({ key: z.string().trim().min(1).max(31), label: ZLine(40, 0), minScore: z.number().int().min(1).max(25) });

export const ZMatrixBody = z.strictObject({
  likelihood: z.array(ZMatrixStep).min(1).max(10),
  impact: z.array(ZMatrixStep).min(1).max(10),
  bands: z.array(ZBand).min(1).max(10),
  cells: z
    .array(z.array(z.string().max(31)).max(10))
    .max(10)
    .nullable()
    .optional(),
});

const ZMatrixOut = z.object({
  likelihood: z.array(z.object({ label: z.string(), description: z.string().optional() })),
  impact: z.array(z.object({ label: z.string(), description: z.string().optional() })),
  bands: z.array(z.object({ key: z.string(), label: z.string(), minScore: z.number() })),
  cells: z.array(z.array(z.string())).nullable().optional(),
});

export const ZMatrix = z.object({
  matrix: ZMatrixOut,
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  defaultMatrix: ZMatrixOut,
});

export const ZMatrixResult = ZMatrix.extend({ rerated: z.number().int(), rescaled: z.number().int() });

// ---- threats -----------------------------------------------------------------------------------

export const ZThreat = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  dimensions: z.array(z.string()),
  kinds: z.array(z.string()),
  sectors: z.array(z.string()),
  mitigations: z.array(z.string()),
  builtIn: z.boolean(),
  risks: z.number().int(),
});

export const ZThreatBody = z.strictObject({
  key: z.string().trim().min(1).max(60),
  name: ZName,
  description: ZText(2000).default(''),
  dimensions: z.array(z.enum(RISK_DIMENSIONS)).min(1).max(3),
  kinds: z.array(z.enum(THREAT_SYSTEM_KINDS)).max(THREAT_SYSTEM_KINDS.length).default([]),
  sectors: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
  mitigations: z.array(ZControlId).max(50).default([]),
});

export const ZThreatPatch = z
  .strictObject({
    name: ZName,
    description: ZText(2000),
    dimensions: z.array(z.enum(RISK_DIMENSIONS)).min(1).max(3),
    kinds: z.array(z.enum(THREAT_SYSTEM_KINDS)).max(THREAT_SYSTEM_KINDS.length),
    sectors: z.array(z.string().trim().min(1).max(60)).max(30),
    mitigations: z.array(ZControlId).max(50),
  })
  .partial();
export const ZThreatParams = z.strictObject({ key: ZThreatKey });

// ---- risks -------------------------------------------------------------------------------------

const ZAcceptance = z.strictObject({
  approverId: ZId,
  expiresOn: ZDay,
  reason: ZText(5000).trim().min(1, 'required'),
});

const riskFields = {
  title: ZName.optional(),
  threatKey: ZThreatKey,
  vulnerability: ZText(5000).trim().default(''),
  inherent: ZCell,
  residual: ZCell.optional(),
  treatment: z.enum(TREATMENTS).default('reduce'),
  treatmentNote: ZText(5000).trim().default(''),
  controlIds: z.array(ZControlId).max(100).default([]),
  acceptance: ZAcceptance.nullable().optional(),
  transferTo: ZLine(200, 0).nullable().optional(),
  ownerId: ZId.nullable().optional(),
  reviewDate: ZDay.nullable().optional(),
  status: z.enum(RISK_STATUSES).default('open'),
};

export const ZRiskBody = z
  .strictObject({
    systemId: ZId.nullable().optional(),
    componentId: ZId.nullable().optional(),
    ...riskFields,
  })
  .refine((b) => Boolean(b.systemId) !== Boolean(b.componentId), {
    message: 'name either a system or a component',
    path: ['systemId'],
  });

export const ZRiskPatch = z
  .strictObject({
    title: ZName,
    threatKey: ZThreatKey,
    vulnerability: ZText(5000).trim(),
    inherent: ZCell,
    residual: ZCell,
    treatment: z.enum(TREATMENTS),
    treatmentNote: ZText(5000).trim(),
    controlIds: z.array(ZControlId).max(100),
    acceptance: ZAcceptance.nullable(),
    transferTo: ZLine(200, 0).nullable(),
    ownerId: ZId.nullable(),
    reviewDate: ZDay.nullable(),
    status: z.enum(RISK_STATUSES),
  })
  .partial();

export const RISK_SORTS = ['residual', 'inherent', 'review', 'updated', 'title'] as const;

export const ZRiskQuery = ZPageQuery.extend({
  systemId: ZId.optional(),
  componentId: ZId.optional(),
  threatKey: ZThreatKey.optional(),
  status: z.enum(RISK_STATUSES).optional(),
  treatment: z.enum(TREATMENTS).optional(),
  rating: z.string().max(31).optional(),
  inherentRating: z.string().max(31).optional(),
  ownerId: ZId.optional(),
  basis: z.enum(['inherent', 'residual']).optional(),
  likelihood: z.coerce.number().int().min(1).max(MAX_STEPS).optional(),
  impact: z.coerce.number().int().min(1).max(MAX_STEPS).optional(),
  unmitigated: ZFlag.optional(),
  reviewOverdue: ZFlag.optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(RISK_SORTS).default('residual'),
}).strict();

const ZRated = z.object({
  likelihood: z.number().int(),
  impact: z.number().int(),
  score: z.number().int(),
  rating: z.string(),
  ratingLabel: z.string(),
  likelihoodLabel: z.string(),
  impactLabel: z.string(),
});

export const ZRiskItem = z.object({
  id: z.string(),
  title: z.string(),
  target: z.object({ type: z.enum(['system', 'component']), id: z.string(), name: z.string() }),
  threat: z.object({ key: z.string(), name: z.string(), builtIn: z.boolean() }),
  vulnerability: z.string(),
  inherent: ZRated,
  residual: ZRated,
  treatment: z.enum(TREATMENTS),
  treatmentNote: z.string(),
  acceptance: z
    .object({
      approverId: z.string().nullable(),
      approverName: z.string().nullable(),
      expiresOn: z.string(),
      reason: z.string(),
      expired: z.boolean(),
    })
    .nullable(),
  transferTo: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  reviewDate: z.string().nullable(),
  reviewOverdue: z.boolean(),
  status: z.enum(RISK_STATUSES),
  source: z.string(),
  controls: z.object({ total: z.number().int(), implemented: z.number().int() }),
  editable: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
});

export const ZControlStatus = z.object({
  controlId: z.string(),
  title: z.string().nullable(),
  /** The live status in the system's requirement list (or the component's implementation); null = not there. */
  status: z.enum(IMPLEMENTATION_STATUSES).nullable(),
  requirementId: z.string().nullable(),
  implemented: z.boolean(),
});

export const ZRisk = ZRiskItem.extend({
  controlStatus: z.array(ZControlStatus),
  threatDescription: z.string(),
  threatMitigations: z.array(z.string()),
});

export const ZHistory = z.object({
  items: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      actorEmail: z.string().nullable(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
});

export const ZSuggestion = z.object({
  threatKey: z.string(),
  threatName: z.string(),
  threatDescription: z.string(),
  reason: z.string(),
  likelihood: z.number().int(),
  impact: z.number().int(),
  score: z.number().int(),
  rating: z.string(),
  ratingLabel: z.string(),
  controls: z.array(z.object({ controlId: z.string(), status: z.enum(IMPLEMENTATION_STATUSES) })),
});

export const ZSuggestions = z.object({
  systemId: z.string(),
  classified: z.boolean(),
  items: z.array(ZSuggestion),
});

export const ZAcceptSuggestions = z.strictObject({
  threatKeys: z.array(ZThreatKey).min(1).max(30),
});

export const ZHeatmap = z.object({
  likelihood: z.array(z.string()),
  impact: z.array(z.string()),
  bands: z.array(z.object({ key: z.string(), label: z.string() })),
  cells: z.array(
    z.object({
      likelihood: z.number().int(),
      impact: z.number().int(),
      rating: z.string(),
      inherent: z.number().int(),
      residual: z.number().int(),
    }),
  ),
  open: z.number().int(),
});

export const ZScopeQuery = z.strictObject({
  systemId: ZId.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

export const ZExpiringQuery = z.strictObject({
  days: z.coerce.number().int().min(0).max(3650).default(30),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZUnmitigatedItem = ZRiskItem.extend({ openControls: z.array(ZControlStatus) });
