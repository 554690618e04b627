import { rateRisk } from '@cityshield/core';
import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { formatDateTime, PdfReport } from '../../reports/pdf.js';
import type { RiskService } from './risk.service.js';
import { isUnmitigated, type RiskRow, scopedRisks, selectRiskRows } from './risk-common.js';
import { liveView } from './risk-views.js';

const DAY = 86_400_000;

/**
 * What a security officer and a council read from the register: the heatmap of open risks
 * (inherent beside residual), the top risks, the risks whose mitigating requirements are not
 * implemented, acceptances about to expire — and all of that as a PDF section.
 */
export class RiskOverviewService {
  constructor(
    private readonly ctx: AppContext,
    private readonly risks: RiskService,
  ) {}

  private open(actor: Actor, systemId?: string) {
    let q = scopedRisks(this.ctx.db, actor).where('r.status', '=', 'open');
    if (systemId) q = q.where('r.system_id', '=', systemId);
    return q;
  }

  /** Counts of open risks per cell, inherent and residual, on the organisation's matrix. */
  async heatmap(actor: Actor, systemId?: string) {
    const matrix = await this.risks.matrices.matrix(this.ctx.db, actor.orgId);
    const count = sql<number>`count(*)`.as('n');
    const inherent = await this.open(actor, systemId)
      .select(['r.inherent_likelihood as l', 'r.inherent_impact as i', count])
      .groupBy(['r.inherent_likelihood', 'r.inherent_impact'])
      .execute();
    const residual = await this.open(actor, systemId)
      .select(['r.residual_likelihood as l', 'r.residual_impact as i', count])
      .groupBy(['r.residual_likelihood', 'r.residual_impact'])
      .execute();
    const at = (list: typeof inherent, l: number, i: number) => Number(list.find((x) => x.l === l && x.i === i)?.n ?? 0);
    const cells = [];
    for (let i = 1; i <= matrix.impact.length; i++) {
      for (let l = 1; l <= matrix.likelihood.length; l++) {
        cells.push({
          likelihood: l,
          impact: i,
          rating: rateRisk(matrix, l, i).key,
          inherent: at(inherent, l, i),
          residual: at(residual, l, i),
        });
      }
    }
    return {
      likelihood: matrix.likelihood.map((s) => s.label),
      impact: matrix.impact.map((s) => s.label),
      bands: matrix.bands.map((b) => ({ key: b.key, label: b.label })),
      cells,
      open: inherent.reduce((a, x) => a + Number(x.n), 0),
    };
  }

  /** The open risks with the highest residual score (then inherent). */
  async top(actor: Actor, limit: number, systemId?: string) {
    const rows = (await selectRiskRows(this.open(actor, systemId))
      .orderBy('r.residual_score', 'desc')
      .orderBy('r.inherent_score', 'desc')
      .orderBy('r.updated_at', 'desc')
      .limit(limit)
      .execute()) as RiskRow[];
    return { items: (await this.risks.views(this.ctx.db, actor, rows)).map((v) => v.view) };
  }

  /** Open "reduce" risks that rely on requirements not (yet) implemented, the worst first, with those requirements. */
  async unmitigated(actor: Actor, limit: number, systemId?: string) {
    const rows = (await selectRiskRows(this.open(actor, systemId))
      .where('r.treatment', '=', 'reduce')
      .where((eb) => isUnmitigated(eb as never))
      .orderBy('r.residual_score', 'desc')
      .orderBy('r.inherent_score', 'desc')
      .limit(limit)
      .execute()) as RiskRow[];
    const views = await this.risks.views(this.ctx.db, actor, rows);
    return { items: views.map((v) => ({ ...v.view, openControls: v.live.filter((c) => !c.implemented).map(liveView) })) };
  }

  /** Open accepted risks whose acceptance ends within `days` (or has ended), soonest first. */
  async expiring(actor: Actor, days: number, limit: number) {
    const until = new Date(this.ctx.clock.now().getTime() + days * DAY).toISOString().slice(0, 10);
    const rows = (await selectRiskRows(this.open(actor))
      .where('r.treatment', '=', 'accept')
      .where('r.accept_expires', '<=', until)
      .orderBy('r.accept_expires')
      .orderBy('r.residual_score', 'desc')
      .limit(limit)
      .execute()) as RiskRow[];
    return { items: (await this.risks.views(this.ctx.db, actor, rows)).map((v) => v.view), until };
  }

  /** The council-ready "Risks" section as a PDF: heatmaps, top risks, gaps in mitigation, expiring acceptances. */
  async reportPdf(actor: Actor): Promise<Buffer> {
    const org = await this.ctx.db
      .selectFrom('organisations')
      .select(['name', 'time_zone'])
      .where('id', '=', actor.orgId)
      .executeTakeFirstOrThrow();
    const matrix = await this.risks.matrices.matrix(this.ctx.db, actor.orgId);
    const heat = await this.heatmap(actor);
    const top = await this.top(actor, 10);
    const gaps = await this.unmitigated(actor, 10);
    const expiring = await this.expiring(actor, 60, 50);
    const gapCount = (await this.risks.list(actor, { status: 'open', treatment: 'reduce', unmitigated: true }, 1, 1)).total;
    const now = this.ctx.clock.now();
    const pdf = new PdfReport({
      orgName: org.name,
      title: 'Risks',
      subtitle: 'The risk register: heatmap, top risks, gaps in mitigation and expiring acceptances',
      generatedAt: now,
      timeZone: org.time_zone,
    });
    const band = (key: string) => matrix.bands.find((b) => b.key === key)?.label ?? key;
    const byRating = (which: 'inherent' | 'residual') =>
      matrix.bands
        .map((b) => {
          const n = heat.cells.filter((c) => c.rating === b.key).reduce((a, c) => a + c[which], 0);
          return `${b.label} ${n}`;
        })
        .join(' · ');
    pdf.heading('Risks');
    pdf.paragraph(
      heat.open === 0
        ? 'The register has no open risks.'
        : `The register holds ${heat.open} open risk${heat.open === 1 ? '' : 's'}, rated on a ${matrix.likelihood.length} × ${matrix.impact.length} matrix of likelihood and impact. "Inherent" is the risk before treatment, "residual" after the treatment chosen.`,
    );
    pdf.keyValues([
      ['Inherent, by rating', byRating('inherent')],
      ['Residual, by rating', byRating('residual')],
      ['Acceptances ending within 60 days', String(expiring.items.length)],
      ['Risks relying on requirements not implemented', String(gapCount)],
    ]);
    const impactsDown = [...matrix.impact.keys()].reverse();
    const grid = (which: 'inherent' | 'residual') =>
      impactsDown.map((i) =>
        matrix.likelihood.map((_, l) => heat.cells.find((c) => c.impact === i + 1 && c.likelihood === l + 1)?.[which] ?? 0),
      );
    const max = Math.max(1, ...heat.cells.flatMap((c) => [c.inherent, c.residual]));
    const colour = (v: number | null) => {
      if (!v) return '#f1f4f8';
      // From a pale to a strong red as the count nears the fullest cell.
      const share = v / max;
      const mix = (a: number, b: number) =>
        Math.round(a + (b - a) * share)
          .toString(16)
          .padStart(2, '0');
      return `#${mix(0xfd, 0xe0)}${mix(0xe4, 0x6b)}${mix(0xdf, 0x5a)}`;
    };
    const rowLabels = impactsDown.map((i) => `Impact: ${matrix.impact[i]?.label ?? i + 1}`);
    const cols = matrix.likelihood.map((s) => s.label);
    const opts = { format: (v: number) => String(v), colour };
    pdf.heatmap('Inherent risk (before treatment): open risks per cell', rowLabels, cols, grid('inherent'), opts);
    pdf.heatmap('Residual risk (after treatment): open risks per cell', rowLabels, cols, grid('residual'), opts);
    pdf.paragraph(
      `Columns: likelihood, from ${cols[0] ?? ''} to ${cols[cols.length - 1] ?? ''}. Ratings: ${matrix.bands.map((b) => b.label).join(', ')}.`,
      {
        muted: true,
        size: 9,
      },
    );

    const target = (v: { target: { type: string; name: string } }) =>
      `${v.target.name}${v.target.type === 'component' ? ' (component)' : ''}`;
    const treatment = (v: (typeof top.items)[number]) =>
      v.treatment === 'accept' && v.acceptance
        ? `accepted until ${v.acceptance.expiresOn}`
        : v.treatment === 'transfer' && v.transferTo
          ? `transferred to ${v.transferTo}`
          : v.treatment;
    pdf.ensure(120).heading('Top risks', 2);
    if (top.items.length === 0) pdf.paragraph('No open risks.', { muted: true });
    else
      pdf.table(
        ['Risk', 'System', 'Threat', 'Inherent', 'Residual', 'Treatment', 'Owner'],
        top.items.map((v) => [
          v.title,
          target(v),
          v.threat.name,
          `${band(v.inherent.rating)} (${v.inherent.score})`,
          `${band(v.residual.rating)} (${v.residual.score})`,
          treatment(v),
          v.ownerName ?? '—',
        ]),
        [0.22, 0.16, 0.15, 0.11, 0.11, 0.13, 0.12],
      );

    pdf.ensure(120).heading('Risks relying on requirements not implemented', 2);
    if (gaps.items.length === 0) pdf.paragraph('Every linked requirement of the open risks is implemented.', { muted: true });
    else
      pdf.table(
        ['Risk', 'System', 'Residual', 'Requirements not implemented'],
        gaps.items.map((v) => [
          v.title,
          target(v),
          `${band(v.residual.rating)} (${v.residual.score})`,
          v.openControls.map((c) => `${c.controlId} (${c.status ?? 'not in the list'})`).join(', '),
        ]),
        [0.3, 0.2, 0.12, 0.38],
      );

    pdf.ensure(120).heading('Acceptances ending within 60 days', 2);
    if (expiring.items.length === 0) pdf.paragraph('No acceptance ends within 60 days.', { muted: true });
    else
      pdf.table(
        ['Risk', 'System', 'Residual', 'Approved by', 'Ends', 'Reason'],
        expiring.items.map((v) => [
          v.title,
          target(v),
          `${band(v.residual.rating)} (${v.residual.score})`,
          v.acceptance?.approverName ?? '—',
          `${v.acceptance?.expiresOn ?? ''}${v.acceptance?.expired ? ' (ended)' : ''}`,
          v.acceptance?.reason ?? '',
        ]),
        [0.22, 0.16, 0.12, 0.14, 0.12, 0.24],
      );
    pdf.paragraph(`Figures as of ${formatDateTime(now, org.time_zone)}.`, { muted: true, size: 8.5 });
    return pdf.toBuffer();
  }
}
