import type { DemoContext, DemoStep } from '../context.js';
import { DEPENDENCIES, SYSTEMS } from '../data/city.js';
import { COMPONENTS } from '../data/components.js';

/**
 * Common components with their implementation statements, then the systems that use them (each
 * use is one change: the system starts inheriting the component's statuses).
 */
export const componentsStep: DemoStep = {
  name: 'components',
  async run(demo: DemoContext) {
    const { services, officer } = demo;
    const existing = new Map((await services.components.list(officer)).items.map((c) => [c.name, c.id]));
    const dependsOn = new Map<string, Set<string>>();
    for (const [from, to] of DEPENDENCIES) {
      const set = dependsOn.get(from) ?? new Set<string>();
      set.add(to);
      dependsOn.set(from, set);
    }
    let uses = 0;
    for (const c of COMPONENTS) {
      let id = existing.get(c.name);
      if (!id)
        id = (await services.components.create(officer, { name: c.name, description: c.description, kind: c.kind, provider: c.provider }))
          .id;
      demo.components.set(c.key, id);
      const responsibleId = demo.people.get(c.responsible) ?? null;
      // Implementations first, while no system uses the component: each statement is one small change.
      for (const [controlId, status, statement] of c.implements) {
        await services.components.setRequirement(officer, id, controlId, { status, statement, responsibleId });
      }
      const users = new Set((await services.components.get(officer, id)).systems.map((s) => s.id));
      for (const s of SYSTEMS) {
        const systemId = demo.systems.get(s.key);
        if (!systemId || users.has(systemId) || !c.usedBy(s, dependsOn.get(s.key) ?? new Set())) continue;
        await services.components.use(officer, systemId, id, true);
        uses += 1;
      }
    }
    return `${COMPONENTS.length} common components, ${uses} new uses by systems`;
  },
};
