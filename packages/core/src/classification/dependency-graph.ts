import { ClassificationError } from './errors.js';

/**
 * Dependencies between information systems: "the website depends on the e-service application".
 * Protection needs flow along them from the dependent to what it depends on, so the graph must be
 * acyclic; a cycle is refused with one cycle path that a person can follow and break.
 */

export interface Dependency {
  /** The system that needs the other one (A in "A depends on B"). */
  readonly dependent: string;
  /** The supporting system (B): it inherits A's protection need. */
  readonly dependsOn: string;
}

/** Renders a cycle path for messages: "website → application → website". */
export function formatCycle(cycle: readonly string[]): string {
  return cycle.join(' → ');
}

/**
 * One dependency cycle as system ids in "depends on" direction, the first id repeated at the end
 * (`['A', 'B', 'A']`: A depends on B, B depends on A), or undefined if there is none. Iterative
 * depth-first search, so long chains of thousands of systems cannot overflow the call stack.
 */
export function detectCycle(dependencies: readonly Dependency[]): string[] | undefined {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const idOf = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
    }
    return i;
  };
  const next: number[][] = [];
  for (const d of dependencies) {
    const a = idOf(d.dependent);
    const b = idOf(d.dependsOn);
    while (next.length < ids.length) next.push([]);
    next[a]?.push(b);
  }
  return findCycle(ids, next);
}

/**
 * Checks a dependency before it is saved: the cycle it would close, starting with the new
 * dependency (`added.dependent → added.dependsOn → … → added.dependent`), or undefined if it is
 * safe. Breadth-first, so the path shown is a shortest one.
 */
export function wouldCreateCycle(dependencies: readonly Dependency[], added: Dependency): string[] | undefined {
  const next = new Map<string, string[]>();
  for (const d of dependencies) {
    const list = next.get(d.dependent);
    if (list) list.push(d.dependsOn);
    else next.set(d.dependent, [d.dependsOn]);
  }
  const cameFrom = new Map<string, string | undefined>([[added.dependsOn, undefined]]);
  const queue = [added.dependsOn];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] ?? '';
    if (node === added.dependent) {
      const path: string[] = [];
      for (let at: string | undefined = node; at !== undefined; at = cameFrom.get(at)) path.push(at);
      return [added.dependent, ...path.reverse()];
    }
    for (const w of next.get(node) ?? []) {
      if (!cameFrom.has(w)) {
        cameFrom.set(w, node);
        queue.push(w);
      }
    }
  }
  return undefined;
}

/** Depth-first search over adjacency lists (only over `members` if given); the first cycle found, as ids. */
export function findCycle(ids: readonly string[], next: readonly (readonly number[])[], members?: Uint8Array): string[] | undefined {
  const n = ids.length;
  // 0 = not visited, 1 = on the current path, 2 = done.
  const state = new Uint8Array(n);
  const stackNode = new Int32Array(n);
  const stackEdge = new Int32Array(n);
  const depthOf = new Int32Array(n);
  for (let start = 0; start < n; start++) {
    if (state[start] !== 0 || (members && members[start] !== 1)) continue;
    let depth = 0;
    stackNode[0] = start;
    stackEdge[0] = 0;
    state[start] = 1;
    depthOf[start] = 0;
    while (depth >= 0) {
      const node = stackNode[depth] ?? 0;
      const edges = next[node] ?? [];
      const e = stackEdge[depth] ?? 0;
      if (e >= edges.length) {
        state[node] = 2;
        depth--;
        continue;
      }
      stackEdge[depth] = e + 1;
      const target = edges[e] ?? 0;
      if (members && members[target] !== 1) continue;
      if (state[target] === 1) {
        const from = depthOf[target] ?? 0;
        const path: string[] = [];
        for (let i = from; i <= depth; i++) path.push(ids[stackNode[i] ?? 0] ?? '');
        path.push(ids[target] ?? '');
        return path;
      }
      if (state[target] === 0) {
        depth++;
        stackNode[depth] = target;
        stackEdge[depth] = 0;
        depthOf[target] = depth;
        state[target] = 1;
      }
    }
  }
  return undefined;
}

/** Systems and dependencies as integer adjacency lists, for linear-time traversal. */
export interface IndexedGraph {
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** Per system: the systems that depend on it (its need comes from them). */
  readonly dependents: readonly (readonly number[])[];
  /** Per system: the systems it depends on (its need flows to them). */
  readonly supporters: readonly (readonly number[])[];
}

export function indexGraph(systemIds: readonly string[], dependencies: readonly Dependency[]): IndexedGraph {
  const index = new Map<string, number>();
  const problems: string[] = [];
  systemIds.forEach((id, i) => {
    if (index.has(id)) problems.push(`system "${id}" appears twice`);
    else index.set(id, i);
  });
  if (problems.length > 0) throw new ClassificationError('duplicate-system', `Duplicate systems: ${problems.join('; ')}.`, problems);
  const dependents: number[][] = systemIds.map(() => []);
  const supporters: number[][] = systemIds.map(() => []);
  for (const d of dependencies) {
    const a = index.get(d.dependent);
    const b = index.get(d.dependsOn);
    if (a === undefined) problems.push(`dependency ${d.dependent} → ${d.dependsOn}: unknown system "${d.dependent}"`);
    if (b === undefined) problems.push(`dependency ${d.dependent} → ${d.dependsOn}: unknown system "${d.dependsOn}"`);
    if (a === undefined || b === undefined) continue;
    supporters[a]?.push(b);
    dependents[b]?.push(a);
  }
  if (problems.length > 0)
    throw new ClassificationError('unknown-system', `Dependencies name unknown systems: ${problems.join('; ')}.`, problems);
  return { ids: systemIds, index, dependents, supporters };
}

/**
 * Kahn's algorithm in need-flow order: every system comes after all systems that depend on it, so
 * one pass computes every inherited need. Throws 'dependency-cycle' with one cycle path.
 */
export function needFlowOrder(graph: IndexedGraph): number[] {
  const n = graph.ids.length;
  const waiting = new Int32Array(n);
  const order: number[] = [];
  for (let v = 0; v < n; v++) {
    waiting[v] = graph.dependents[v]?.length ?? 0;
    if (waiting[v] === 0) order.push(v);
  }
  for (let i = 0; i < order.length; i++) {
    for (const w of graph.supporters[order[i] ?? 0] ?? []) {
      const left = (waiting[w] ?? 0) - 1;
      waiting[w] = left;
      if (left === 0) order.push(w);
    }
  }
  if (order.length < n) {
    // Every system still waiting has a waiting dependent, so a cycle lies among them.
    const stuck = new Uint8Array(n);
    for (let v = 0; v < n; v++) if ((waiting[v] ?? 0) > 0) stuck[v] = 1;
    const cycle = findCycle(graph.ids, graph.supporters, stuck) ?? [];
    throw new ClassificationError('dependency-cycle', `Dependencies form a cycle: ${formatCycle(cycle)}.`, [formatCycle(cycle)], cycle);
  }
  return order;
}
