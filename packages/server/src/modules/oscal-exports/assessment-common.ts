import type { Executor } from '../audit/audit.repository.js';
import { compact, csProp, ids, type Json, some, targetOf, text } from './oscal-common.js';

/**
 * The pieces the assessment results and the POA&M share: observations from recorded audit
 * results and findings from the audit's findings, with the same UUIDs in both documents.
 */

export interface ResultRow {
  id: string;
  audit_id: string;
  requirement_id: string;
  system_id: string;
  system_name: string;
  control_id: string;
  result: string;
  observations: string;
  sampling: string;
  evidence_reviewed: string;
  assessed_by: string | null;
  assessed_at: string;
}

export interface FindingRow {
  id: string;
  audit_id: string;
  ref: string;
  title: string;
  description: string;
  severity: string;
  control_id: string | null;
  status: string;
  created_by: string | null;
  created_at: string;
}

export const RESULT_LABEL: Record<string, string> = {
  satisfied: 'satisfied',
  partially: 'partially satisfied',
  'not-satisfied': 'not satisfied',
  'not-applicable': 'not applicable',
};

/** Audit results of the given audits (optionally only some), with the system's name, in a stable order. */
export async function loadResults(db: Executor, orgId: string, auditIds: readonly string[]): Promise<ResultRow[]> {
  if (auditIds.length === 0) return [];
  return db
    .selectFrom('audit_results as r')
    .innerJoin('systems as s', 's.id', 'r.system_id')
    .leftJoin('system_requirements as q', 'q.id', 'r.requirement_id')
    .select([
      'r.id',
      'r.audit_id',
      'r.requirement_id',
      'r.system_id',
      's.name as system_name',
      'r.control_id',
      'r.result',
      'r.observations',
      'r.sampling',
      'r.evidence_reviewed',
      'r.assessed_by',
      'r.assessed_at',
    ])
    .where('r.org_id', '=', orgId)
    .where('r.audit_id', 'in', [...auditIds])
    .orderBy('s.name_key')
    .orderBy('r.system_id')
    .orderBy('q.position')
    .orderBy('r.control_id')
    .orderBy('r.id')
    .execute();
}

/** The catalog body of each control a requirement refers to, for assessment targets. */
export async function controlBodies(db: Executor, requirementIds: readonly string[]): Promise<Map<string, Json>> {
  const out = new Map<string, Json>();
  const unique = [...new Set(requirementIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('system_requirements as q')
      .innerJoin('catalog_controls as c', (j) => j.onRef('c.version_id', '=', 'q.version_id').onRef('c.control_id', '=', 'q.control_id'))
      .select(['q.id', 'c.body'])
      .where('q.id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, JSON.parse(r.body) as Json);
  }
  return out;
}

/** Names of evidence records, for the evidence an auditor reviewed. */
export async function evidenceNames(db: Executor, orgId: string, results: readonly ResultRow[]) {
  const wanted = [...new Set(results.flatMap((r) => parseIds(r.evidence_reviewed)))];
  const out = new Map<string, { name: string; url: string | null }>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom('evidence')
      .select(['id', 'name', 'url'])
      .where('org_id', '=', orgId)
      .where('id', 'in', wanted.slice(i, i + 500))
      .execute();
    for (const e of rows) out.set(e.id, { name: e.name, url: e.url });
  }
  return out;
}

export function parseIds(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * How a result was reached, in OSCAL's words: evidence reviewed → EXAMINE, a sample taken → TEST,
 * and what the audit's method names (interviews, tests, document review); EXAMINE otherwise.
 */
export function methodsOf(r: ResultRow, auditMethod: string): string[] {
  const m = new Set<string>();
  if (parseIds(r.evidence_reviewed).length > 0) m.add('EXAMINE');
  if (r.sampling.trim() !== '') m.add('TEST');
  const words = auditMethod.toLowerCase();
  if (m.size === 0) {
    if (/interview/.test(words)) m.add('INTERVIEW');
    if (/\btest/.test(words)) m.add('TEST');
    if (/review|examin|document|inspect/.test(words)) m.add('EXAMINE');
  }
  if (m.size === 0) m.add('EXAMINE');
  return ['EXAMINE', 'INTERVIEW', 'TEST'].filter((x) => m.has(x));
}

/** One observation per recorded result. */
export function observation(r: ResultRow, auditMethod: string, evidence: Map<string, { name: string; url: string | null }>): Json {
  const reviewed = parseIds(r.evidence_reviewed)
    .map((id) => ({ id, e: evidence.get(id) }))
    .filter((x) => x.e !== undefined);
  return compact({
    uuid: ids.observation(r.id),
    title: `${r.control_id} on ${r.system_name}: ${RESULT_LABEL[r.result] ?? r.result}`,
    description: text(
      r.observations,
      `The auditor recorded the result “${RESULT_LABEL[r.result] ?? r.result}” without further observations.`,
    ),
    props: some([csProp('result', r.result)]),
    methods: methodsOf(r, auditMethod),
    types: ['control-objective'],
    origins: r.assessed_by ? [{ actors: [{ type: 'party', 'actor-uuid': ids.user(r.assessed_by), 'role-id': 'assessor' }] }] : undefined,
    subjects: [{ 'subject-uuid': ids.thisSystem(r.system_id), type: 'component', title: r.system_name }],
    'relevant-evidence': some(
      reviewed.map((x) =>
        compact({
          href: x.e?.url ?? `/api/v1/evidence/${x.id}/file`,
          description: `Evidence reviewed: ${x.e?.name ?? x.id}`,
        }),
      ),
    ),
    collected: r.assessed_at,
    remarks: r.sampling.trim() ? `Sampling: ${r.sampling.trim()}` : undefined,
  });
}

/** A finding for a result that is not plainly satisfied; undefined for satisfied ones. */
export function resultFinding(r: ResultRow, body: Json | undefined): Json | undefined {
  if (r.result === 'satisfied') return undefined;
  const na = r.result === 'not-applicable';
  return compact({
    uuid: ids.resultFinding(r.id),
    title: `${r.control_id} on ${r.system_name}: ${RESULT_LABEL[r.result] ?? r.result}`,
    description: text(r.observations, `The requirement was found ${RESULT_LABEL[r.result] ?? r.result}.`),
    props: some([csProp('result', r.result)]),
    target: compact({
      ...targetOf(r.control_id, body),
      description: `${r.control_id} as implemented by ${r.system_name}.`,
      status: na
        ? { state: 'satisfied', reason: 'other', remarks: 'Not applicable to this system.' }
        : { state: 'not-satisfied', reason: 'fail' },
      'implementation-status': na ? { state: 'not-applicable' } : r.result === 'partially' ? { state: 'partial' } : undefined,
    }),
    'implementation-statement-uuid': ids.requirement(r.requirement_id),
    'related-observations': [{ 'observation-uuid': ids.observation(r.id) }],
  });
}

/** A finding the auditors recorded (with severity and the systems it affects). */
export function auditFinding(
  f: FindingRow,
  systems: ReadonlyArray<{ id: string; name: string }>,
  related: { results: readonly ResultRow[]; body: Json | undefined; requirementId: string | undefined },
): Json {
  const names = systems.map((s) => s.name).join(', ');
  const target = f.control_id
    ? { ...targetOf(f.control_id, related.body), description: `${f.control_id}${names ? ` on ${names}` : ''}.` }
    : {
        type: 'objective-id',
        'target-id': /^(\p{L}|_)/u.test(f.ref) ? f.ref.replace(/[^\p{L}\p{N}._-]/gu, '-') : `_${f.ref.replace(/[^\p{L}\p{N}._-]/gu, '-')}`,
        description: `Not tied to one requirement${names ? `; affects ${names}` : ''}.`,
      };
  return compact({
    uuid: ids.finding(f.id),
    title: `${f.ref}: ${f.title}`,
    description: text(f.description, f.title),
    props: some([csProp('finding-ref', f.ref), csProp('severity', f.severity), csProp('finding-status', f.status)]),
    origins: f.created_by ? [{ actors: [{ type: 'party', 'actor-uuid': ids.user(f.created_by), 'role-id': 'assessor' }] }] : undefined,
    target: { ...target, status: { state: 'not-satisfied', reason: 'fail' } },
    'implementation-statement-uuid': related.requirementId ? ids.requirement(related.requirementId) : undefined,
    'related-observations': some(related.results.map((r) => ({ 'observation-uuid': ids.observation(r.id) }))),
  });
}

/** The results that back a finding: same audit, same control, on the systems it affects (all when none). */
export function resultsFor(f: FindingRow, systemIds: ReadonlySet<string>, results: readonly ResultRow[]): ResultRow[] {
  if (!f.control_id) return [];
  return results.filter(
    (r) => r.audit_id === f.audit_id && r.control_id === f.control_id && (systemIds.size === 0 || systemIds.has(r.system_id)),
  );
}

/** The systems each finding affects. */
export async function findingSystems(db: Executor, findingIds: readonly string[]) {
  const out = new Map<string, Array<{ id: string; name: string }>>();
  for (let i = 0; i < findingIds.length; i += 500) {
    const rows = await db
      .selectFrom('finding_systems as fs')
      .innerJoin('systems as s', 's.id', 'fs.system_id')
      .select(['fs.finding_id', 's.id', 's.name'])
      .where('fs.finding_id', 'in', findingIds.slice(i, i + 500))
      .orderBy('s.name_key')
      .orderBy('s.id')
      .execute();
    for (const r of rows) {
      const list = out.get(r.finding_id) ?? [];
      list.push({ id: r.id, name: r.name });
      out.set(r.finding_id, list);
    }
  }
  return out;
}

/** The requirement a finding on a control refers to: that control's row on the first affected system. */
export async function findingRequirement(
  db: Executor,
  f: FindingRow,
  systems: ReadonlyArray<{ id: string }>,
): Promise<{ requirementId: string | undefined; body: Json | undefined }> {
  if (!f.control_id || systems.length === 0) return { requirementId: undefined, body: undefined };
  const row = await db
    .selectFrom('system_requirements as q')
    .leftJoin('catalog_controls as c', (j) => j.onRef('c.version_id', '=', 'q.version_id').onRef('c.control_id', '=', 'q.control_id'))
    .select(['q.id', 'c.body'])
    .where('q.system_id', '=', systems[0]?.id ?? '')
    .where('q.control_id', '=', f.control_id)
    .executeTakeFirst();
  return { requirementId: row?.id, body: row?.body ? (JSON.parse(row.body) as Json) : undefined };
}
