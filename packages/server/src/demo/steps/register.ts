import type { DemoContext, DemoStep } from '../context.js';
import { DEPENDENCIES, SYSTEMS } from '../data/city.js';

/** The register: every system with its owner and department, then the dependencies between them. */
export const registerStep: DemoStep = {
  name: 'register',
  async run(demo: DemoContext) {
    const { services, officer } = demo;
    let created = 0;
    for (const s of SYSTEMS) {
      const departmentId = demo.departments.get(s.department) ?? null;
      const found = await services.systems.repo.duplicate(demo.ctx.db, demo.orgId, s.name.toLowerCase(), departmentId);
      if (found) {
        demo.systems.set(s.key, found.id);
        continue;
      }
      const view = await services.systems.create(officer, {
        name: s.name,
        description: s.description,
        ownerId: demo.people.get(s.owner ?? s.department) ?? null,
        departmentId,
        sector: s.sector,
        kind: s.kind,
        personalData: s.personalData,
        hosting: s.hosting,
        supplier: s.supplier,
        lifecycle: s.lifecycle ?? 'production',
        tags: s.tags,
        customFields: s.customFields ?? {},
      });
      demo.systems.set(s.key, view.id);
      created += 1;
    }

    const edges = await services.systems.repo.edges(demo.ctx.db, demo.orgId);
    const have = new Set(edges.map((e) => `${e.system_id}>${e.depends_on_id}`));
    let added = 0;
    for (const [from, to] of DEPENDENCIES) {
      const a = demo.systems.get(from);
      const b = demo.systems.get(to);
      if (!a || !b) throw new Error(`demo data: unknown system in dependency ${from} → ${to}`);
      if (have.has(`${a}>${b}`)) continue;
      await services.systems.addDependency(officer, a, b);
      added += 1;
    }
    return `${SYSTEMS.length} systems (${created} new), ${DEPENDENCIES.length} dependencies (${added} new)`;
  },
};
