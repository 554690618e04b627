/**
 * Breadth-first search over "depends on" edges: the path from `from` to `to` (both included,
 * `from` first), or null. Adding "to depends on from" closes a cycle exactly when such a path exists.
 */
export function findPath(edges: ReadonlyArray<{ system_id: string; depends_on_id: string }>, from: string, to: string): string[] | null {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.system_id, [...(next.get(e.system_id) ?? []), e.depends_on_id]);
  const cameFrom = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const cur = queue[i] as string;
    if (cur === to) {
      const path: string[] = [];
      for (let n: string | null | undefined = cur; n; n = cameFrom.get(n)) path.unshift(n);
      return path;
    }
    for (const n of next.get(cur) ?? []) {
      if (!cameFrom.has(n)) {
        cameFrom.set(n, cur);
        queue.push(n);
      }
    }
  }
  return null;
}
