import { type DemoContext, type DemoStep, dayOffset } from '../context.js';

const DAYS = 90;

/**
 * Ninety days of compliance snapshots before today, rising to today's real figures: what the
 * daily `compliance-snapshot` job would have written had the city used CityShield for a quarter.
 * (The job writes today's point itself; the dashboard adds today live.) Weekends are flat, and
 * 40 days ago a reclassification added requirements, so the share dips before it climbs again.
 */
export const trendStep: DemoStep = {
  name: 'trend',
  async run(demo: DemoContext) {
    const { rng } = demo;
    const { totals } = await demo.services.dashboard.compliance(demo.officer, {});
    const applicable = totals.implemented + totals.partially + totals.planned + totals.notStarted;
    if (applicable === 0) return 'no requirements, no trend';
    const credit = totals.implemented + totals.partially / 2; // what the share counts
    const start = credit * 0.55;
    // Work done per day: nothing at weekends, uneven on weekdays, a few big days (a component done).
    const work: number[] = [];
    for (let ago = DAYS; ago >= 1; ago--) {
      const weekday = new Date(demo.today.getTime() - ago * 86_400_000).getUTCDay();
      const weekend = weekday === 0 || weekday === 6;
      work.push(weekend ? 0 : rng.next() + (rng.chance(0.06) ? 3 : 0));
    }
    // Today's figures are one more working day on top of yesterday's.
    const total = work.reduce((a, b) => a + b, 0) + 1;
    const rows: Array<{ org_id: string; day: string; applicable: number; implemented: number; partially: number; overdue: number }> = [];
    let done = 0;
    for (let i = 0; i < DAYS; i++) {
      const ago = DAYS - i;
      done += work[i] ?? 0;
      const reached = start + (credit - start) * (done / total);
      const applicableThen = ago > 40 ? Math.round(applicable * 0.92) : applicable;
      const progress = i / DAYS;
      const partially = Math.round(totals.partially * (0.7 + 0.3 * progress));
      const implemented = Math.max(0, Math.round(reached - partially / 2));
      const overdue = Math.max(0, Math.round(totals.overdue * (1.7 - 0.7 * progress) + rng.int(-3, 3)));
      rows.push({
        org_id: demo.orgId,
        day: dayOffset(demo.today, -ago),
        applicable: applicableThen,
        implemented: Math.min(implemented, applicableThen),
        partially,
        overdue,
      });
    }
    const days = rows.map((r) => r.day);
    await demo.ctx.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('compliance_snapshots').where('org_id', '=', demo.orgId).where('day', 'in', days).execute();
      await trx.insertInto('compliance_snapshots').values(rows).execute();
    });
    const first = rows[0];
    const share = (r: { implemented: number; partially: number; applicable: number }) =>
      Math.round(((r.implemented + r.partially / 2) / r.applicable) * 100);
    return `${rows.length} daily snapshots, share ${first ? share(first) : 0}% → ${Math.round((totals.share ?? 0) * 100)}% today`;
  },
};
