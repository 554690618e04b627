import type { Department } from '../../api/types';

export interface DeptNode {
  dept: Department;
  depth: number;
  children: DeptNode[];
}

/** Build a forest from a flat list; unknown parents become roots, cycles are broken. */
export function buildTree(items: Department[]): DeptNode[] {
  const byId = new Map(items.map((d) => [d.id, d]));
  const childrenOf = new Map<string | null, Department[]>();
  for (const d of items) {
    const parent = d.parentId && byId.has(d.parentId) ? d.parentId : null;
    const list = childrenOf.get(parent) ?? [];
    list.push(d);
    childrenOf.set(parent, list);
  }
  const seen = new Set<string>();
  const build = (parent: string | null, depth: number): DeptNode[] =>
    (childrenOf.get(parent) ?? [])
      .filter((d) => !seen.has(d.id))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((d) => {
        seen.add(d.id);
        return { dept: d, depth, children: build(d.id, depth + 1) };
      });
  const roots = build(null, 0);
  // Departments only reachable through a cycle: show them at the top level.
  for (const d of items) if (!seen.has(d.id)) roots.push({ dept: d, depth: 0, children: [] });
  return roots;
}

/** Depth-first list, for <select> options. */
export function flatten(nodes: DeptNode[]): DeptNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

export function departmentOptions(items: Department[]): { value: string; label: string }[] {
  return flatten(buildTree(items)).map((n) => ({
    value: n.dept.id,
    label: `${'— '.repeat(n.depth)}${n.dept.name}`,
  }));
}
