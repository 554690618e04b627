import type { DimensionExplanation } from '@cityshield/core';
import type { Actor } from '../context.js';
import {
  ACTION_STATUS_LABEL,
  cap,
  clip,
  controlTitles,
  day,
  levelName,
  loadActions,
  organisation,
  type Progress,
  pct,
  plural,
  type ReportDeps,
  type ReportFormat,
  ratio,
  SEVERITY_RANK,
  STATUS_LABEL,
  severityTone,
  statusTone,
  writerFor,
} from './common.js';

/**
 * The system security plan of one system: what it is (register data), how it was classified and
 * why (the levels per dimension with the answers that set them, overrides with their reasons,
 * needs inherited from dependent systems), what it depends on and what depends on it, its
 * requirements by family with status and the parts inherited from common components, and the
 * open findings and corrective actions on it.
 */

const SOURCE_LABEL: Record<string, string> = {
  own: 'own classification',
  inherited: 'inherited',
  cumulation: 'raised by cumulation',
  distribution: 'lowered by distribution',
  unset: 'not set',
};

export async function loadSystemPlan(deps: ReportDeps, actor: Actor, systemId: string, progress: Progress) {
  const { ctx, systems, classification } = deps;
  const db = ctx.db;
  const system = await systems.get(actor, systemId);
  const org = await organisation(db, actor.orgId);
  const method = await classification.method(db, actor.orgId);
  const current = await classification.current(actor, systemId);
  const latestRow = await db
    .selectFrom('classifications as c')
    .leftJoin('users as u', 'u.id', 'c.classified_by')
    .selectAll('c')
    .select('u.name as classified_by_name')
    .where('c.org_id', '=', actor.orgId)
    .where('c.system_id', '=', systemId)
    .orderBy('c.classified_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const latest = latestRow && latestRow.method_key === method.key ? latestRow : undefined;
  const explanation = latest ? ((JSON.parse(latest.explanation) as { explanation?: DimensionExplanation[] }).explanation ?? []) : [];
  await progress(0.15);

  const owners = await db.selectFrom('systems').select(['id', 'owner_id']).where('org_id', '=', actor.orgId).execute();
  const visible = new Set(owners.filter((o) => systems.canSee(actor, o)).map((o) => o.id));
  const related = async (direction: 'dependsOn' | 'usedBy') => {
    const rows = await db
      .selectFrom('system_dependencies as d')
      .innerJoin('systems as s', 's.id', direction === 'dependsOn' ? 'd.depends_on_id' : 'd.system_id')
      .leftJoin('departments as dep', 'dep.id', 's.department_id')
      .select(['s.id', 's.name', 's.security_level', 's.notation', 's.kind', 'dep.name as department'])
      .where('d.org_id', '=', actor.orgId)
      .where(direction === 'dependsOn' ? 'd.system_id' : 'd.depends_on_id', '=', systemId)
      .orderBy('s.name_key')
      .execute();
    // Systems the caller may not see are counted but not named.
    return rows.map((r) => (visible.has(r.id) ? r : { ...r, name: 'A system you cannot see', department: null, notation: null }));
  };
  const dependsOn = await related('dependsOn');
  const usedBy = await related('usedBy');
  const components = await db
    .selectFrom('system_components as sc')
    .innerJoin('components as k', 'k.id', 'sc.component_id')
    .select(['k.id', 'k.name', 'k.kind', 'k.provider', 'k.description'])
    .where('sc.system_id', '=', systemId)
    .orderBy('k.name')
    .execute();
  await progress(0.25);

  const reqRows = await db
    .selectFrom('system_requirements as r')
    .leftJoin('users as u', 'u.id', 'r.responsible_id')
    .leftJoin('components as k', 'k.id', 'r.component_id')
    .select([
      'r.id',
      'r.control_id',
      'r.version_id',
      'r.family',
      'r.family_title',
      'r.effective_status',
      'r.statement',
      'r.justification',
      'r.due_date',
      'r.component_id',
      'k.name as component_name',
      'u.name as responsible_name',
    ])
    .where('r.system_id', '=', systemId)
    .where('r.applies', '=', 1)
    .orderBy('r.position')
    .orderBy('r.id')
    .execute();
  const title = await controlTitles(db, reqRows);
  const requirements = reqRows.map((r) => ({
    controlId: r.control_id,
    label: title(r.version_id, r.control_id)?.label ?? null,
    title: title(r.version_id, r.control_id)?.title ?? r.control_id,
    family: r.family,
    familyTitle: r.family_title,
    status: r.effective_status,
    statement: r.statement,
    justification: r.justification,
    dueDate: r.due_date,
    inheritedFrom: r.component_id ? (r.component_name ?? 'a common component') : null,
    responsible: r.responsible_name ?? null,
  }));
  await progress(0.45);

  const findingRows = await db
    .selectFrom('findings as f')
    .innerJoin('finding_systems as fs', 'fs.finding_id', 'f.id')
    .innerJoin('audits as a', 'a.id', 'f.audit_id')
    .select([
      'f.id',
      'f.ref',
      'f.title',
      'f.description',
      'f.severity',
      'f.control_id',
      'f.created_at',
      'a.ref as audit_ref',
      'a.title as audit_title',
    ])
    .where('fs.system_id', '=', systemId)
    .where('f.status', '=', 'open')
    .execute();
  const incidentIds = (
    await db
      .selectFrom('incident_systems')
      .select('incident_id')
      .where('org_id', '=', actor.orgId)
      .where('system_id', '=', systemId)
      .execute()
  ).map((x) => x.incident_id);
  const actions = await loadActions(deps, actor, { sourceIds: [...findingRows.map((f) => f.id), ...incidentIds], openOnly: true });
  const findings = findingRows
    .map((f) => ({ ...f, actions: actions.filter((a) => a.source.id === f.id) }))
    .sort((a, b) => (SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0) || a.ref.localeCompare(b.ref));
  await progress(0.55);

  return { org, method, system, current, latest, explanation, dependsOn, usedBy, components, requirements, findings, actions };
}

export type SystemPlanData = Awaited<ReturnType<typeof loadSystemPlan>>;

export async function systemPlanReport(
  deps: ReportDeps,
  actor: Actor,
  systemId: string,
  format: ReportFormat,
  progress: Progress = () => {},
) {
  const data = await loadSystemPlan(deps, actor, systemId, progress);
  const bytes = await renderSystemPlan(data, format, deps.ctx.clock.now(), progress);
  return { bytes, title: `System security plan: ${data.system.name}` };
}

export async function renderSystemPlan(d: SystemPlanData, format: ReportFormat, generatedAt: Date, progress: Progress = () => {}) {
  const s = d.system;
  const tz = d.org.timeZone;
  const r = writerFor(format, { orgName: d.org.name, title: 'System security plan', subtitle: s.name, generatedAt, timeZone: tz });
  const applicable = d.requirements.filter((q) => q.status !== 'not-applicable');
  const implemented = applicable.filter((q) => q.status === 'implemented').length;
  const partially = applicable.filter((q) => q.status === 'partially').length;
  const share = applicable.length === 0 ? null : (implemented + partially / 2) / applicable.length;
  const inherited = d.requirements.filter((q) => q.inheritedFrom).length;

  r.stats([
    {
      label: 'Security level',
      value: s.securityLevel ?? '–',
      note: s.notation ?? 'not classified',
      tone: s.securityLevel ? 'neutral' : 'warn',
    },
    {
      label: 'Requirements implemented',
      value: `${implemented} of ${applicable.length}`,
      note: `${pct(ratio(implemented, applicable.length))} fully; compliance ${pct(share)}`,
      tone: share === null ? 'neutral' : share >= 0.75 ? 'good' : share >= 0.4 ? 'warn' : 'bad',
    },
    { label: 'Inherited from common components', value: String(inherited), note: `from ${plural(d.components.length, 'component')}` },
    {
      label: 'Open findings',
      value: String(d.findings.length),
      note: plural(d.actions.length, 'open corrective action'),
      tone: d.findings.length > 0 ? 'bad' : 'good',
    },
  ]);

  r.heading('1. The system');
  if (s.description) r.paragraph(s.description);
  r.keyValues([
    ['Name', s.name],
    ['Department', s.departmentName ?? 'No department'],
    ['Owner', s.ownerName ?? 'No owner'],
    ['Sector', s.sector],
    ['Kind', s.kind],
    ['Hosting', s.hosting],
    ['Supplier', s.supplier ?? '–'],
    ['Lifecycle', s.lifecycle],
    ['Personal data', s.personalData.length > 0 ? s.personalData.join(', ') : 'None'],
    ['Tags', s.tags.length > 0 ? s.tags.join(', ') : '–'],
    ...Object.entries(s.customFields).map(([k, v]) => [k, v] as const),
    ['In the register since', day(s.createdAt, tz)],
  ]);

  r.heading('2. Classification');
  const eff = d.current.effective;
  if (!d.latest) {
    r.paragraph(
      eff?.securityLevel
        ? `The system has no classification of its own under the ${d.method.name} method; its security level ${levelName(d.method, eff.securityLevel)} is inherited from systems that depend on it.`
        : `The system is not classified yet under the ${d.method.name} method, so no requirements apply to it.`,
    );
  } else {
    r.paragraph(
      `Classified on ${day(d.latest.classified_at, tz)} by ${d.latest.classified_by_name ?? 'a former user'} with the ${d.method.name} method: ` +
        `${d.latest.notation}, security level ${levelName(d.method, d.latest.security_level)}. ` +
        (s.securityLevel && s.securityLevel !== d.latest.security_level
          ? `After the needs of the systems that depend on it, the effective level is ${levelName(d.method, s.securityLevel)} (${s.notation}). `
          : '') +
        (d.latest.review_due ? `The classification is to be reviewed by ${day(d.latest.review_due, tz)}.` : ''),
    );
    if (d.latest.reason) r.paragraph(`Reason given: ${d.latest.reason}`);
    r.table(
      ['Dimension', 'Level', 'Why'],
      d.explanation.map((x) => {
        const prov = eff?.provenance.find((p) => p.dimension === x.dimension);
        const effLevel = eff?.levels[x.dimension];
        const why: string[] = [];
        if (x.override)
          why.push(`Set by the security officer (the questionnaire gave ${x.override.from ?? 'nothing'}): ${x.override.reason}`);
        const decisive = x.reasons.filter((q) => q.decisive);
        for (const q of decisive) why.push(`${q.reason} (“${q.question}” – ${q.answer.replace(/\.$/, '')})`);
        if (why.length === 0)
          why.push(x.source === 'unset' ? 'No answer set this dimension.' : 'No answer raised this dimension above its lowest level.');
        if (prov && effLevel !== x.level && effLevel) {
          const via = prov.origin?.name ?? prov.from?.name;
          const name = d.method.dimensions.find((m) => m.key === x.dimension)?.levels.find((l) => l.key === effLevel)?.name ?? effLevel;
          why.push(`Effective level ${name}: ${SOURCE_LABEL[prov.source] ?? prov.source}${via ? ` from “${via}”` : ''}.`);
        }
        return [x.dimensionName, x.levelName ?? x.level ?? '–', why.join('\n')];
      }),
      [0.18, 0.16, 0.66],
    );
  }
  await progress(0.6);

  r.heading('3. Dependencies and common components');
  const depRows = (rows: SystemPlanData['dependsOn']) =>
    rows.map((x) => [
      x.name,
      x.department ?? '–',
      x.security_level ? `${x.security_level}${x.notation ? ` (${x.notation})` : ''}` : 'Not classified',
    ]);
  r.heading('This system depends on', 2);
  if (d.dependsOn.length === 0) r.paragraph('No other system.', { muted: true });
  else r.table(['System', 'Department', 'Level'], depRows(d.dependsOn), [0.5, 0.3, 0.2]);
  r.paragraph('Systems this one depends on inherit its protection needs (maximum principle).', { muted: true, size: 9 });
  r.heading('Systems that depend on this one', 2);
  if (d.usedBy.length === 0) r.paragraph('No other system.', { muted: true });
  else r.table(['System', 'Department', 'Level'], depRows(d.usedBy), [0.5, 0.3, 0.2]);
  r.heading('Common components used', 2);
  if (d.components.length === 0) r.paragraph('None: the system implements all its requirements itself.', { muted: true });
  else
    r.table(
      ['Component', 'Kind', 'Provider', 'Requirements inherited'],
      d.components.map((k) => [k.name, k.kind, k.provider ?? '–', String(d.requirements.filter((q) => q.inheritedFrom === k.name).length)]),
      [0.4, 0.18, 0.24, 0.18],
    );

  r.ensure(250);
  r.heading('4. Requirements');
  if (d.requirements.length === 0) r.paragraph('No requirements apply to the system yet.');
  else {
    r.paragraph(
      `${plural(d.requirements.length, 'requirement applies', 'requirements apply')} at security level ${s.securityLevel ?? '–'}: ` +
        `${implemented} implemented, ${partially} partially, ${applicable.length - implemented - partially} open, ` +
        `${d.requirements.length - applicable.length} not applicable. ${inherited} ${inherited === 1 ? 'is' : 'are'} implemented by a common component.`,
    );
    const families = new Map<string, SystemPlanData['requirements']>();
    for (const q of d.requirements) families.set(q.family, [...(families.get(q.family) ?? []), q]);
    r.bars(
      'Compliance by family',
      [...families.values()].map((list) => {
        const app = list.filter((q) => q.status !== 'not-applicable');
        const v =
          app.length === 0
            ? null
            : (app.filter((q) => q.status === 'implemented').length + app.filter((q) => q.status === 'partially').length / 2) / app.length;
        return { label: list[0]?.familyTitle || list[0]?.family || '', value: v };
      }),
    );
    let n = 0;
    for (const list of families.values()) {
      const first = list[0];
      if (!first) continue;
      r.heading(`${first.familyTitle || first.family} (${first.family.toUpperCase()})`, 2);
      r.table(
        ['Requirement', 'Status', 'Implemented by', 'Responsible', 'Due'],
        list.map((q) => {
          const text = `${q.label ?? q.controlId.toUpperCase()} ${q.title}`;
          const detail = q.status === 'not-applicable' && q.justification ? q.justification : q.statement;
          return [
            detail ? `${text}\n${clip(detail, 240)}` : text,
            STATUS_LABEL[q.status] ?? q.status,
            q.inheritedFrom ? `Inherited: ${q.inheritedFrom}` : 'The system',
            q.responsible ?? '–',
            day(q.dueDate),
          ];
        }),
        [0.46, 0.13, 0.17, 0.13, 0.11],
        { firstLineBold: true, tone: (row, i) => (i === 1 ? statusTone(row[1] ?? '') : undefined) },
      );
      n += 1;
      await progress(0.65 + 0.25 * (n / families.size));
    }
  }

  r.heading('5. Open findings and corrective actions');
  if (d.findings.length === 0 && d.actions.length === 0)
    r.paragraph('There are no open audit findings or corrective actions for this system.');
  else {
    if (d.findings.length > 0)
      r.table(
        ['Finding', 'Severity', 'Audit', 'Corrective action'],
        d.findings.map((f) => [
          `${f.ref} ${f.title}\n${clip(f.description, 200)}`,
          cap(f.severity),
          `${f.audit_ref} ${f.audit_title}`,
          f.actions.length === 0
            ? 'None yet'
            : f.actions
                .map(
                  (a) =>
                    `${a.title} (${a.ownerName ?? 'no owner'}; due ${day(a.dueDate)}; ${a.overdue ? 'OVERDUE' : (ACTION_STATUS_LABEL[a.status] ?? a.status).toLowerCase()})`,
                )
                .join('\n'),
        ]),
        [0.38, 0.11, 0.2, 0.31],
        { firstLineBold: true, tone: (row, i) => (i === 1 ? severityTone(row[1] ?? '') : undefined) },
      );
    const other = d.actions.filter((a) => !d.findings.some((f) => f.id === a.source.id));
    if (other.length > 0) {
      r.heading('Corrective actions from incidents', 2);
      r.table(
        ['Action', 'Incident', 'Owner', 'Due', 'Status'],
        other.map((a) => [
          a.title,
          `${a.source.ref} ${a.source.title}`,
          a.ownerName ?? '–',
          day(a.dueDate),
          a.overdue ? 'Overdue' : (ACTION_STATUS_LABEL[a.status] ?? a.status),
        ]),
        [0.3, 0.28, 0.16, 0.12, 0.14],
        { tone: (row, i) => (i === 4 ? statusTone(row[4] ?? '') : undefined) },
      );
    }
  }

  r.heading('Approval');
  r.keyValues([
    ['System owner', s.ownerName ?? '–'],
    ['Signature and date', '______________________________'],
    ['Security officer', '______________________________'],
  ]);
  await progress(0.95);
  return r.toBuffer();
}
