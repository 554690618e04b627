import type { Actor } from '../context.js';
import { notFound } from '../errors.js';
import {
  ACTION_STATUS_LABEL,
  cap,
  clip,
  controlTitles,
  day,
  loadActions,
  organisation,
  type Progress,
  pct,
  plural,
  RESULT_LABEL,
  type ReportDeps,
  type ReportFormat,
  ratio,
  SEVERITY_RANK,
  STATUS_LABEL,
  severityTone,
  statusTone,
  visibleAudit,
  writerFor,
} from './common.js';

/**
 * The audit report: scope (systems, components, requirement families) and period, the method,
 * the auditors with their declarations of independence as signed, the results (by result and by
 * family, and the requirements not or only partly satisfied with the auditor's observations), the
 * findings with their severity and corrective actions, and the conclusion.
 */

const RESULTS = ['satisfied', 'partially', 'not-satisfied', 'not-applicable'] as const;

export async function loadAudit(deps: ReportDeps, actor: Actor, auditId: string, progress: Progress) {
  const db = deps.ctx.db;
  const audit = await db
    .selectFrom('audits as a')
    .selectAll('a')
    .where('a.org_id', '=', actor.orgId)
    .where('a.id', '=', auditId)
    .where(visibleAudit(actor))
    .executeTakeFirst();
  if (!audit) throw notFound('The audit');
  const org = await organisation(db, actor.orgId);
  const families = JSON.parse(audit.families) as string[];
  const [systems, components, auditors] = await Promise.all([
    db
      .selectFrom('audit_systems as x')
      .innerJoin('systems as s', 's.id', 'x.system_id')
      .leftJoin('departments as d', 'd.id', 's.department_id')
      .select(['s.id', 's.name', 's.security_level', 's.notation', 'd.name as department'])
      .where('x.audit_id', '=', auditId)
      .orderBy('s.name_key')
      .execute(),
    db
      .selectFrom('audit_components as x')
      .innerJoin('components as k', 'k.id', 'x.component_id')
      .select(['k.id', 'k.name', 'k.kind'])
      .where('x.audit_id', '=', auditId)
      .orderBy('k.name')
      .execute(),
    db
      .selectFrom('audit_auditors as u')
      .innerJoin('users', 'users.id', 'u.user_id')
      .select(['users.name', 'users.email', 'u.lead', 'u.independence', 'u.declared_at'])
      .where('u.audit_id', '=', auditId)
      .orderBy('u.lead', 'desc')
      .orderBy('users.name')
      .execute(),
  ]);
  await progress(0.2);

  // Every applying requirement in scope with this audit's result (null: not assessed yet).
  let scope = db
    .selectFrom('system_requirements as r')
    .innerJoin('audit_systems as x', (j) => j.onRef('x.system_id', '=', 'r.system_id').on('x.audit_id', '=', auditId))
    .innerJoin('systems as s', 's.id', 'r.system_id')
    .leftJoin('audit_results as ar', (j) => j.onRef('ar.requirement_id', '=', 'r.id').on('ar.audit_id', '=', auditId))
    .select([
      'r.id',
      'r.version_id',
      'r.control_id',
      'r.family',
      'r.family_title',
      'r.effective_status',
      's.name as system_name',
      'ar.result',
      'ar.observations',
      'ar.sampling',
    ])
    .where('r.applies', '=', 1);
  if (families.length > 0) scope = scope.where('r.family', 'in', families);
  const rows = await scope.orderBy('s.name_key').orderBy('r.position').execute();
  await progress(0.4);

  const byFamily = new Map<string, { family: string; title: string; counts: Record<string, number> }>();
  const counts: Record<string, number> = { satisfied: 0, partially: 0, 'not-satisfied': 0, 'not-applicable': 0, unassessed: 0 };
  for (const r of rows) {
    const key = r.result ?? 'unassessed';
    counts[key] = (counts[key] ?? 0) + 1;
    const f = byFamily.get(r.family) ?? {
      family: r.family,
      title: r.family_title,
      counts: { satisfied: 0, partially: 0, 'not-satisfied': 0, 'not-applicable': 0, unassessed: 0 },
    };
    f.counts[key] = (f.counts[key] ?? 0) + 1;
    byFamily.set(r.family, f);
  }
  const notable = rows.filter((r) => r.result === 'not-satisfied' || r.result === 'partially');
  const title = await controlTitles(db, notable);

  const findingRows = await db
    .selectFrom('findings')
    .select(['id', 'ref', 'title', 'description', 'severity', 'status', 'control_id', 'created_at'])
    .where('audit_id', '=', auditId)
    .execute();
  const findingSystems = findingRows.length
    ? await db
        .selectFrom('finding_systems as fs')
        .innerJoin('systems as s', 's.id', 'fs.system_id')
        .select(['fs.finding_id', 's.name'])
        .where(
          'fs.finding_id',
          'in',
          findingRows.map((f) => f.id),
        )
        .execute()
    : [];
  const actions = await loadActions(deps, actor, { sourceIds: findingRows.map((f) => f.id) });
  const findings = findingRows
    .map((f) => ({
      ...f,
      systems: findingSystems.filter((x) => x.finding_id === f.id).map((x) => x.name),
      actions: actions.filter((a) => a.source.id === f.id),
    }))
    .sort((a, b) => (SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0) || a.ref.localeCompare(b.ref));
  await progress(0.55);

  return {
    org,
    audit,
    families,
    systems,
    components,
    auditors,
    counts,
    inScope: rows.length,
    byFamily: [...byFamily.values()].sort((a, b) => a.family.localeCompare(b.family)),
    notable: notable.map((r) => ({
      system: r.system_name,
      controlId: r.control_id,
      title: title(r.version_id, r.control_id)?.title ?? r.control_id,
      label: title(r.version_id, r.control_id)?.label ?? null,
      result: r.result as string,
      implementation: r.effective_status,
      observations: r.observations ?? '',
    })),
    findings,
  };
}

export type AuditReportData = Awaited<ReturnType<typeof loadAudit>>;

export async function auditReport(deps: ReportDeps, actor: Actor, auditId: string, format: ReportFormat, progress: Progress = () => {}) {
  const data = await loadAudit(deps, actor, auditId, progress);
  const bytes = await renderAudit(data, format, deps.ctx.clock.now(), progress);
  return { bytes, title: `Audit report ${data.audit.ref}` };
}

export async function renderAudit(d: AuditReportData, format: ReportFormat, generatedAt: Date, progress: Progress = () => {}) {
  const a = d.audit;
  const tz = d.org.timeZone;
  const r = writerFor(format, { orgName: d.org.name, title: 'Audit report', subtitle: `${a.ref} · ${a.title}`, generatedAt, timeZone: tz });
  const assessed = d.inScope - (d.counts.unassessed ?? 0);
  const applicableAssessed = assessed - (d.counts['not-applicable'] ?? 0);
  const satisfied = d.counts.satisfied ?? 0;
  const severe = d.findings.filter((f) => f.severity === 'high' || f.severity === 'critical').length;

  r.stats([
    { label: 'Status', value: cap(a.status), note: a.closed_at ? `closed ${day(a.closed_at, tz)}` : `period ends ${day(a.period_end)}` },
    {
      label: 'Requirements assessed',
      value: `${assessed} of ${d.inScope}`,
      note: `${pct(ratio(assessed, d.inScope))} of the scope`,
      tone: assessed === d.inScope ? 'good' : 'warn',
    },
    {
      label: 'Satisfied',
      value: pct(ratio(satisfied, applicableAssessed)),
      note: `${satisfied} of ${applicableAssessed} applicable assessed`,
      tone: applicableAssessed === 0 ? 'neutral' : satisfied / applicableAssessed >= 0.75 ? 'good' : 'warn',
    },
    {
      label: 'Findings',
      value: String(d.findings.length),
      note: severe > 0 ? `${severe} high or critical` : 'none high or critical',
      tone: severe > 0 ? 'bad' : d.findings.length > 0 ? 'warn' : 'good',
    },
  ]);

  r.heading('1. Scope and period');
  const familyTitles = d.families.map((f) => d.byFamily.find((x) => x.family === f)?.title || f.toUpperCase());
  r.keyValues([
    ['Reference', a.ref],
    ['Title', a.title],
    ['Period', `${day(a.period_start)} – ${day(a.period_end)}`],
    ['Status', cap(a.status)],
    ['Requirement families', d.families.length === 0 ? 'All families of the systems’ baselines' : familyTitles.join(', ')],
    ['Requirements in scope', String(d.inScope)],
  ]);
  r.heading('Systems', 2);
  if (d.systems.length === 0) r.paragraph('No system.', { muted: true });
  else
    r.table(
      ['System', 'Department', 'Security level'],
      d.systems.map((s) => [
        s.name,
        s.department ?? '–',
        s.security_level ? `${s.security_level}${s.notation ? ` (${s.notation})` : ''}` : 'Not classified',
      ]),
      [0.5, 0.3, 0.2],
    );
  if (d.components.length > 0) {
    r.heading('Common components', 2);
    r.table(
      ['Component', 'Kind'],
      d.components.map((k) => [k.name, k.kind]),
      [0.7, 0.3],
    );
  }

  r.heading('2. Method');
  r.paragraph(a.method || 'The method was not described.');

  r.heading('3. Auditors and their independence');
  if (d.auditors.length === 0) r.paragraph('No auditor is assigned yet.');
  else {
    r.paragraph(
      'Each auditor declared that they did not consult on or operate the audited area in the two years before the audit and do not own an audited system. The declarations as signed:',
      { muted: true, size: 9.5 },
    );
    r.table(
      ['Auditor', 'Role', 'Declared', 'Declaration of independence'],
      d.auditors.map((u) => [`${u.name}\n${u.email}`, u.lead === 1 ? 'Lead auditor' : 'Auditor', day(u.declared_at, tz), u.independence]),
      [0.3, 0.13, 0.13, 0.44],
      { firstLineBold: true },
    );
  }
  await progress(0.65);

  r.heading('4. Results');
  if (d.inScope === 0) r.paragraph('No requirement is in the scope of this audit.');
  else {
    r.bars(
      'Requirements by result',
      [
        ...RESULTS.map((k) => ({ label: RESULT_LABEL[k] ?? k, value: d.counts[k] ?? 0 })),
        { label: 'Not assessed', value: d.counts.unassessed ?? 0 },
      ],
      { share: false },
    );
    r.table(
      ['Family', 'Satisfied', 'Partially', 'Not satisfied', 'Not applicable', 'Not assessed'],
      d.byFamily.map((f) => [
        `${f.title || f.family} (${f.family.toUpperCase()})`,
        String(f.counts.satisfied ?? 0),
        String(f.counts.partially ?? 0),
        String(f.counts['not-satisfied'] ?? 0),
        String(f.counts['not-applicable'] ?? 0),
        String(f.counts.unassessed ?? 0),
      ]),
      [0.35, 0.13, 0.13, 0.13, 0.13, 0.13],
    );
    if (d.notable.length > 0) {
      r.heading('Requirements not or only partly satisfied', 2);
      r.table(
        ['System', 'Requirement', 'Result', 'Own status', 'Observations'],
        d.notable.map((n) => [
          n.system,
          `${n.label ?? n.controlId.toUpperCase()} ${n.title}`,
          RESULT_LABEL[n.result] ?? n.result,
          STATUS_LABEL[n.implementation] ?? n.implementation,
          clip(n.observations, 400) || '–',
        ]),
        [0.16, 0.26, 0.13, 0.13, 0.32],
        { tone: (row, i) => (i === 2 || i === 3 ? statusTone(row[i] ?? '') : undefined) },
      );
    }
  }
  await progress(0.8);

  r.heading('5. Findings');
  if (d.findings.length === 0) r.paragraph('The audit recorded no findings.');
  else
    r.table(
      ['Finding', 'Severity', 'Systems', 'Corrective action'],
      d.findings.map((f) => [
        `${f.ref} ${f.title}${f.control_id ? ` [${f.control_id.toUpperCase()}]` : ''}\n${clip(f.description, 300)}`,
        `${cap(f.severity)}${f.status === 'closed' ? '\n(closed)' : ''}`,
        f.systems.join(', ') || '–',
        f.actions.length === 0
          ? 'None'
          : f.actions
              .map(
                (x) =>
                  `${x.title} — ${x.ownerName ?? 'no owner'}, due ${day(x.dueDate)}, ${x.overdue ? 'OVERDUE' : (ACTION_STATUS_LABEL[x.status] ?? x.status).toLowerCase()}` +
                  (x.milestones.length > 0
                    ? ` (${plural(x.milestones.filter((m) => m.doneAt).length, 'milestone')} of ${x.milestones.length} done)`
                    : ''),
              )
              .join('\n'),
      ]),
      [0.38, 0.11, 0.18, 0.33],
      { firstLineBold: true, tone: (row, i) => (i === 1 ? severityTone(row[1] ?? '') : undefined) },
    );

  r.heading('6. Conclusion');
  if (a.conclusion?.trim()) r.paragraph(a.conclusion);
  else r.paragraph(`The audit is ${a.status}; the auditors have not written their conclusion yet.`, { muted: true });
  await progress(0.95);
  return r.toBuffer();
}
