import { sql } from 'kysely';
import type { Actor } from '../context.js';
import {
  ACTION_STATUS_LABEL,
  type ActionInfo,
  cap,
  clip,
  day,
  levelLabel,
  levelsOf,
  loadActions,
  organisation,
  type Progress,
  pct,
  plural,
  type ReportDeps,
  type ReportFormat,
  ratio,
  readsAll,
  SEVERITY_RANK,
  severityTone,
  today,
  visibleFinding,
  writerFor,
} from './common.js';
import type { Stat } from './document.js';

/**
 * The city compliance report for the council: a one-page summary in plain language (where the
 * city stands, what changed, the biggest gaps, what is overdue, significant incidents), then the
 * charts and lists behind it and the detail per department. Everything comes from the same
 * aggregates as the dashboard, so the report and the application never disagree.
 */

const NO_DEPARTMENT = 'No department';

interface SystemLine {
  id: string;
  name: string;
  departmentId: string | null;
  securityLevel: string | null;
  notation: string | null;
  ownerName: string | null;
  implemented: number;
  partially: number;
  open: number;
  notApplicable: number;
  applicable: number;
  share: number | null;
  overdue: number;
  findings: number;
}

export async function loadCouncil(deps: ReportDeps, actor: Actor, progress: Progress) {
  const { ctx, dashboard, classification } = deps;
  const db = ctx.db;
  const now = today(ctx);
  const org = await organisation(db, actor.orgId);
  const method = await classification.method(db, actor.orgId);
  const compliance = await dashboard.compliance(actor, {});
  await progress(0.15);

  // Every visible system with its requirement counts (a few summary rows per system).
  let systemsQ = db
    .selectFrom('systems as s')
    .leftJoin('users as u', 'u.id', 's.owner_id')
    .select(['s.id', 's.name', 's.department_id', 's.security_level', 's.notation', 'u.name as owner_name'])
    .where('s.org_id', '=', actor.orgId);
  if (!readsAll(actor)) systemsQ = systemsQ.where('s.owner_id', '=', actor.userId);
  const systemRows = await systemsQ.orderBy('s.name_key').execute();
  let summaryQ = db
    .selectFrom('requirement_summary as rs')
    .innerJoin('systems as s', 's.id', 'rs.system_id')
    .select(['rs.system_id', 'rs.implemented', 'rs.partially', 'rs.planned', 'rs.not_started', 'rs.not_applicable', 'rs.open_due'])
    .where('rs.org_id', '=', actor.orgId);
  if (!readsAll(actor)) summaryQ = summaryQ.where('s.owner_id', '=', actor.userId);
  const summaries = await summaryQ.execute();
  await progress(0.3);

  const findingsOpen = await db
    .selectFrom('findings as f')
    .innerJoin('audits as a', 'a.id', 'f.audit_id')
    .select(['f.id', 'f.ref', 'f.title', 'f.severity', 'f.created_at', 'a.ref as audit_ref'])
    .where('f.org_id', '=', actor.orgId)
    .where('f.status', '=', 'open')
    .where(visibleFinding(actor))
    .execute();
  const findingSystems = findingsOpen.length
    ? await db
        .selectFrom('finding_systems as fs')
        .innerJoin('systems as s', 's.id', 'fs.system_id')
        .select(['fs.finding_id', 's.id', 's.name'])
        .where('fs.org_id', '=', actor.orgId)
        .execute()
    : [];
  const openFindingIds = new Set(findingsOpen.map((f) => f.id));
  const findingActions = await loadActions(deps, actor, { sourceIds: [...openFindingIds] });
  const overdueActions = await loadActions(deps, actor, { overdueOnly: true });
  const openActions = await loadActions(deps, actor, { openOnly: true });
  await progress(0.45);

  // Significant incidents (NIS2) of the last 90 days or still open, for those who see incidents.
  const since = new Date(ctx.clock.now().getTime() - 90 * 86_400_000).toISOString();
  const incidents = actor.permissions.has('incidents:read')
    ? await db
        .selectFrom('incidents')
        .select(['id', 'ref', 'title', 'severity', 'status', 'detected_at', 'closed_at'])
        .where('org_id', '=', actor.orgId)
        .where('significant', '=', 1)
        .where((eb) => eb.or([eb('status', '!=', 'closed'), eb('detected_at', '>=', since)]))
        .orderBy('detected_at', 'desc')
        .limit(50)
        .execute()
    : null;
  const openIncidents = actor.permissions.has('incidents:read')
    ? Number(
        (
          await db
            .selectFrom('incidents')
            .select(sql<number>`count(*)`.as('n'))
            .where('org_id', '=', actor.orgId)
            .where('status', '!=', 'closed')
            .executeTakeFirstOrThrow()
        ).n,
      )
    : null;

  const bySystem = new Map<string, SystemLine>();
  for (const s of systemRows)
    bySystem.set(s.id, {
      id: s.id,
      name: s.name,
      departmentId: s.department_id,
      securityLevel: s.security_level,
      notation: s.notation,
      ownerName: s.owner_name ?? null,
      implemented: 0,
      partially: 0,
      open: 0,
      notApplicable: 0,
      applicable: 0,
      share: null,
      overdue: 0,
      findings: 0,
    });
  for (const r of summaries) {
    const s = bySystem.get(r.system_id);
    if (!s) continue;
    s.implemented += r.implemented;
    s.partially += r.partially;
    s.open += r.planned + r.not_started + r.partially;
    s.notApplicable += r.not_applicable;
    s.applicable += r.implemented + r.partially + r.planned + r.not_started;
    for (const [d, n] of Object.entries(JSON.parse(r.open_due) as Record<string, number>)) if (d < now) s.overdue += n;
  }
  for (const s of bySystem.values()) s.share = s.applicable === 0 ? null : (s.implemented + s.partially / 2) / s.applicable;
  for (const fs of findingSystems) if (openFindingIds.has(fs.finding_id)) (bySystem.get(fs.id) ?? { findings: 0 }).findings += 1;

  const risks = findingsOpen
    .map((f) => {
      const action = findingActions.find((a) => a.source.id === f.id);
      return {
        ref: f.ref,
        title: f.title,
        severity: f.severity,
        auditRef: f.audit_ref,
        createdAt: f.created_at,
        systems: findingSystems.filter((x) => x.finding_id === f.id).map((x) => x.name),
        action: action ?? null,
      };
    })
    .sort((a, b) => (SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0) || a.createdAt.localeCompare(b.createdAt));

  return {
    org,
    method,
    compliance,
    systems: [...bySystem.values()],
    risks,
    overdueActions,
    openActions,
    incidents,
    openIncidents,
    today: now,
  };
}

export type CouncilData = Awaited<ReturnType<typeof loadCouncil>>;

export async function councilReport(
  deps: ReportDeps,
  actor: Actor,
  format: ReportFormat,
  progress: Progress = () => {},
): Promise<{ bytes: Buffer; title: string }> {
  const data = await loadCouncil(deps, actor, progress);
  const bytes = await renderCouncil(data, format, deps.ctx.clock.now(), progress);
  return { bytes, title: 'Information security compliance report' };
}

function tone(share: number | null): Stat['tone'] {
  if (share === null) return 'neutral';
  return share >= 0.75 ? 'good' : share >= 0.4 ? 'warn' : 'bad';
}

export async function renderCouncil(d: CouncilData, format: ReportFormat, generatedAt: Date, progress: Progress = () => {}) {
  const c = d.compliance;
  const t = c.totals;
  const tz = d.org.timeZone;
  const r = writerFor(format, {
    orgName: d.org.name,
    title: 'Information security compliance report',
    subtitle: `For the city council and management · situation on ${day(d.today)}`,
    generatedAt,
    timeZone: tz,
  });
  const applicable = t.implemented + t.partially + t.planned + t.notStarted;
  const implementedShare = ratio(t.implemented, applicable);
  const classified = t.systems - t.unclassified;
  const highRisks = d.risks.filter((x) => x.severity === 'high' || x.severity === 'critical').length;

  // ── page 1: the summary ──────────────────────────────────────────────
  r.heading('Summary');
  r.stats([
    { label: 'Compliance', value: pct(t.share), note: 'partial work counted as half', tone: tone(t.share) },
    {
      label: 'Requirements implemented',
      value: `${t.implemented} of ${applicable}`,
      note: `${pct(implementedShare)} fully implemented`,
      tone: tone(implementedShare),
    },
    {
      label: 'Overdue corrective actions',
      value: String(d.overdueActions.length),
      note: `${d.openActions.length} open in total`,
      tone: d.overdueActions.length > 0 ? 'bad' : 'good',
    },
    {
      label: 'Open audit findings',
      value: String(d.risks.length),
      note: highRisks > 0 ? `${highRisks} high or critical` : 'none high or critical',
      tone: highRisks > 0 ? 'bad' : d.risks.length > 0 ? 'warn' : 'good',
    },
  ]);

  if (applicable === 0) {
    r.paragraph(
      `${d.org.name} keeps ${plural(t.systems, 'information system')} in its register. None of them has security requirements yet: ` +
        'requirements follow from classifying a system, so the first step is to classify the systems.',
    );
  } else {
    r.paragraph(
      `${d.org.name} keeps ${plural(t.systems, 'information system')} in its register; ${classified} ${classified === 1 ? 'is' : 'are'} classified and ` +
        `together carry ${plural(applicable, 'security requirement')} from the city's baseline. ` +
        `${t.implemented} of them (${pct(implementedShare)}) are fully implemented and ${t.partially} (${pct(ratio(t.partially, applicable))}) partially. ` +
        `Counting partial work as half, the city stands at ${pct(t.share)} compliance.` +
        (t.notApplicable > 0 ? ` A further ${t.notApplicable} were assessed as not applicable, each with a written justification.` : ''),
    );
  }
  r.paragraph(changeSentence(d));

  const families = c.byFamily
    .filter((f) => f.share !== null)
    .map((f) => ({ ...f, open: f.notStarted + f.planned + f.partially }))
    .sort((a, b) => (a.share ?? 0) - (b.share ?? 0) || b.open - a.open)
    .slice(0, 3);
  const weakDepartments = c.byDepartment
    .filter((x) => x.share !== null)
    .sort((a, b) => (a.share ?? 0) - (b.share ?? 0))
    .slice(0, 2);
  if (families.length > 0 || weakDepartments.length > 0) {
    r.heading('Biggest gaps', 2);
    r.bullets([
      ...families.map((f) => `${f.familyTitle || f.family}: ${pct(f.share)} compliance, ${plural(f.open, 'requirement')} still open.`),
      ...weakDepartments.map((x) => `${x.name || NO_DEPARTMENT}: ${pct(x.share)} compliance over ${plural(x.systems, 'system')}.`),
    ]);
  }

  r.heading('Needs attention', 2);
  const attention: string[] = [];
  if (d.overdueActions.length > 0) {
    const oldest = d.overdueActions.reduce((m, a) => (a.daysOverdue > m.daysOverdue ? a : m));
    attention.push(
      `${plural(d.overdueActions.length, 'corrective action is', 'corrective actions are')} past their due date; the longest overdue, "${clip(oldest.title, 80)}", by ${plural(oldest.daysOverdue, 'day')}.`,
    );
  } else attention.push('No corrective action is past its due date.');
  if (t.overdue > 0)
    attention.push(`${plural(t.overdue, 'requirement is', 'requirements are')} open past the date set for implementing them.`);
  if (highRisks > 0)
    attention.push(`${plural(highRisks, 'audit finding')} of high or critical severity ${highRisks === 1 ? 'is' : 'are'} still open.`);
  if (t.unclassified > 0)
    attention.push(`${plural(t.unclassified, 'system is', 'systems are')} not classified yet and so carry no requirements.`);
  if (t.reviewOverdue > 0) attention.push(`${plural(t.reviewOverdue, 'classification is', 'classifications are')} past their review date.`);
  if (d.incidents !== null) {
    const open = d.incidents.filter((i) => i.status !== 'closed').length;
    attention.push(
      d.incidents.length === 0
        ? 'No significant incident (NIS2) in the last 90 days.'
        : `${plural(d.incidents.length, 'significant incident')} (NIS2) in the last 90 days or still open; ${open} not closed yet.`,
    );
  }
  r.bullets(attention);

  const depts = c.byDepartment.filter((x) => x.share !== null).sort((a, b) => (b.share ?? 0) - (a.share ?? 0));
  if (depts.length > 0) {
    const shown = depts.slice(0, 8);
    r.bars(
      'Compliance by department',
      shown.map((x) => ({ label: x.name || NO_DEPARTMENT, value: x.share })),
    );
    if (depts.length > shown.length)
      r.paragraph(`…and ${depts.length - shown.length} more departments in the detail below.`, { muted: true, size: 9 });
  }
  // The trend closes the summary page when there is room for it; otherwise it opens the detail.
  const room = r.spaceLeft();
  const trendOnSummary = room > 150;
  const trend = () => {
    r.lineChart(
      'Compliance over time',
      c.trend.map((p) => ({ label: day(p.day), value: p.share })),
      { height: trendOnSummary ? Math.min(130, room - 72) : 150 },
    );
    if (c.trend.length <= 1)
      r.paragraph('The trend starts with this report: a measurement is added every night.', { muted: true, size: 9 });
  };
  if (trendOnSummary) trend();
  await progress(0.55);

  // ── the charts behind it ──────────────────────────────────────────────
  r.pageBreak();
  r.heading('Compliance in detail');
  if (!trendOnSummary) trend();
  const levels = levelsOf(d.method).filter((l) => c.heatmap.some((h) => h.securityLevel === l.key));
  const heatDepts = [...new Set(c.heatmap.map((h) => h.departmentId ?? ''))]
    .map((id) => ({ id, name: c.byDepartment.find((x) => (x.departmentId ?? '') === id)?.name || NO_DEPARTMENT }))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (levels.length > 0 && heatDepts.length > 0) {
    r.paragraph(
      'Each cell is the compliance of one department’s systems at one security level; grey means the department has no system at that level. ' +
        'Higher levels carry more requirements, so a low share there weighs more.',
      { muted: true, size: 9.5 },
    );
    r.heatmap(
      'Compliance by department and security level',
      heatDepts.map((x) => x.name),
      levels.map(levelLabel),
      heatDepts.map((x) =>
        levels.map((l) => c.heatmap.find((h) => (h.departmentId ?? '') === x.id && h.securityLevel === l.key)?.share ?? null),
      ),
    );
  }
  const fams = c.byFamily.filter((f) => f.share !== null);
  if (fams.length > 0)
    r.bars(
      'Compliance by requirement family',
      fams.map((f) => ({ label: f.familyTitle || f.family, value: f.share })),
    );
  await progress(0.65);

  r.heading('Top risks from audit findings');
  if (d.risks.length === 0) r.paragraph('There are no open audit findings.');
  else {
    r.paragraph(
      `${plural(d.risks.length, 'open finding')}, most severe first${d.risks.length > 15 ? ' (the 15 most severe are shown)' : ''}.`,
      { muted: true, size: 9.5 },
    );
    r.table(
      ['Finding', 'Severity', 'Systems', 'Corrective action'],
      d.risks.slice(0, 15).map((x) => [`${x.ref} ${x.title}`, cap(x.severity), x.systems.join(', ') || '–', actionCell(x.action, tz)]),
      [0.36, 0.12, 0.22, 0.3],
      { tone: (row, i) => (i === 1 ? severityTone(row[1] ?? '') : i === 3 && row[3]?.includes('OVERDUE') ? 'bad' : undefined) },
    );
  }

  r.heading('Overdue corrective actions');
  if (d.overdueActions.length === 0) r.paragraph('No corrective action is past its due date.');
  else
    r.table(
      ['Action', 'Owner', 'Due', 'Overdue by', 'From'],
      d.overdueActions
        .sort((a, b) => b.daysOverdue - a.daysOverdue)
        .map((a) => [a.title, a.ownerName ?? 'No owner', day(a.dueDate), plural(a.daysOverdue, 'day'), sourceCell(a)]),
      [0.34, 0.16, 0.13, 0.12, 0.25],
      { tone: (_row, i) => (i === 3 ? 'bad' : undefined) },
    );

  if (d.incidents !== null) {
    r.heading('Significant incidents');
    if (d.incidents.length === 0)
      r.paragraph(
        `No incident was significant under NIS2 in the last 90 days.${d.openIncidents ? ` ${plural(d.openIncidents, 'incident')} of lesser impact ${d.openIncidents === 1 ? 'is' : 'are'} being handled.` : ''}`,
      );
    else
      r.table(
        ['Incident', 'Severity', 'Detected', 'Status'],
        d.incidents.map((i) => [
          `${i.ref} ${i.title}`,
          cap(i.severity),
          day(i.detected_at, tz),
          i.status === 'closed' ? `Closed ${day(i.closed_at, tz)}` : cap(i.status),
        ]),
        [0.5, 0.14, 0.18, 0.18],
        { tone: (row, i) => (i === 1 ? severityTone(row[1] ?? '') : undefined) },
      );
  }
  await progress(0.7);

  // ── detail per department ─────────────────────────────────────────────
  r.ensure(220);
  r.heading('Detail per department');
  r.paragraph(
    'For every department: its systems with their security level, how many of their requirements are implemented, what is still open or overdue, and the open audit findings on them.',
    { muted: true, size: 9.5 },
  );
  const groups = new Map<string, CouncilData['systems']>();
  for (const s of d.systems) groups.set(s.departmentId ?? '', [...(groups.get(s.departmentId ?? '') ?? []), s]);
  const order = [...groups.keys()]
    .map((id) => ({ id, name: c.byDepartment.find((x) => (x.departmentId ?? '') === id)?.name || NO_DEPARTMENT }))
    .sort((a, b) => (a.id === '' ? 1 : b.id === '' ? -1 : a.name.localeCompare(b.name)));
  let i = 0;
  for (const g of order) {
    const list = groups.get(g.id) ?? [];
    const dept = c.byDepartment.find((x) => (x.departmentId ?? '') === g.id);
    r.ensure(90);
    r.heading(g.name, 2);
    r.paragraph(
      `${plural(list.length, 'system')}; compliance ${pct(dept?.share ?? null)}; ${plural(dept?.overdue ?? 0, 'overdue requirement')}; ` +
        `${plural(
          list.reduce((n, s) => n + s.findings, 0),
          'open finding',
        )}.`,
      { size: 9.5 },
    );
    r.table(
      ['System', 'Level', 'Implemented', 'Open', 'Compliance', 'Overdue', 'Findings'],
      list.map((s) => [
        s.name,
        s.securityLevel ? `${s.securityLevel}${s.notation ? ` (${s.notation})` : ''}` : 'Not classified',
        s.applicable === 0 ? '–' : `${s.implemented} of ${s.applicable}`,
        String(s.open),
        pct(s.share),
        String(s.overdue),
        String(s.findings),
      ]),
      [0.3, 0.14, 0.13, 0.09, 0.12, 0.1, 0.12],
      { tone: (row, i) => (i === 5 && row[5] !== '0' ? 'bad' : i === 6 && row[6] !== '0' ? 'bad' : undefined) },
    );
    i += 1;
    if (i % 10 === 0) await progress(0.7 + 0.25 * (i / order.length));
  }
  r.paragraph(
    `Compliance counts an implemented requirement as 1 and a partially implemented one as ½, over the requirements that apply (not-applicable ones excluded). Figures as of ${day(c.asOf, tz)}.`,
    { muted: true, size: 8.5 },
  );
  await progress(0.95);
  return r.toBuffer();
}

function changeSentence(d: CouncilData): string {
  const points = d.compliance.trend;
  const now = points[points.length - 1];
  const before = [...points.slice(0, -1)].reverse().find((p) => p.share !== null);
  if (!now || now.share === null) return 'There is nothing to compare yet: no system has requirements.';
  if (!before || before.share === null)
    return 'This is the first measurement; from now on a point is recorded every night and the next report shows the change.';
  const delta = Math.round(now.share * 100) - Math.round(before.share * 100);
  const when = day(before.day);
  const overdue =
    now.overdue !== before.overdue
      ? ` Overdue requirements went from ${before.overdue} to ${now.overdue}.`
      : now.overdue > 0
        ? ` Overdue requirements stayed at ${now.overdue}.`
        : '';
  if (delta === 0) return `Since ${when} compliance is unchanged at ${pct(now.share)}.${overdue}`;
  return `Since ${when} compliance has ${delta > 0 ? 'risen' : 'fallen'} from ${pct(before.share)} to ${pct(now.share)} (${delta > 0 ? '+' : '-'}${Math.abs(delta)} points).${overdue}`;
}

function actionCell(a: ActionInfo | null, _tz: string): string {
  if (!a) return 'No corrective action yet';
  const status = ACTION_STATUS_LABEL[a.status] ?? a.status;
  return `${a.title} (${a.ownerName ?? 'no owner'}; due ${day(a.dueDate)}; ${a.overdue ? 'OVERDUE' : status.toLowerCase()})`;
}

function sourceCell(a: ActionInfo): string {
  if (!a.source.ref) return cap(a.source.type);
  return `${a.source.type === 'finding' ? 'Finding' : 'Incident'} ${a.source.ref}${a.source.severity ? ` (${a.source.severity})` : ''}`;
}
