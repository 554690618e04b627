import type { Actor } from '../../context.js';
import { AppError } from '../../errors.js';
import type { Executor } from '../audit/audit.repository.js';
import { visibleAction } from '../audits/visibility.js';
import {
  auditFinding,
  evidenceNames,
  type FindingRow,
  findingRequirement,
  findingSystems,
  loadResults,
  observation,
  resultsFor,
} from './assessment-common.js';
import {
  compact,
  csProp,
  dayEnd,
  EXPORT_OSCAL_VERSION,
  ids,
  type Json,
  newest,
  OSCAL_JSON,
  oscalUuid,
  type PartyUser,
  parties,
  some,
  text,
} from './oscal-common.js';

/** Corrective-action status → OSCAL risk status. */
const RISK_STATUS: Record<string, string> = {
  open: 'open',
  'in-progress': 'remediating',
  done: 'remediating',
  verified: 'closed',
  'risk-accepted': 'deviation-approved',
};

/**
 * The organisation's plan of action and milestones: one POA&M item per corrective action (from
 * findings and incidents), each with a risk whose remediations carry the milestones as tasks and,
 * when the risk was accepted, the acceptance with its approver and expiry; the findings and the
 * observations behind them as in the assessment results (same UUIDs); the systems' SSPs as the
 * import.
 */
export async function buildPoam(db: Executor, actor: Actor, now: string) {
  const orgId = actor.orgId;
  const org = await db.selectFrom('organisations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow();
  let q = db.selectFrom('corrective_actions as c').selectAll('c').where('c.org_id', '=', orgId);
  // As the corrective-action list shows them.
  q = q.where(visibleAction(actor));
  const actions = await q.orderBy('c.created_at').orderBy('c.id').execute();
  if (actions.length === 0) {
    throw new AppError(
      'CONFLICT',
      'There are no corrective actions to export, and an OSCAL plan of action and milestones needs at least one item.',
    );
  }
  const actionIds = actions.map((a) => a.id);
  const milestones = await db
    .selectFrom('action_milestones')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('action_id', 'in', actionIds)
    .orderBy('due_date')
    .orderBy('id')
    .execute();

  const findingIds = [...new Set(actions.filter((a) => a.source_type === 'finding').map((a) => a.source_id))];
  const findings: FindingRow[] =
    findingIds.length > 0
      ? await db
          .selectFrom('findings')
          .select(['id', 'audit_id', 'ref', 'title', 'description', 'severity', 'control_id', 'status', 'created_by', 'created_at'])
          .where('org_id', '=', orgId)
          .where('id', 'in', findingIds)
          .orderBy('ref')
          .execute()
      : [];
  const findingById = new Map(findings.map((f) => [f.id, f]));
  const affected = await findingSystems(
    db,
    findings.map((f) => f.id),
  );
  const audits =
    findings.length > 0
      ? await db
          .selectFrom('audits')
          .select(['id', 'ref', 'title', 'method'])
          .where(
            'id',
            'in',
            findings.map((f) => f.audit_id),
          )
          .execute()
      : [];
  const auditById = new Map(audits.map((a) => [a.id, a]));
  const results = await loadResults(
    db,
    orgId,
    audits.map((a) => a.id),
  );

  const incidentIds = [...new Set(actions.filter((a) => a.source_type === 'incident').map((a) => a.source_id))];
  const incidents =
    incidentIds.length > 0
      ? await db
          .selectFrom('incidents')
          .select(['id', 'ref', 'title', 'severity'])
          .where('org_id', '=', orgId)
          .where('id', 'in', incidentIds)
          .execute()
      : [];
  const incidentById = new Map(incidents.map((i) => [i.id, i]));
  const incidentSystems =
    incidentIds.length > 0
      ? await db.selectFrom('incident_systems').select(['incident_id', 'system_id']).where('incident_id', 'in', incidentIds).execute()
      : [];

  // Findings and the observations behind them, shared with the assessment results.
  const findingDocs: Json[] = [];
  const observationsOf = new Map<string, string[]>();
  const usedResults = new Map<string, (typeof results)[number]>();
  for (const f of findings) {
    const on = affected.get(f.id) ?? [];
    const backing = resultsFor(f, new Set(on.map((s) => s.id)), results);
    for (const r of backing) usedResults.set(r.id, r);
    observationsOf.set(
      f.id,
      backing.map((r) => ids.observation(r.id)),
    );
    findingDocs.push(auditFinding(f, on, { ...(await findingRequirement(db, f, on)), results: backing }));
  }
  const evidence = await evidenceNames(db, orgId, [...usedResults.values()]);
  const observations = [...usedResults.values()].map((r) => observation(r, auditById.get(r.audit_id)?.method ?? '', evidence));

  const userIds = new Set<string>();
  for (const a of actions) for (const u of [a.owner_id, a.risk_accepted_by, a.verified_by]) if (u) userIds.add(u);
  for (const f of findings) if (f.created_by) userIds.add(f.created_by);
  for (const r of usedResults.values()) if (r.assessed_by) userIds.add(r.assessed_by);
  const users: PartyUser[] =
    userIds.size > 0
      ? await db
          .selectFrom('users')
          .select(['id', 'name', 'email'])
          .where('org_id', '=', orgId)
          .where('id', 'in', [...userIds])
          .execute()
      : [];
  const userById = new Map(users.map((u) => [u.id, u]));
  const party = (id: string | null) => (id && userById.has(id) ? ids.user(id) : undefined);

  const risks: Json[] = [];
  const items: Json[] = [];
  for (const a of actions) {
    const finding = a.source_type === 'finding' ? findingById.get(a.source_id) : undefined;
    const incident = a.source_type === 'incident' ? incidentById.get(a.source_id) : undefined;
    const owner = party(a.owner_id);
    const approver = party(a.risk_accepted_by);
    const verifier = party(a.verified_by);
    const riskUuid = oscalUuid('risk', a.id);
    const source = finding
      ? `Finding ${finding.ref} of audit ${auditById.get(finding.audit_id)?.ref ?? ''}`.trim()
      : incident
        ? `Incident ${incident.ref}`
        : `${a.source_type} ${a.source_id}`;
    const tasks = milestones
      .filter((m) => m.action_id === a.id)
      .map((m) =>
        compact({
          uuid: oscalUuid('milestone', m.id),
          type: 'milestone',
          title: m.title,
          props: some([csProp('completed', m.done_at)]),
          timing: { 'on-date': { date: dayEnd(m.due_date) } },
          'responsible-roles': owner ? [{ 'role-id': 'action-owner', 'party-uuids': [owner] }] : undefined,
        }),
      );
    const remediations: Json[] = [
      compact({
        uuid: oscalUuid('remediation', a.id),
        lifecycle: a.status === 'done' || a.status === 'verified' ? 'completed' : 'planned',
        title: a.title,
        description: text(a.description, a.title),
        props: [{ name: 'type', value: 'mitigate' }],
        origins: owner ? [{ actors: [{ type: 'party', 'actor-uuid': owner, 'role-id': 'action-owner' }] }] : undefined,
        tasks: some(tasks),
      }),
    ];
    if (a.risk_accepted_by) {
      remediations.push(
        compact({
          uuid: oscalUuid('risk-acceptance', a.id),
          lifecycle: 'completed',
          title: 'Risk accepted',
          description: `${text(a.risk_acceptance_reason, 'The remaining risk was accepted.')}${a.risk_accepted_until ? `\n\nAccepted until ${a.risk_accepted_until}.` : ''}`,
          props: some([{ name: 'type', value: 'accept' }, csProp('risk-accepted-until', a.risk_accepted_until)]),
          origins: approver ? [{ actors: [{ type: 'party', 'actor-uuid': approver, 'role-id': 'risk-approver' }] }] : undefined,
        }),
      );
    }
    risks.push(
      compact({
        uuid: riskUuid,
        title: a.title,
        description: finding
          ? text(finding.description, finding.title)
          : incident
            ? `Follow-up of incident ${incident.ref}: ${incident.title}`
            : a.title,
        statement: `${source}${finding ? ` (severity ${finding.severity})` : incident ? ` (severity ${incident.severity})` : ''}: ${text(a.description, a.title)}`,
        props: some([csProp('severity', finding?.severity ?? incident?.severity)]),
        status: RISK_STATUS[a.status] ?? 'open',
        deadline: a.due_date ? dayEnd(a.due_date) : undefined,
        remediations,
        'risk-log':
          a.verified_at && verifier
            ? {
                entries: [
                  compact({
                    uuid: oscalUuid('verification', a.id),
                    title: 'Closure verified by the auditor',
                    description: text(a.verification_note, 'The auditor verified that the action closed the finding.'),
                    start: a.verified_at,
                    'logged-by': [{ 'party-uuid': verifier, 'role-id': 'assessor' }],
                    'status-change': 'closed',
                  }),
                ],
              }
            : undefined,
        'related-observations': some((finding ? (observationsOf.get(finding.id) ?? []) : []).map((o) => ({ 'observation-uuid': o }))),
      }),
    );
    items.push(
      compact({
        uuid: oscalUuid('poam-item', a.id),
        title: a.title,
        description: text(a.description, a.title),
        props: some([
          csProp('status', a.status),
          csProp('due-date', a.due_date),
          csProp('source', a.source_type),
          csProp('source-ref', finding?.ref ?? incident?.ref),
          csProp('owner', owner ? userById.get(a.owner_id ?? '')?.name : undefined),
          csProp('closed-at', a.closed_at),
        ]),
        origins:
          finding?.created_by && party(finding.created_by)
            ? [{ actors: [{ type: 'party', 'actor-uuid': party(finding.created_by), 'role-id': 'assessor' }] }]
            : undefined,
        'related-findings': finding ? [{ 'finding-uuid': ids.finding(finding.id) }] : undefined,
        'related-observations': some((finding ? (observationsOf.get(finding.id) ?? []) : []).map((o) => ({ 'observation-uuid': o }))),
        'related-risks': [{ 'risk-uuid': riskUuid }],
        remarks: some([
          a.risk_accepted_by
            ? `Risk accepted by ${userById.get(a.risk_accepted_by)?.name ?? 'an approver'}${a.risk_accepted_until ? ` until ${a.risk_accepted_until}` : ''}.`
            : undefined,
          a.verified_at ? `Closure verified on ${a.verified_at.slice(0, 10)}.` : undefined,
        ])?.join(' '),
      }),
    );
  }

  // The SSPs of the affected systems stand for the one OSCAL lets a POA&M import.
  const systemIds = new Set<string>([
    ...findings.flatMap((f) => (affected.get(f.id) ?? []).map((s) => s.id)),
    ...incidentSystems.map((s) => s.system_id),
  ]);
  const systems =
    systemIds.size > 0
      ? await db
          .selectFrom('systems')
          .select(['id', 'name'])
          .where('org_id', '=', orgId)
          .where('id', 'in', [...systemIds])
          .orderBy('name_key')
          .orderBy('id')
          .execute()
      : [];
  const sspResource = oscalUuid('poam-ssp', orgId);
  const title = `Plan of action and milestones: ${org.name}`;
  const document = {
    'plan-of-action-and-milestones': {
      uuid: oscalUuid('poam', orgId),
      metadata: compact({
        title,
        'last-modified': now,
        version: newest(
          [
            ...actions.flatMap((a) => [a.created_at, a.closed_at, a.verified_at]),
            ...milestones.map((m) => m.done_at),
            ...findings.map((f) => f.created_at),
          ],
          now,
        ),
        'oscal-version': EXPORT_OSCAL_VERSION,
        props: some([csProp('generator', 'CityShield')]),
        roles: [
          { id: 'action-owner', title: 'Owner of a corrective action' },
          { id: 'risk-approver', title: 'Approver of an accepted risk' },
          { id: 'assessor', title: 'Auditor' },
        ],
        parties: parties(orgId, org.name, users),
      }),
      'import-ssp': {
        href: `#${sspResource}`,
        remarks: 'Each affected system has its own system security plan in CityShield; they are linked in the back-matter.',
      },
      observations: some(observations),
      risks,
      findings: some(findingDocs),
      'poam-items': items,
      'back-matter': {
        resources: [
          compact({
            uuid: sspResource,
            title: `System security plans of ${org.name}`,
            description:
              systems.length > 0
                ? `The system security plans of the systems this plan covers: ${systems.map((s) => s.name).join(', ')}.`
                : 'The system security plans of the organisation’s systems (no corrective action names a system).',
            rlinks: some(systems.map((s) => ({ href: `/api/v1/systems/${s.id}/oscal/ssp`, 'media-type': OSCAL_JSON }))),
          }),
        ],
      },
    },
  };
  return { document, title, items: items.length };
}
