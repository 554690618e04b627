import type { DemoContext, DemoStep } from '../context.js';
import { ANSWERS } from '../data/answers.js';
import { SYSTEMS } from '../data/city.js';

/**
 * Classifies the systems from questionnaire answers through the real classification service, so
 * that inheritance along dependencies and the requirement lists are computed by the product.
 * Pilot and planned systems stay unclassified on purpose (the reclassification worklist has work).
 */
export const classificationStep: DemoStep = {
  name: 'classification',
  async run(demo: DemoContext) {
    const { services, officer } = demo;
    const method = await services.classification.method(demo.ctx.db, demo.orgId);
    const questions = await services.classification.questions(demo.ctx.db, demo.orgId, method.key);
    if (questions.length === 0) {
      throw new Error(`The organisation's classification method "${method.key}" has no questionnaire; the demo needs a built-in method.`);
    }
    let classified = 0;
    for (const s of SYSTEMS) {
      const c = s.classification;
      if (!c) continue;
      const id = demo.systems.get(s.key);
      if (!id) throw new Error(`demo data: system ${s.key} was not registered`);
      // Overrides are stated in ISKE classes; under another method they are left out.
      const override =
        c.override && method.key === 'iske' ? { [c.override.dimension]: { level: c.override.level, reason: c.override.reason } } : {};
      await services.classification.classifySystem(officer, id, {
        answers: ANSWERS[c.answers],
        overrides: override,
        reason: c.reason ?? null,
      });
      classified += 1;
    }
    const levels = await demo.ctx.db.selectFrom('systems').select(['security_level']).where('org_id', '=', demo.orgId).execute();
    const count = (l: string | null) => levels.filter((x) => x.security_level === l).length;
    const spread = method.securityLevels
      .map((l) => `${count(l.key)} ${l.key}`)
      .concat(`${count(null)} unclassified`)
      .join(', ');
    return `${classified} systems classified (${method.name}); effective levels: ${spread}`;
  },
};
