import { describe, expect, it } from 'vitest';
import type { Dependency } from './dependency-graph.js';
import { computeNeeds, type Deviation, type NeedGraph, recomputeAfterChange, type SystemNeed } from './inheritance.js';
import { BSI_200_2 } from './methods/index.js';

/** Deterministic pseudo-random numbers (mulberry32) so a failure can be reproduced. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ['normal', 'high', 'very-high'];
const DIMENSIONS = ['confidentiality', 'integrity', 'availability'];

/** Edges only from a lower to a higher number, so the graph is acyclic by construction. */
function generateCity(systemCount: number, edgeCount: number, seed: number): NeedGraph {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  // Most systems are normal, as in a real city; a few are high or very high.
  const category = () => (rnd() < 0.85 ? 'normal' : rnd() < 0.8 ? 'high' : 'very-high');
  const systems: SystemNeed[] = Array.from({ length: systemCount }, (_, i) => ({
    id: `sys-${i}`,
    own: rnd() < 0.05 ? {} : { confidentiality: category(), integrity: category(), availability: category() },
  }));
  const dependencies: Dependency[] = [];
  for (let k = 0; k < edgeCount; k++) {
    const a = Math.floor(rnd() * (systemCount - 1));
    const b = a + 1 + Math.floor(rnd() * Math.min(200, systemCount - a - 1));
    dependencies.push({ dependent: `sys-${a}`, dependsOn: `sys-${b}` });
  }
  const deviations: Deviation[] = [];
  for (let k = 0; k < systemCount / 50; k++) {
    deviations.push({
      systemId: `sys-${k * 50 + 7}`,
      dimension: pick(DIMENSIONS),
      kind: rnd() < 0.5 ? 'cumulation' : 'distribution',
      justification: 'generated',
    });
  }
  return { method: BSI_200_2, systems, dependencies, deviations };
}

/**
 * Reference written independently of the engine: relax every system from its dependents, with the
 * deviation rules, until nothing changes (converges on an acyclic graph). Ranks, -1 = unset.
 */
function reference(graph: NeedGraph): Map<string, number[]> {
  const rank = (key: string | undefined) => (key === undefined ? -1 : CATEGORIES.indexOf(key));
  const own = new Map(graph.systems.map((s) => [s.id, DIMENSIONS.map((d) => rank(s.own[d]))]));
  const need = new Map(graph.systems.map((s) => [s.id, [...(own.get(s.id) ?? [])]]));
  const dependents = new Map<string, string[]>();
  for (const d of graph.dependencies) dependents.set(d.dependsOn, [...(dependents.get(d.dependsOn) ?? []), d.dependent]);
  const deviation = new Map((graph.deviations ?? []).map((d) => [`${d.systemId}/${d.dimension}`, d.kind]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of graph.systems) {
      const current = need.get(s.id) ?? [];
      DIMENSIONS.forEach((dimension, d) => {
        const mine = own.get(s.id)?.[d] ?? -1;
        let m = mine;
        for (const a of dependents.get(s.id) ?? []) m = Math.max(m, need.get(a)?.[d] ?? -1);
        const kind = deviation.get(`${s.id}/${dimension}`);
        if (m >= 0 && kind === 'cumulation') m = Math.min(m + 1, CATEGORIES.length - 1);
        else if (m >= 0 && kind === 'distribution') m = Math.max(m - 1, mine, 0);
        if (current[d] !== m) {
          current[d] = m;
          changed = true;
        }
      });
    }
  }
  return need;
}

function reachable(start: string, dependencies: readonly Dependency[]): Set<string> {
  const seen = new Set([start]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const d of dependencies) {
      if (seen.has(d.dependent) && !seen.has(d.dependsOn)) {
        seen.add(d.dependsOn);
        grew = true;
      }
    }
  }
  return seen;
}

const ranksOf = (levels: Readonly<Record<string, string | undefined>> | undefined) =>
  DIMENSIONS.map((d) => (levels?.[d] === undefined ? -1 : CATEGORIES.indexOf(levels[d] ?? '')));

describe('inheritance at city scale', () => {
  it('computes 5,000 systems with 20,000 dependencies in one pass, matching an independent reference', () => {
    const graph = generateCity(5_000, 20_000, 42);
    const started = performance.now();
    const result = computeNeeds({ ...graph, deviations: [] });
    const elapsed = performance.now() - started;
    console.log(`computeNeeds: 5,000 systems, 20,000 dependencies in ${elapsed.toFixed(1)} ms`);

    expect(result.needs.size).toBe(5_000);
    for (const [id, ranks] of reference({ ...graph, deviations: [] })) expect(ranksOf(result.needs.get(id)?.levels)).toEqual(ranks);

    const withDeviations = performance.now();
    const deviated = computeNeeds(graph);
    console.log(`computeNeeds with ${graph.deviations?.length} deviations in ${(performance.now() - withDeviations).toFixed(1)} ms`);
    for (const [id, ranks] of reference(graph)) expect(ranksOf(deviated.needs.get(id)?.levels)).toEqual(ranks);
  });

  it('lists exactly the systems whose need changed, over 150 random changes', () => {
    let graph = generateCity(600, 2_400, 7);
    let current = computeNeeds(graph);
    const rnd = random(99);
    const id = () => `sys-${Math.floor(rnd() * 600)}`;
    let elapsed = 0;
    for (let step = 0; step < 150; step++) {
      const changed = id();
      const kind = rnd();
      if (kind < 0.4) {
        const own = {
          confidentiality: CATEGORIES[Math.floor(rnd() * 3)],
          integrity: 'normal',
          availability: CATEGORIES[Math.floor(rnd() * 3)],
        };
        graph = { ...graph, systems: graph.systems.map((s) => (s.id === changed ? { ...s, own } : s)) };
      } else if (kind < 0.7) {
        graph = { ...graph, dependencies: graph.dependencies.filter((d) => d.dependent !== changed || rnd() < 0.5) };
      } else if (kind < 0.9) {
        const n = Number(changed.slice(4));
        if (n < 599)
          graph = {
            ...graph,
            dependencies: [...graph.dependencies, { dependent: changed, dependsOn: `sys-${n + 1 + Math.floor(rnd() * (599 - n))}` }],
          };
      } else {
        const others = (graph.deviations ?? []).filter((d) => d.systemId !== changed);
        graph = {
          ...graph,
          deviations: [...others, { systemId: changed, dimension: 'availability', kind: 'cumulation', justification: 'step' }],
        };
      }
      const started = performance.now();
      const { result, changes } = recomputeAfterChange(graph, changed, current);
      elapsed += performance.now() - started;
      const expected = reference(graph);
      for (const [id, ranks] of expected) expect(ranksOf(result.needs.get(id)?.levels), id).toEqual(ranks);
      // Exactly the systems whose levels differ are listed, with before → after.
      const differing = [...expected.keys()].filter((k) => ranksOf(current.needs.get(k)?.levels).join() !== expected.get(k)?.join());
      const listed = changes.filter((c) => c.dimensions.length > 0);
      expect(listed.map((c) => c.systemId).sort()).toEqual(differing.sort());
      for (const c of listed) {
        for (const d of c.dimensions) {
          expect(d.before).toBe(current.needs.get(c.systemId)?.levels[d.dimension]);
          expect(d.after).toBe(result.needs.get(c.systemId)?.levels[d.dimension]);
        }
      }
      // Needs flow only towards supporters: nothing outside the changed system's reach may change.
      const reach = reachable(changed, graph.dependencies);
      for (const id of reachable(changed, current.graph.dependencies)) reach.add(id);
      for (const c of changes) expect(reach.has(c.systemId), c.systemId).toBe(true);
      current = result;
    }
    console.log(`recomputeAfterChange: 150 changes on 600 systems in ${elapsed.toFixed(1)} ms total`);
  });
});
