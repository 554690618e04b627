import { z } from 'zod';
import { errorResponses, ZDay, ZFlag, ZId, ZIdParams, ZLine, ZPage, ZPageQuery, ZText } from '../../http/common.schema.js';
import { actorOf, type RouteApp } from '../../http/route-app.js';
import type { Services } from '../../services.js';
import { ACTION_STATUSES } from './action.service.js';
import { AUDIT_RESULTS, AUDIT_STATUSES, FINDING_SEVERITIES } from './audit-common.js';

const ZAuditBody = z.strictObject({
  title: ZLine(300),
  method: ZText(5000).default('Document review, interviews and technical tests of a sample of requirements.'),
  periodStart: ZDay,
  periodEnd: ZDay,
  systemIds: z.array(ZId).max(2000).default([]),
  componentIds: z.array(ZId).max(500).default([]),
  families: z.array(z.string().max(200)).max(200).default([]),
});

const ZCycles = z.object({
  method: z.string(),
  levels: z.array(z.object({ level: z.string(), levelName: z.string(), years: z.number().int(), isDefault: z.boolean() })),
});

const ZAuditItem = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  method: z.string(),
  families: z.array(z.string()),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(AUDIT_STATUSES),
  conclusion: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});

const ZAudit = ZAuditItem.extend({
  systems: z.array(z.object({ id: z.string(), name: z.string(), securityLevel: z.string().nullable() })),
  components: z.array(z.object({ id: z.string(), name: z.string() })),
  auditors: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      email: z.string(),
      lead: z.boolean(),
      independence: z.string(),
      declaredAt: z.string(),
    }),
  ),
  progress: z.object({
    inScope: z.number().int(),
    assessed: z.number().int(),
    satisfied: z.number().int(),
    partially: z.number().int(),
    'not-satisfied': z.number().int(),
    'not-applicable': z.number().int(),
  }),
  findings: z.array(
    z.object({
      id: z.string(),
      ref: z.string(),
      title: z.string(),
      severity: z.string(),
      status: z.string(),
      controlId: z.string().nullable(),
    }),
  ),
  isAuditor: z.boolean(),
});

const ZAction = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(ACTION_STATUSES),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  source: z.object({
    type: z.enum(['finding', 'incident']),
    id: z.string(),
    ref: z.string(),
    title: z.string(),
    severity: z.string().nullable(),
  }),
  milestones: z.array(z.object({ id: z.string(), title: z.string(), dueDate: z.string(), doneAt: z.string().nullable() })),
  riskAcceptance: z
    .object({ approverId: z.string(), approverName: z.string().nullable(), until: z.string().nullable(), reason: z.string().nullable() })
    .nullable(),
  verification: z.object({ byName: z.string().nullable(), at: z.string().nullable(), note: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});

export function auditsRoutes(app: RouteApp, s: Services): void {
  app.get('/api/v1/audit-cycles', {
    config: { access: 'audits:read' },
    schema: {
      tags: ['audits'],
      summary: 'Years between independent audits per security level (ISKE: H 2, M 3, L 4)',
      response: { 200: ZCycles, ...errorResponses },
    },
    handler: async (req) => s.auditCycles.get(actorOf(req).orgId),
  });

  app.put('/api/v1/audit-cycles', {
    config: { access: 'audits:plan' },
    schema: {
      tags: ['audits'],
      summary: 'Set the audit cycle per level (null = default)',
      body: z.strictObject({ levels: z.record(z.string().max(100), z.number().int().min(1).max(10).nullable()) }),
      response: { 200: ZCycles, ...errorResponses },
    },
    handler: async (req) => s.auditCycles.set(actorOf(req), req.body.levels),
  });

  app.get('/api/v1/audits/calendar', {
    config: { access: 'audits:read' },
    schema: {
      tags: ['audits'],
      summary: 'When each system is next due for an audit: overdue, never audited, due soon, fine',
      querystring: ZPageQuery.extend({ state: z.enum(['overdue', 'never-audited', 'due-soon', 'ok', 'unclassified']).optional() }).strict(),
      response: {
        200: ZPage(
          z.object({
            systemId: z.string(),
            name: z.string(),
            securityLevel: z.string().nullable(),
            lastAuditEnd: z.string().nullable(),
            nextDue: z.string().nullable(),
            state: z.string(),
          }),
        ).extend({ counts: z.record(z.string(), z.number().int()) }),
        ...errorResponses,
      },
    },
    handler: async (req) => s.auditCycles.calendar(actorOf(req), req.query.state, req.query.page, req.query.pageSize),
  });

  app.get('/api/v1/audits', {
    config: { access: 'audits:read' },
    schema: {
      tags: ['audits'],
      summary: 'Audits (system owners: those covering their systems)',
      querystring: ZPageQuery.extend({ status: z.enum(AUDIT_STATUSES).optional() }).strict(),
      response: { 200: ZPage(ZAuditItem.extend({ systems: z.number().int(), findings: z.number().int() })), ...errorResponses },
    },
    handler: async (req) => s.audits.list(actorOf(req), req.query.status, req.query.page, req.query.pageSize),
  });

  app.post('/api/v1/audits', {
    config: { access: 'audits:plan' },
    schema: {
      tags: ['audits'],
      summary: 'Plan an audit: scope, period, method',
      body: ZAuditBody,
      response: { 201: ZAudit, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await s.audits.create(actorOf(req), req.body)),
  });

  app.get('/api/v1/audits/:id', {
    config: { access: 'audits:read' },
    schema: {
      tags: ['audits'],
      summary: 'An audit with scope, auditors, progress and findings',
      params: ZIdParams,
      response: { 200: ZAudit, ...errorResponses },
    },
    handler: async (req) => s.audits.get(actorOf(req), req.params.id),
  });

  app.patch('/api/v1/audits/:id', {
    config: { access: 'audits:plan' },
    schema: {
      tags: ['audits'],
      summary: 'Change an audit; status planned → fieldwork (needs an auditor) → reporting → closed (needs a conclusion)',
      params: ZIdParams,
      body: z
        .strictObject({
          title: ZLine(300).optional(),
          method: ZText(5000).optional(),
          periodStart: ZDay.optional(),
          periodEnd: ZDay.optional(),
          systemIds: z.array(ZId).max(2000).optional(),
          componentIds: z.array(ZId).max(500).optional(),
          families: z.array(z.string().max(200)).max(200).optional(),
          status: z.enum(AUDIT_STATUSES).optional(),
          conclusion: ZText(20000).nullable().optional(),
        })
        .refine((p) => Object.keys(p).length > 0, 'nothing to change'),
      response: { 200: ZAudit, ...errorResponses },
    },
    handler: async (req) => s.audits.update(actorOf(req), req.params.id, req.body),
  });

  app.post('/api/v1/audits/:id/auditors', {
    config: { access: 'audits:plan' },
    schema: {
      tags: ['audits'],
      summary: 'Assign an auditor with a declaration of independence (no consulting in the audited area in the last two years)',
      params: ZIdParams,
      body: z.strictObject({
        userId: ZId,
        lead: z.boolean().default(false),
        independence: ZText(5000),
        noConsultingConfirmed: z.boolean(),
      }),
      response: { 200: ZAudit, ...errorResponses },
    },
    handler: async (req) => s.auditors.add(actorOf(req), req.params.id, req.body),
  });

  app.delete('/api/v1/audits/:id/auditors/:userId', {
    config: { access: 'audits:plan' },
    schema: {
      tags: ['audits'],
      summary: 'Remove an auditor',
      params: z.strictObject({ id: ZId, userId: ZId }),
      response: { 200: ZAudit, ...errorResponses },
    },
    handler: async (req) => s.auditors.remove(actorOf(req), req.params.id, req.params.userId),
  });

  app.get('/api/v1/audits/:id/requirements', {
    config: { access: 'audits:read' },
    schema: {
      tags: ['audits'],
      summary: "Requirements in the audit's scope with implementation status and this audit's result",
      params: ZIdParams,
      querystring: ZPageQuery.extend({
        systemId: ZId.optional(),
        family: z.string().max(200).optional(),
        result: z.enum(AUDIT_RESULTS).optional(),
        unassessed: ZFlag.optional(),
      }).strict(),
      response: {
        200: ZPage(
          z.object({
            requirementId: z.string(),
            systemId: z.string(),
            systemName: z.string(),
            controlId: z.string(),
            title: z.string(),
            label: z.string().nullable(),
            family: z.string(),
            implementationStatus: z.string(),
            statement: z.string(),
            inherited: z.boolean(),
            result: z.string().nullable(),
            observations: z.string().nullable(),
            sampling: z.string().nullable(),
            evidenceReviewed: z.array(z.string()),
            assessedAt: z.string().nullable(),
          }),
        ),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      const { page, pageSize, ...f } = req.query;
      return s.fieldwork.requirements(actorOf(req), req.params.id, f, page, pageSize);
    },
  });

  app.put('/api/v1/audits/:id/results/:requirementId', {
    config: { access: 'audits:assess' },
    schema: {
      tags: ['audits'],
      summary: "Record the result for a requirement in scope (the audit's own auditors, during fieldwork)",
      params: z.strictObject({ id: ZId, requirementId: ZId }),
      body: z.strictObject({
        result: z.enum(AUDIT_RESULTS),
        observations: ZText(20000).default(''),
        sampling: ZText(5000).default(''),
        evidenceReviewed: z.array(ZId).max(200).default([]),
      }),
      response: { 200: z.object({ requirementId: z.string(), result: z.string(), assessedAt: z.string() }), ...errorResponses },
    },
    handler: async (req) => s.fieldwork.recordResult(actorOf(req), req.params.id, req.params.requirementId, req.body),
  });

  app.post('/api/v1/audits/:id/findings', {
    config: { access: 'audits:assess' },
    schema: {
      tags: ['audits'],
      summary: 'Record a finding (and the corrective action it asks for)',
      params: ZIdParams,
      body: z.strictObject({
        title: ZLine(300),
        description: ZText(20000).default(''),
        severity: z.enum(FINDING_SEVERITIES),
        controlId: z.string().max(200).nullable().default(null),
        systemIds: z.array(ZId).max(200).default([]),
        action: z
          .strictObject({ title: ZLine(300), ownerId: ZId.nullable().default(null), dueDate: ZDay })
          .nullable()
          .default(null),
      }),
      response: { 201: z.object({ id: z.string(), ref: z.string(), actionId: z.string().nullable() }), ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await s.findings.add(actorOf(req), req.params.id, req.body)),
  });

  app.get('/api/v1/findings', {
    config: { access: 'audits:read' },
    schema: {
      tags: ['audits'],
      summary: 'Findings across audits (system owners: those on their systems)',
      querystring: ZPageQuery.extend({
        auditId: ZId.optional(),
        status: z.enum(['open', 'closed']).optional(),
        severity: z.enum(FINDING_SEVERITIES).optional(),
      }).strict(),
      response: {
        200: ZPage(
          z.object({
            id: z.string(),
            ref: z.string(),
            title: z.string(),
            description: z.string(),
            severity: z.string(),
            status: z.string(),
            controlId: z.string().nullable(),
            createdAt: z.string(),
            auditId: z.string(),
            auditRef: z.string(),
          }),
        ),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      const { page, pageSize, ...f } = req.query;
      return s.findings.list(actorOf(req), f, page, pageSize);
    },
  });

  app.get('/api/v1/corrective-actions', {
    config: { access: 'audits:read' },
    schema: {
      tags: ['audits'],
      summary: 'The plan of action and milestones (system owners: their actions and those on their systems)',
      querystring: ZPageQuery.extend({
        status: z.enum(ACTION_STATUSES).optional(),
        open: ZFlag.optional(),
        ownerId: ZId.optional(),
        overdue: ZFlag.optional(),
        source: z.enum(['finding', 'incident']).optional(),
      }).strict(),
      response: { 200: ZPage(ZAction), ...errorResponses },
    },
    handler: async (req) => {
      const { page, pageSize, ...f } = req.query;
      return s.actions.list(actorOf(req), f, page, pageSize);
    },
  });

  app.get('/api/v1/corrective-actions/:id', {
    config: { access: 'audits:read' },
    schema: { tags: ['audits'], summary: 'One corrective action', params: ZIdParams, response: { 200: ZAction, ...errorResponses } },
    handler: async (req) => s.actions.get(actorOf(req), req.params.id),
  });

  app.patch('/api/v1/corrective-actions/:id', {
    config: { access: 'incidents:report' },
    schema: {
      tags: ['audits'],
      summary: 'The owner moves the action (open, in progress, done); planners also reassign or reschedule',
      params: ZIdParams,
      body: z
        .strictObject({
          status: z.enum(['open', 'in-progress', 'done']).optional(),
          ownerId: ZId.nullable().optional(),
          dueDate: ZDay.nullable().optional(),
        })
        .refine((p) => Object.keys(p).length > 0, 'nothing to change'),
      response: { 200: ZAction, ...errorResponses },
    },
    handler: async (req) => s.actions.update(actorOf(req), req.params.id, req.body),
  });

  app.post('/api/v1/corrective-actions/:id/milestones', {
    config: { access: 'incidents:report' },
    schema: {
      tags: ['audits'],
      summary: 'Plan a milestone (owner or planner)',
      params: ZIdParams,
      body: z.strictObject({ title: ZLine(300), dueDate: ZDay }),
      response: { 200: ZAction, ...errorResponses },
    },
    handler: async (req) => s.actions.addMilestone(actorOf(req), req.params.id, req.body),
  });

  app.patch('/api/v1/corrective-actions/:id/milestones/:milestoneId', {
    config: { access: 'incidents:report' },
    schema: {
      tags: ['audits'],
      summary: 'Mark a milestone done or not',
      params: z.strictObject({ id: ZId, milestoneId: ZId }),
      body: z.strictObject({ done: z.boolean() }),
      response: { 200: ZAction, ...errorResponses },
    },
    handler: async (req) => s.actions.setMilestone(actorOf(req), req.params.id, req.params.milestoneId, req.body.done),
  });

  app.post('/api/v1/corrective-actions/:id/risk-acceptance', {
    config: { access: 'audits:plan' },
    schema: {
      tags: ['audits'],
      summary: 'Accept the remaining risk: a named approver, an expiry date and a reason',
      params: ZIdParams,
      body: z.strictObject({ approverId: ZId, until: ZDay, reason: ZText(5000) }),
      response: { 200: ZAction, ...errorResponses },
    },
    handler: async (req) => s.actions.acceptRisk(actorOf(req), req.params.id, req.body),
  });

  app.post('/api/v1/corrective-actions/:id/verification', {
    config: { access: 'audits:assess' },
    schema: {
      tags: ['audits'],
      summary: 'An auditor of the audit verifies the closure of a done action (or sends it back)',
      params: ZIdParams,
      body: z.strictObject({ verified: z.boolean(), note: ZText(5000).default('') }),
      response: { 200: ZAction, ...errorResponses },
    },
    handler: async (req) => s.actions.verify(actorOf(req), req.params.id, req.body),
  });

  const ZSoaRow = z.object({
    controlId: z.string(),
    label: z.string().nullable(),
    title: z.string(),
    group: z.string().nullable(),
    applicable: z.boolean(),
    reason: z.string(),
    decided: z.boolean(),
    systems: z.number().int(),
    implemented: z.number().int(),
    partially: z.number().int(),
    notApplicable: z.number().int(),
  });

  app.get('/api/v1/soa/:id', {
    config: { access: 'audits:read' },
    schema: {
      tags: ['audits'],
      summary: 'Statement of applicability for a catalog: every control, applicable or not with the reason, implementation over systems',
      params: ZIdParams,
      querystring: ZPageQuery.extend({ q: z.string().trim().max(200).optional(), applicable: ZFlag.optional() }).strict(),
      response: {
        200: ZPage(ZSoaRow).extend({
          catalog: z.object({ id: z.string(), versionId: z.string(), title: z.string(), version: z.string() }),
          summary: z.object({ controls: z.number().int(), applicable: z.number().int() }),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      const { page, pageSize, ...q } = req.query;
      return s.soa.get(actorOf(req), req.params.id, q, page, pageSize);
    },
  });

  app.put('/api/v1/soa/:id/:controlId', {
    config: { access: 'audits:plan' },
    schema: {
      tags: ['audits'],
      summary: 'Decide whether a control applies, with the reason (null body fields reset to the default)',
      params: z.strictObject({ id: ZId, controlId: z.string().min(1).max(200) }),
      body: z.strictObject({ applicable: z.boolean(), reason: ZText(5000) }).nullable(),
    },
    handler: async (req, reply) => {
      await s.soa.decide(actorOf(req), req.params.id, req.params.controlId, req.body);
      return reply.status(204).send();
    },
  });
}
