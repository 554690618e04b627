import { uuidv7 } from 'uuidv7';
import { HIGH } from './answers.js';
import { newMember, newOrganisation, type TestClient } from './client.js';
import type { Harness } from './harness.js';

/** What the OSCAL export tests need, enough to check each document's content. */
export interface AssuranceSeed {
  admin: TestClient;
  orgId: string;
  orgName: string;
  adminId: string;
  owner: { id: string; email: string };
  auditor: { id: string; client: TestClient; email: string };
  systemId: string;
  systemName: string;
  componentId: string;
  /** Requirements by role in the scenario: id and control id. */
  req: Record<'implemented' | 'notApplicable' | 'partial' | 'inherited' | 'overridden', { id: string; controlId: string }>;
  total: number;
  auditId: string;
  auditRef: string;
  results: Record<'satisfied' | 'partially' | 'notSatisfied' | 'notApplicable', string>;
  findings: { withControl: string; general: string };
  actions: { open: string; accepted: string };
  milestones: string[];
  evidenceId: string;
}

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`expected ${status}, got ${r.statusCode}: ${r.body}`);
  return (r.body ? r.json() : undefined) as T;
}

/**
 * A classified system (ISKE K3T3S1 → H) with requirements implemented, not applicable, partial,
 * one inherited from a common component and one that overrides it; an audit of it (rows written
 * directly, as the audit module's own tests cover its API) with results, two findings and their
 * corrective actions (milestones, a risk acceptance).
 */
export async function seedAssurance(h: Harness, orgName?: string, systemName = 'Parking permits'): Promise<AssuranceSeed> {
  const { admin, orgId, adminId, name } = await newOrganisation(h, orgName);
  const owner = await newMember(h, admin, 'system_owner');
  const auditor = await newMember(h, admin, 'auditor');
  const system = await ok<{ id: string }>(
    admin.post('/api/v1/systems', {
      name: systemName,
      description: 'Residents apply for and renew parking permits online.',
      sector: 'transport',
      kind: 'application',
      hosting: 'cloud',
      personalData: ['personal', 'special-categories'],
      supplier: 'ParkSoft OÜ',
      ownerId: owner.id,
    }),
    201,
  );
  await ok(admin.post(`/api/v1/systems/${system.id}/classification`, { answers: HIGH }), 201);
  const list = await ok<{ items: Array<{ id: string; controlId: string }>; total: number }>(
    admin.get(`/api/v1/requirements?systemId=${system.id}&pageSize=200`),
  );
  const [implemented, notApplicable, partial, inherited, overridden] = list.items;
  if (!implemented || !notApplicable || !partial || !inherited || !overridden) throw new Error('too few requirements');

  await ok(
    admin.patch(`/api/v1/requirements/${implemented.id}`, {
      status: 'implemented',
      statement: 'Permits are issued only after the e-ID login; the clerk reviews every special permit.',
      responsibleId: adminId,
    }),
  );
  await ok(
    admin.patch(`/api/v1/requirements/${notApplicable.id}`, {
      status: 'not-applicable',
      justification: 'The system keeps no paper records.',
    }),
  );
  await ok(
    admin.patch(`/api/v1/requirements/${partial.id}`, {
      status: 'partially',
      statement: 'Backups run nightly; restore tests are pending.',
    }),
  );

  const component = await ok<{ id: string }>(
    admin.post('/api/v1/components', {
      name: 'Central identity service',
      kind: 'service',
      provider: 'City IT',
      description: 'Single sign-on for city applications.',
    }),
    201,
  );
  for (const [r, statement] of [
    [inherited, 'Single sign-on with MFA for every city application.'],
    [overridden, 'Central log collection for every city application.'],
  ] as const) {
    await ok(admin.request('PUT', `/api/v1/components/${component.id}/requirements/${r.controlId}`, { status: 'implemented', statement }));
  }
  await ok(admin.post(`/api/v1/systems/${system.id}/components`, { componentId: component.id }), 204);
  await ok(admin.patch(`/api/v1/requirements/${overridden.id}`, { status: 'planned', statement: 'Own log shipping planned for Q3.' }));

  const evidence = await ok<{ id: string }>(
    admin.post(`/api/v1/requirements/${implemented.id}/evidence/link`, {
      name: 'Login configuration',
      url: 'https://intranet.example.org/parking/login',
    }),
    201,
  );

  // The audit, written directly into its tables.
  const db = h.runtime.ctx.db;
  const now = new Date().toISOString();
  const auditId = uuidv7();
  const auditRef = `A-${Date.now() % 100000}`;
  await db
    .insertInto('audits')
    .values({
      id: auditId,
      org_id: orgId,
      ref: auditRef,
      title: 'Parking permits audit 2026',
      method: 'Document review, interviews with the system owner and technical tests of a sample of requirements.',
      families: '[]',
      period_start: '2026-01-12',
      period_end: '2026-02-20',
      status: 'reporting',
      conclusion: null,
      created_by: adminId,
      created_at: now,
      updated_at: now,
      closed_at: null,
    })
    .execute();
  await db.insertInto('audit_systems').values({ org_id: orgId, audit_id: auditId, system_id: system.id }).execute();
  await db
    .insertInto('audit_auditors')
    .values({
      org_id: orgId,
      audit_id: auditId,
      user_id: auditor.id,
      lead: 1,
      independence: 'I have not advised on or operated the parking permit system in the last two years.',
      declared_at: now,
    })
    .execute();
  const result = async (
    r: { id: string; controlId: string },
    value: string,
    observations: string,
    sampling = '',
    evidenceIds: string[] = [],
  ) => {
    const id = uuidv7();
    await db
      .insertInto('audit_results')
      .values({
        id,
        org_id: orgId,
        audit_id: auditId,
        requirement_id: r.id,
        system_id: system.id,
        control_id: r.controlId,
        result: value,
        observations,
        sampling,
        evidence_reviewed: JSON.stringify(evidenceIds),
        assessed_by: auditor.id,
        assessed_at: now,
      })
      .execute();
    return id;
  };
  const results = {
    satisfied: await result(implemented, 'satisfied', 'Login configuration reviewed; e-ID enforced.', '', [evidence.id]),
    partially: await result(partial, 'partially', 'No restore test in the last twelve months.', '3 of 3 sampled backups restorable'),
    notSatisfied: await result(overridden, 'not-satisfied', 'No log shipping is in place yet.'),
    notApplicable: await result(notApplicable, 'not-applicable', ''),
  };
  const finding = async (ref: string, title: string, severity: string, controlId: string | null) => {
    const id = uuidv7();
    await db
      .insertInto('findings')
      .values({
        id,
        org_id: orgId,
        audit_id: auditId,
        ref,
        title,
        description: `${title}: the auditor found this during fieldwork.`,
        severity,
        control_id: controlId,
        status: 'open',
        created_by: auditor.id,
        created_at: now,
      })
      .execute();
    await db.insertInto('finding_systems').values({ org_id: orgId, finding_id: id, system_id: system.id }).execute();
    return id;
  };
  const withControl = await finding(`F-${auditRef}-1`, 'Logs are not collected centrally', 'high', overridden.controlId);
  const general = await finding(`F-${auditRef}-2`, 'Operating manual outdated', 'moderate', null);
  const action = async (findingId: string, title: string, extra: Record<string, string | null>) => {
    const id = uuidv7();
    await db
      .insertInto('corrective_actions')
      .values({
        id,
        org_id: orgId,
        source_type: 'finding',
        source_id: findingId,
        title,
        description: `${title} to close the finding.`,
        owner_id: owner.id,
        due_date: '2027-03-31',
        status: 'open',
        created_at: now,
        closed_at: null,
        ...extra,
      })
      .execute();
    return id;
  };
  const open = await action(withControl, 'Ship logs to the central collector', { status: 'in-progress' });
  const accepted = await action(general, 'Rewrite the operating manual', {
    status: 'risk-accepted',
    risk_accepted_by: adminId,
    risk_accepted_until: '2027-12-31',
    risk_acceptance_reason: 'The manual is rewritten with the 2027 replacement of the system.',
  });
  const milestones = [uuidv7(), uuidv7()];
  await db
    .insertInto('action_milestones')
    .values([
      {
        id: milestones[0] as string,
        org_id: orgId,
        action_id: open,
        title: 'Collector endpoint agreed',
        due_date: '2026-12-15',
        done_at: now,
      },
      {
        id: milestones[1] as string,
        org_id: orgId,
        action_id: open,
        title: 'Logs shipped in production',
        due_date: '2027-03-31',
        done_at: null,
      },
    ])
    .execute();

  return {
    admin,
    orgId,
    orgName: name,
    adminId,
    owner: { id: owner.id, email: owner.email },
    auditor: { id: auditor.id, client: auditor.client, email: auditor.email },
    systemId: system.id,
    systemName,
    componentId: component.id,
    req: { implemented, notApplicable, partial, inherited, overridden },
    total: list.total,
    auditId,
    auditRef,
    results,
    findings: { withControl, general },
    actions: { open, accepted },
    milestones,
    evidenceId: evidence.id,
  };
}
