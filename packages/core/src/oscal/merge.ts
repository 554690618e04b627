/**
 * Merge phase of profile resolution: resolve clashing controls (`combine`) and build the
 * structure of the result (`flat`, `as-is` or `custom`).
 */
import { OscalError, type ResolutionWarning } from './errors.js';
import { deepEqual, unionDeep } from './json-util.js';
import type { CombineMethod, Control, CustomGroup, Group, InsertControls, Merge, Parameter } from './model.js';
import {
  ControlSelector,
  type SelectedControl,
  type SelectedGroup,
  type Selection,
  walkSelected,
  walkSelectedGroups,
} from './selection.js';

/** The body of the result catalog, before modification and pruning. */
export interface CatalogBody {
  params: Parameter[];
  controls: Control[];
  groups: Group[];
}

export type Structure = 'flat' | 'as-is' | 'custom';

export function structureOf(merge: Merge | undefined): Structure {
  const chosen: Structure[] = [];
  if (merge?.flat !== undefined) chosen.push('flat');
  if (merge?.['as-is'] === true) chosen.push('as-is');
  if (merge?.custom !== undefined) chosen.push('custom');
  if (chosen.length > 1) {
    // Spec (req-stucture): more than one structuring directive is an error.
    throw new OscalError(
      'invalid-profile',
      `merge has more than one structuring directive (${chosen.join(', ')}); choose one of flat, as-is, custom`,
    );
  }
  return chosen[0] ?? 'flat';
}

/** Output form of a selected control: the source control with only its selected children. */
export function toOutputControl(sc: SelectedControl, nested = true): Control {
  const { controls: _all, ...content } = sc.control;
  const out: Control = { ...content };
  if (nested && sc.children.length > 0) out.controls = sc.children.map((c) => toOutputControl(c));
  return out;
}

function mergeControlContent(first: Control, other: Control): Control {
  const { controls: _c, ...rest } = first;
  const merged: Control = { ...rest };
  const params = [...(first.params ?? [])];
  for (const p of other.params ?? []) if (!params.some((q) => q.id === p.id)) params.push(p);
  if (params.length > 0) merged.params = params;
  for (const key of ['props', 'links', 'parts'] as const) {
    const list = unionDeep<unknown>(first[key], other[key]);
    if (list.length > 0) (merged as unknown as Record<string, unknown>)[key] = list;
  }
  return merged;
}

/**
 * Applies the combination rule across all selections, in import order, depth-first ("first" in
 * the spec's sense). `use-first` keeps the first representation of each control id; `merge`
 * (deprecated in the spec, kept for older profiles) folds later representations into the first;
 * `keep` (the default) keeps every copy and only warns, as the spec recommends.
 * A dropped duplicate's children that were not seen before are kept under the surviving control,
 * so that use-first never loses a control that was selected only once.
 */
export function combineSelections(selections: Selection[], method: CombineMethod, warnings: ResolutionWarning[]): void {
  const seen = new Map<string, SelectedControl>();
  const duplicates = new Set<string>();
  const process = (list: SelectedControl[]): SelectedControl[] => {
    const out: SelectedControl[] = [];
    for (const sc of list) {
      const first = seen.get(sc.control.id);
      if (first === undefined || method === 'keep') {
        if (first !== undefined) duplicates.add(sc.control.id);
        else seen.set(sc.control.id, sc);
        sc.children = process(sc.children);
        out.push(sc);
        continue;
      }
      duplicates.add(sc.control.id);
      if (method === 'merge') first.control = mergeControlContent(first.control, sc.control);
      first.children.push(...process(sc.children));
    }
    return out;
  };
  for (const selection of selections) {
    if (method !== 'keep') {
      const params: Parameter[] = [];
      for (const p of selection.params) if (!params.some((q) => q.id === p.id)) params.push(p);
      selection.params = params;
    }
    selection.controls = process(selection.controls);
    for (const group of walkSelectedGroups(selection.groups)) group.controls = process(group.controls);
  }
  if (duplicates.size > 0) {
    const verb =
      method === 'keep' ? 'kept as duplicates (ids clash: fix the imports or use combine "use-first")' : `combined with method "${method}"`;
    warnings.push({ code: 'duplicate-control', message: `controls selected more than once, ${verb}: ${[...duplicates].join(', ')}` });
  }
  if (method === 'merge') {
    warnings.push({ code: 'merge-deprecated', message: 'combine method "merge" is deprecated in the OSCAL specification' });
  }
}

function groupParams(groups: readonly SelectedGroup[]): Parameter[] {
  return [...walkSelectedGroups(groups)].flatMap((g) => g.group.params ?? []);
}

/** `flat` (and no structuring directive): all controls in one list, no groups, no nesting. */
export function structureFlat(selections: readonly Selection[]): CatalogBody {
  const params: Parameter[] = [];
  const controls: Control[] = [];
  for (const s of selections) {
    params.push(...s.params, ...groupParams(s.groups));
    const roots = [...s.controls, ...[...walkSelectedGroups(s.groups)].flatMap((g) => g.controls)];
    for (const sc of walkSelected(roots)) controls.push(toOutputControl(sc, false));
  }
  return { params, controls, groups: [] };
}

function hasKeepAlways(group: Group): boolean {
  return (group.props ?? []).some((p) => p.name === 'keep' && p.value === 'always');
}

/**
 * Merges groups that share an id (the same catalog imported twice, or catalogs sharing group
 * ids), keeping the order of first appearance. Their non-control content is united without
 * duplicates; groups without any selected control below them are dropped (unless marked keep).
 */
function mergeGroupsAsIs(groups: readonly SelectedGroup[]): Group[] {
  const order: SelectedGroup[][] = [];
  const byId = new Map<string, SelectedGroup[]>();
  for (const g of groups) {
    const id = g.group.id;
    const bucket = id === undefined ? undefined : byId.get(id);
    if (bucket) bucket.push(g);
    else {
      const fresh = [g];
      order.push(fresh);
      if (id !== undefined) byId.set(id, fresh);
    }
  }
  const out: Group[] = [];
  for (const bucket of order) {
    const [first] = bucket;
    if (first === undefined) continue;
    const { groups: _g, controls: _c, params: _p, props: _pr, links: _l, parts: _pa, ...head } = first.group;
    const group: Group = { ...head };
    const params: Parameter[] = [];
    for (const b of bucket) for (const p of b.group.params ?? []) if (!params.some((q) => deepEqual(q, p))) params.push(p);
    if (params.length > 0) group.params = params;
    for (const key of ['props', 'links', 'parts'] as const) {
      let list: unknown[] = [];
      for (const b of bucket) list = unionDeep(list, b.group[key]);
      if (list.length > 0) (group as unknown as Record<string, unknown>)[key] = list;
    }
    const controls = bucket.flatMap((b) => b.controls).map((sc) => toOutputControl(sc));
    const subgroups = mergeGroupsAsIs(bucket.flatMap((b) => b.groups));
    if (controls.length > 0) group.controls = controls;
    if (subgroups.length > 0) group.groups = subgroups;
    if (controls.length > 0 || subgroups.length > 0 || bucket.some((b) => hasKeepAlways(b.group))) out.push(group);
  }
  return out;
}

/** `as-is`: the groups and control nesting of the source catalogs are reproduced. */
export function structureAsIs(selections: readonly Selection[]): CatalogBody {
  return {
    params: selections.flatMap((s) => s.params),
    controls: selections.flatMap((s) => s.controls.map((sc) => toOutputControl(sc))),
    groups: mergeGroupsAsIs(selections.flatMap((s) => s.groups)),
  };
}

/** A selected control as a plain control tree (children = selected children), for re-selection. */
function asControlTree(sc: SelectedControl): Control {
  const { controls: _all, ...content } = sc.control;
  const tree: Control = { ...content };
  if (sc.children.length > 0) tree.controls = sc.children.map(asControlTree);
  return tree;
}

/**
 * `custom`: the profile defines the groups; `insert-controls` place selected controls, chosen
 * from the imported ones with the same include/exclude rules as an import, in import order or
 * sorted by id (code-point order, as NIST's resolver sorts). Controls never inserted are dropped.
 */
export function structureCustom(selections: readonly Selection[], merge: Merge, warnings: ResolutionWarning[]): CatalogBody {
  const pool = selections
    .flatMap((s) => [...s.controls, ...[...walkSelectedGroups(s.groups)].flatMap((g) => g.controls)])
    .map(asControlTree);
  const inserted = new Set<string>();

  const insert = (directives: readonly InsertControls[] | undefined, where: string): Control[] => {
    const out: Control[] = [];
    for (const directive of directives ?? []) {
      const selected = new ControlSelector(directive).selectControls(pool);
      if (directive.order === 'ascending' || directive.order === 'descending') {
        const sign = directive.order === 'ascending' ? 1 : -1;
        selected.sort((a, b) => sign * (a.control.id < b.control.id ? -1 : a.control.id > b.control.id ? 1 : 0));
      }
      if (selected.length === 0) {
        warnings.push({ code: 'unmatched-selection', message: `insert-controls in ${where} selects none of the imported controls` });
      }
      for (const sc of selected) {
        for (const s of walkSelected([sc])) inserted.add(s.control.id);
        out.push(toOutputControl(sc));
      }
    }
    return out;
  };

  const build = (g: CustomGroup): Group => {
    const { groups, 'insert-controls': directives, ...content } = g;
    const group: Group = { ...content };
    const controls = insert(directives, g.id === undefined ? `group "${g.title}"` : `group ${g.id}`);
    const subgroups = (groups ?? []).map(build);
    if (controls.length > 0) group.controls = controls;
    if (subgroups.length > 0) group.groups = subgroups;
    return group;
  };

  const custom = merge.custom ?? {};
  const controls = insert(custom['insert-controls'], 'merge.custom');
  const groups = (custom.groups ?? []).map(build);
  const poolIds: string[] = [];
  const collect = (c: Control): void => {
    poolIds.push(c.id);
    for (const child of c.controls ?? []) collect(child);
  };
  for (const c of pool) collect(c);
  const unused = [...new Set(poolIds)].filter((id) => !inserted.has(id));
  if (unused.length > 0) {
    warnings.push({ code: 'unused-control', message: `imported controls not placed by merge.custom (left out): ${unused.join(', ')}` });
  }
  return {
    params: selections.flatMap((s) => [...s.params, ...groupParams(s.groups)]),
    controls,
    groups,
  };
}
