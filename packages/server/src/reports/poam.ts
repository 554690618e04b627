import type { Actor } from '../context.js';
import {
  ACTION_STATUS_LABEL,
  type ActionInfo,
  clip,
  day,
  daysBetween,
  loadActions,
  organisation,
  type Progress,
  plural,
  type ReportDeps,
  type ReportFormat,
  statusTone,
  today,
  writerFor,
} from './common.js';

/**
 * The corrective-action plan (plan of action and milestones): every corrective action the
 * caller may see — from audit findings and from incidents — with its owner, due date, milestones,
 * status, risk acceptance (who accepted it and until when) and the auditor's verification.
 */

export async function loadPoam(deps: ReportDeps, actor: Actor, progress: Progress) {
  const org = await organisation(deps.ctx.db, actor.orgId);
  const actions = await loadActions(deps, actor);
  await progress(0.4);
  return { org, actions, today: today(deps.ctx) };
}

export type PoamData = Awaited<ReturnType<typeof loadPoam>>;

export async function poamReport(deps: ReportDeps, actor: Actor, format: ReportFormat, progress: Progress = () => {}) {
  const data = await loadPoam(deps, actor, progress);
  const bytes = await renderPoam(data, format, deps.ctx.clock.now(), progress);
  return { bytes, title: 'Corrective-action plan' };
}

const source = (a: ActionInfo) =>
  a.source.ref
    ? `${a.source.type === 'finding' ? 'Finding' : 'Incident'} ${a.source.ref}${a.source.severity ? ` (${a.source.severity})` : ''}`
    : a.source.type;

function statusText(a: ActionInfo, now: string): string {
  const s = ACTION_STATUS_LABEL[a.status] ?? a.status;
  if (a.overdue) return `${s}, OVERDUE ${plural(a.daysOverdue, 'day')}`;
  if (a.status === 'risk-accepted' && a.riskAcceptance?.until && a.riskAcceptance.until < now) return `${s}, acceptance EXPIRED`;
  return s;
}

export async function renderPoam(d: PoamData, format: ReportFormat, generatedAt: Date, progress: Progress = () => {}) {
  const tz = d.org.timeZone;
  const r = writerFor(format, {
    orgName: d.org.name,
    title: 'Corrective-action plan',
    subtitle: 'Plan of action and milestones (POA&M)',
    generatedAt,
    timeZone: tz,
  });
  const list = d.actions;
  const open = list.filter((a) => a.status === 'open' || a.status === 'in-progress');
  const overdue = list.filter((a) => a.overdue);
  const awaiting = list.filter((a) => a.status === 'done');
  const accepted = list.filter((a) => a.status === 'risk-accepted');
  const expiring = accepted.filter((a) => a.riskAcceptance?.until && daysBetween(d.today, a.riskAcceptance.until) <= 30);
  const verified = list.filter((a) => a.status === 'verified');

  r.stats([
    {
      label: 'Open actions',
      value: String(open.length),
      note: `${plural(list.length, 'action')} in the plan`,
      tone: open.length > 0 ? 'warn' : 'good',
    },
    { label: 'Overdue', value: String(overdue.length), note: 'past their due date', tone: overdue.length > 0 ? 'bad' : 'good' },
    { label: 'Awaiting verification', value: String(awaiting.length), note: 'reported done by the owner' },
    {
      label: 'Risk accepted',
      value: String(accepted.length),
      note: expiring.length > 0 ? `${expiring.length} expiring within 30 days or expired` : `${verified.length} verified and closed`,
      tone: expiring.length > 0 ? 'warn' : 'neutral',
    },
  ]);
  if (list.length === 0) {
    r.paragraph('There are no corrective actions: no audit finding or incident has led to one yet.');
    await progress(0.95);
    return r.toBuffer();
  }
  r.paragraph(
    'Every corrective action from audit findings and incidents, due first. An owner reports an action done; the auditor then verifies it, or a named approver accepts the remaining risk until a date.',
    { muted: true, size: 9.5 },
  );

  r.bars(
    'Actions by status',
    [
      { label: 'Open or in progress, on time', value: open.length - overdue.length },
      { label: 'Overdue', value: overdue.length },
      { label: 'Done, awaiting verification', value: awaiting.length },
      { label: 'Verified', value: verified.length },
      { label: 'Risk accepted', value: accepted.length },
    ],
    { share: false },
  );

  r.heading('The plan at a glance');
  r.table(
    ['#', 'Action', 'From', 'Owner', 'Due', 'Status'],
    list.map((a, i) => [String(i + 1), a.title, source(a), a.ownerName ?? 'No owner', day(a.dueDate), statusText(a, d.today)]),
    [0.05, 0.33, 0.17, 0.15, 0.12, 0.18],
    { tone: (row, i) => (i === 5 ? statusTone(row[5] ?? '') : undefined) },
  );
  await progress(0.55);

  r.ensure(200);
  r.heading('Actions in detail');
  let i = 0;
  for (const a of list) {
    i += 1;
    r.ensure(150);
    r.heading(`${i}. ${a.title}`, 2);
    if (a.description && a.description !== a.title) r.paragraph(clip(a.description, 800), { size: 9.5 });
    r.keyValues([
      ['From', a.source.title ? `${source(a)}: ${a.source.title}` : source(a)],
      ['Owner', a.ownerName ?? 'No owner'],
      ['Due date', day(a.dueDate)],
      ['Status', statusText(a, d.today)],
      [
        'Milestones',
        a.milestones.length === 0
          ? 'None'
          : a.milestones
              .map(
                (m) =>
                  `${m.doneAt ? '[done]' : '[open]'} ${m.title} — due ${day(m.dueDate)}${m.doneAt ? `, done ${day(m.doneAt, tz)}` : ''}`,
              )
              .join('\n'),
      ],
      [
        'Risk acceptance',
        a.riskAcceptance
          ? `Accepted by ${a.riskAcceptance.approverName ?? 'a former user'} until ${day(a.riskAcceptance.until)}${a.riskAcceptance.reason ? `: ${a.riskAcceptance.reason}` : ''}`
          : 'Not accepted',
      ],
      [
        'Verification',
        a.verification
          ? `Verified by ${a.verification.byName ?? 'a former user'} on ${day(a.verification.at, tz)}${a.verification.note ? `: ${a.verification.note}` : ''}`
          : a.status === 'done'
            ? 'Awaiting the auditor'
            : 'Not verified yet',
      ],
      ['Opened', day(a.createdAt, tz)],
    ]);
    if (i % 25 === 0) await progress(0.55 + 0.4 * (i / list.length));
  }
  await progress(0.95);
  return r.toBuffer();
}
