import type { Executor } from '../audit/audit.repository.js';
import {
  auditFinding,
  controlBodies,
  evidenceNames,
  type FindingRow,
  findingRequirement,
  findingSystems,
  loadResults,
  observation,
  resultFinding,
  resultsFor,
} from './assessment-common.js';
import {
  CS_NS,
  compact,
  csProp,
  dayEnd,
  dayStart,
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

export interface AuditRowForExport {
  id: string;
  org_id: string;
  ref: string;
  title: string;
  method: string;
  families: string;
  period_start: string;
  period_end: string;
  status: string;
  conclusion: string | null;
  updated_at: string;
  closed_at: string | null;
}

/**
 * The assessment results of one audit: one result for the audit (its period, the controls in
 * scope, the auditors' declarations of independence), an observation per recorded result, a
 * finding per result that is not plainly satisfied and one per finding the auditors recorded.
 * OSCAL requires an assessment plan to import; the audit as planned stands for it, described in
 * the back-matter.
 */
export async function buildAssessmentResults(db: Executor, audit: AuditRowForExport, now: string) {
  const orgId = audit.org_id;
  const org = await db.selectFrom('organisations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow();
  const systems = await db
    .selectFrom('audit_systems as x')
    .innerJoin('systems as s', 's.id', 'x.system_id')
    .select(['s.id', 's.name'])
    .where('x.audit_id', '=', audit.id)
    .orderBy('s.name_key')
    .orderBy('s.id')
    .execute();
  const components = await db
    .selectFrom('audit_components as x')
    .innerJoin('components as k', 'k.id', 'x.component_id')
    .select(['k.id', 'k.name'])
    .where('x.audit_id', '=', audit.id)
    .orderBy('k.name')
    .execute();
  const auditors = await db
    .selectFrom('audit_auditors as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['u.id', 'u.name', 'u.email', 'a.lead', 'a.independence', 'a.declared_at'])
    .where('a.audit_id', '=', audit.id)
    .orderBy('a.lead', 'desc')
    .orderBy('u.name')
    .execute();
  const families = parseFamilies(audit.families);

  // Controls in scope: the applying requirements of the systems in scope, within the families; plus any assessed since.
  let scope = db
    .selectFrom('system_requirements as r')
    .innerJoin('audit_systems as x', (j) => j.onRef('x.system_id', '=', 'r.system_id').on('x.audit_id', '=', audit.id))
    .select(['r.control_id'])
    .select((eb) => eb.fn.min('r.position').as('position'))
    .where('r.applies', '=', 1)
    .groupBy('r.control_id');
  if (families.length > 0) scope = scope.where('r.family', 'in', families);
  const scoped = await scope.execute();
  const results = await loadResults(db, orgId, [audit.id]);
  const controls = [
    ...new Set([
      ...scoped
        .sort((a, b) => Number(a.position) - Number(b.position) || a.control_id.localeCompare(b.control_id))
        .map((c) => c.control_id),
      ...results.map((r) => r.control_id),
    ]),
  ];

  const findings: FindingRow[] = await db
    .selectFrom('findings')
    .select(['id', 'audit_id', 'ref', 'title', 'description', 'severity', 'control_id', 'status', 'created_by', 'created_at'])
    .where('org_id', '=', orgId)
    .where('audit_id', '=', audit.id)
    .orderBy('ref')
    .orderBy('id')
    .execute();
  const affected = await findingSystems(
    db,
    findings.map((f) => f.id),
  );

  const bodies = await controlBodies(
    db,
    results.map((r) => r.requirement_id),
  );
  const evidence = await evidenceNames(db, orgId, results);

  const userIds = new Set<string>([
    ...auditors.map((a) => a.id),
    ...results.map((r) => r.assessed_by).filter((x): x is string => !!x),
    ...findings.map((f) => f.created_by).filter((x): x is string => !!x),
  ]);
  const users: PartyUser[] =
    userIds.size > 0
      ? await db
          .selectFrom('users')
          .select(['id', 'name', 'email'])
          .where('org_id', '=', orgId)
          .where('id', 'in', [...userIds])
          .execute()
      : [];
  const known = new Set(users.map((u) => u.id));

  const auditFindings: Json[] = [];
  for (const f of findings) {
    const on = affected.get(f.id) ?? [];
    const related = await findingRequirement(db, f, on);
    auditFindings.push(auditFinding(f, on, { ...related, results: resultsFor(f, new Set(on.map((s) => s.id)), results) }));
  }
  const resultFindings = results.map((r) => resultFinding(r, bodies.get(r.requirement_id))).filter((x): x is Json => x !== undefined);

  const apResource = oscalUuid('assessment-plan', audit.id);
  const scopeText = [
    systems.length > 0 ? `Systems in scope: ${systems.map((s) => s.name).join(', ')}.` : 'No systems are in scope.',
    components.length > 0 ? `Common components in scope: ${components.map((k) => k.name).join(', ')}.` : undefined,
    families.length > 0 ? `Requirement families: ${families.join(', ')}.` : 'All requirement families.',
  ]
    .filter(Boolean)
    .join(' ');
  const lead = auditors.filter((a) => a.lead === 1 && known.has(a.id));
  const title = `Assessment results: ${audit.title} (${audit.ref})`;
  const document = {
    'assessment-results': {
      uuid: oscalUuid('assessment-results', audit.id),
      metadata: compact({
        title,
        'last-modified': now,
        version: newest(
          [audit.updated_at, audit.closed_at, ...results.map((r) => r.assessed_at), ...findings.map((f) => f.created_at)],
          now,
        ),
        'oscal-version': EXPORT_OSCAL_VERSION,
        props: some([csProp('generator', 'CityShield'), csProp('audit-ref', audit.ref), csProp('audit-status', audit.status)]),
        roles: [
          { id: 'assessor', title: 'Auditor' },
          { id: 'assessment-lead', title: 'Lead auditor' },
        ],
        parties: parties(orgId, org.name, users),
        'responsible-parties': some([
          auditors.some((a) => known.has(a.id))
            ? { 'role-id': 'assessor', 'party-uuids': auditors.filter((a) => known.has(a.id)).map((a) => ids.user(a.id)) }
            : undefined,
          lead.length > 0 ? { 'role-id': 'assessment-lead', 'party-uuids': lead.map((a) => ids.user(a.id)) } : undefined,
        ]),
      }),
      'import-ap': {
        href: `#${apResource}`,
        remarks:
          'The assessment plan is the audit as planned in CityShield (scope, period, method and auditors), described in the back-matter.',
      },
      results: [
        compact({
          uuid: oscalUuid('assessment-result', audit.id),
          title: audit.title,
          description: `${text(audit.method, 'Audit of the requirements in scope.')}\n\n${scopeText}`,
          start: dayStart(audit.period_start),
          end: dayEnd(audit.period_end),
          props: some([csProp('audit-ref', audit.ref), csProp('audit-status', audit.status)]),
          'reviewed-controls': {
            description: `The applying requirements of the systems in scope${families.length > 0 ? ` in the families ${families.join(', ')}` : ''}.`,
            'control-selections': [
              controls.length > 0
                ? { 'include-controls': controls.map((c) => ({ 'control-id': c })) }
                : { remarks: 'No requirements were in scope when this was exported.' },
            ],
          },
          attestations: some(
            auditors
              .filter((a) => known.has(a.id))
              .map((a) => ({
                'responsible-parties': [{ 'role-id': a.lead === 1 ? 'assessment-lead' : 'assessor', 'party-uuids': [ids.user(a.id)] }],
                parts: [
                  {
                    name: 'independence',
                    ns: CS_NS,
                    title: `Declaration of independence of ${a.name}`,
                    prose: `${text(a.independence, 'No consulting in the audited area in the last two years.')}\n\nDeclared on ${a.declared_at.slice(0, 10)}.`,
                  },
                ],
              })),
          ),
          observations: some(results.map((r) => observation(r, audit.method, evidence))),
          findings: some([...resultFindings, ...auditFindings]),
          remarks: audit.conclusion?.trim() ? `Conclusion: ${audit.conclusion.trim()}` : undefined,
        }),
      ],
      'back-matter': {
        resources: [
          {
            uuid: apResource,
            title: `Assessment plan: ${audit.title} (${audit.ref})`,
            description: `${text(audit.method, 'Audit of the requirements in scope.')}\n\nPeriod ${audit.period_start} to ${audit.period_end}. ${scopeText}`,
            props: [{ name: 'type', value: 'plan' }],
            rlinks: [{ href: `/api/v1/audits/${audit.id}`, 'media-type': 'application/json' }],
          },
          ...systems.map((s) => ({
            uuid: oscalUuid('ssp-link', s.id),
            title: `System security plan: ${s.name}`,
            rlinks: [{ href: `/api/v1/systems/${s.id}/oscal/ssp`, 'media-type': OSCAL_JSON }],
          })),
        ],
      },
    },
  };
  return { document, title, results: results.length, findings: resultFindings.length + auditFindings.length };
}

function parseFamilies(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
