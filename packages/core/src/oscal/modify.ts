/**
 * Modify phase of profile resolution: `set-parameters` and `alters` (adds and removes).
 *
 * The body coming from the merge phase consists of fresh control and group objects whose content
 * arrays are still shared with the source catalogs; everything changed here is copied first, so
 * source documents (which a caller may cache) are never mutated.
 */
import type { ResolutionWarning } from './errors.js';
import { cloneJson } from './json-util.js';
import type { CatalogBody } from './merge.js';
import type { Add, Alter, Control, Group, Modify, Parameter, Remove, SetParameter } from './model.js';

/** Objects that hold a `params` array: the catalog body, groups and controls. */
type ParamHolder = { params?: Parameter[] };

interface BodyIndex {
  params: Map<string, ParamHolder[]>;
  controls: Map<string, Control[]>;
}

function indexBody(body: CatalogBody): BodyIndex {
  const index: BodyIndex = { params: new Map(), controls: new Map() };
  const addParams = (holder: ParamHolder) => {
    for (const p of holder.params ?? []) {
      const list = index.params.get(p.id);
      if (list) list.push(holder);
      else index.params.set(p.id, [holder]);
    }
  };
  const visitControl = (c: Control) => {
    const list = index.controls.get(c.id);
    if (list) list.push(c);
    else index.controls.set(c.id, [c]);
    addParams(c);
    for (const child of c.controls ?? []) visitControl(child);
  };
  const visitGroup = (g: Group) => {
    addParams(g);
    for (const c of g.controls ?? []) visitControl(c);
    for (const sub of g.groups ?? []) visitGroup(sub);
  };
  addParams(body);
  for (const c of body.controls) visitControl(c);
  for (const g of body.groups) visitGroup(g);
  return index;
}

/**
 * Applies one set-parameter (spec "Setting Parameters"): class, depends-on, label and usage are
 * replaced; `values` and `select` are alternatives, so setting either replaces both (as NIST's
 * resolver does, and as 1.2 schemas require); props, links, constraints and guidelines are
 * appended, a prop with the uuid of an existing one replacing it.
 */
export function applySetParameter(param: Parameter, set: SetParameter): Parameter {
  const out: Parameter = { ...param };
  if (set.class !== undefined) out.class = set.class;
  if (set['depends-on'] !== undefined) out['depends-on'] = set['depends-on'];
  if (set.label !== undefined) out.label = set.label;
  if (set.usage !== undefined) out.usage = set.usage;
  if (set.props) {
    const props = (param.props ?? []).filter((p) => p.uuid === undefined || !set.props?.some((s) => s.uuid === p.uuid));
    out.props = [...props, ...cloneJson(set.props)];
  }
  if (set.links) out.links = [...(param.links ?? []), ...cloneJson(set.links)];
  if (set.constraints) out.constraints = [...(param.constraints ?? []), ...cloneJson(set.constraints)];
  if (set.guidelines) out.guidelines = [...(param.guidelines ?? []), ...cloneJson(set.guidelines)];
  if (set.values !== undefined) {
    out.values = [...set.values];
    delete out.select;
  } else if (set.select !== undefined) {
    out.select = cloneJson(set.select);
    delete out.values;
  }
  return out;
}

function setParameters(index: BodyIndex, sets: readonly SetParameter[], warnings: ResolutionWarning[]): void {
  for (const set of sets) {
    const holders = index.params.get(set['param-id']);
    if (!holders) {
      warnings.push({
        code: 'unmatched-set-parameter',
        message: `set-parameter: no parameter "${set['param-id']}" in the resolved catalog`,
      });
      continue;
    }
    for (const holder of holders) {
      // A fresh array per change: the holder's list may still be the source catalog's.
      holder.params = (holder.params ?? []).map((p) => (p.id === set['param-id'] ? applySetParameter(p, set) : p));
    }
  }
}

const OSCAL_NS = 'http://csrc.nist.gov/ns/oscal';
type Item = Record<string, unknown>;

function isItem(v: unknown): v is Item {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function matchesRemove(item: Item, arrayKey: string, r: Remove): boolean {
  const singular = arrayKey.endsWith('s') ? arrayKey.slice(0, -1) : arrayKey;
  if (r['by-item-name'] !== undefined && r['by-item-name'] !== singular && r['by-item-name'] !== arrayKey) return false;
  if (r['by-id'] !== undefined && item.id !== r['by-id']) return false;
  if (r['by-name'] !== undefined && item.name !== r['by-name']) return false;
  if (r['by-class'] !== undefined && item.class !== r['by-class']) return false;
  if (r['by-ns'] !== undefined) {
    // Only named objects (props, parts) carry a namespace; no ns means the OSCAL namespace.
    if (typeof item.name !== 'string') return false;
    const ns = typeof item.ns === 'string' ? item.ns.trim() : OSCAL_NS;
    if (ns !== r['by-ns'] && !(r['by-ns'] === OSCAL_NS && ns === `${OSCAL_NS}/1.0`)) return false;
  }
  return true;
}

/**
 * Removes, from the content of one control, every object matching all criteria of `r`, at any
 * depth (statement items, props of parts, ...). Child controls are not searched: they are
 * controls of their own and are altered through their own id.
 */
function removeFrom(holder: Item, r: Remove): number {
  let removed = 0;
  for (const [key, value] of Object.entries(holder)) {
    if (key === 'controls' || !Array.isArray(value)) continue;
    const kept = value.filter((item) => !(isItem(item) && matchesRemove(item, key, r)));
    removed += value.length - kept.length;
    if (kept.length === 0) delete holder[key];
    else holder[key] = kept;
    for (const item of kept) if (isItem(item)) removed += removeFrom(item, r);
  }
  return removed;
}

type AddKey = 'params' | 'props' | 'links' | 'parts';
const ADD_KEYS: readonly AddKey[] = ['params', 'props', 'links', 'parts'];
/** Which added lists each kind of target can hold. */
const ACCEPTS: Record<'control' | 'part' | 'param', readonly AddKey[]> = {
  control: ADD_KEYS,
  part: ['props', 'links', 'parts'],
  param: ['props', 'links'],
};

type Kind = keyof typeof ACCEPTS;

interface Located {
  kind: Kind;
  item: Item;
  /** The object holding the array the target sits in, and that array's key. */
  parent: Item;
  parentKind: Kind;
  key: 'params' | 'parts' | 'controls';
}

/** Finds the object with `id` inside a control (parts at any depth, params, nested controls). */
function locate(root: Item, rootKind: Kind, id: string): Located | undefined {
  for (const key of ['params', 'parts', 'controls'] as const) {
    const list = root[key];
    if (!Array.isArray(list)) continue;
    const kind: Kind = key === 'params' ? 'param' : key === 'parts' ? 'part' : 'control';
    for (const item of list) {
      if (!isItem(item)) continue;
      if (kind === 'control') detach(item as unknown as Control);
      if (item.id === id) return { kind, item, parent: root, parentKind: rootKind, key };
      if (kind !== 'param') {
        const found = locate(item, kind, id);
        if (found) return found;
      }
    }
  }
  return undefined;
}

function addInside(target: Item, kind: Kind, add: Add, atStart: boolean, where: string, warnings: ResolutionWarning[]): void {
  if (add.title !== undefined) {
    if (kind === 'param') warnings.push({ code: 'inoperative-add', message: `${where}: a parameter has no title; title not added` });
    else target.title = add.title;
  }
  for (const key of ADD_KEYS) {
    const extra = add[key];
    if (extra === undefined) continue;
    if (!ACCEPTS[kind].includes(key)) {
      warnings.push({ code: 'inoperative-add', message: `${where}: a ${kind} cannot hold ${key}; not added` });
      continue;
    }
    const existing = Array.isArray(target[key]) ? (target[key] as unknown[]) : [];
    const added = cloneJson(extra) as unknown[];
    target[key] = atStart ? [...added, ...existing] : [...existing, ...added];
  }
}

/** `before`/`after` a part or parameter: same-kind items become its siblings, others go to its parent. */
function addBeside(loc: Located, add: Add, before: boolean, where: string, warnings: ResolutionWarning[]): void {
  if (loc.kind === 'control') {
    warnings.push({
      code: 'inoperative-add',
      message: `${where}: OSCAL JSON cannot add controls before/after a child control; use starting/ending`,
    });
    return;
  }
  const siblings = loc.parent[loc.key] as unknown[];
  const at = siblings.indexOf(loc.item) + (before ? 0 : 1);
  const same = add[loc.key === 'params' ? 'params' : 'parts'];
  if (same) siblings.splice(at, 0, ...(cloneJson(same) as unknown[]));
  const rest: Add = { ...add };
  delete rest[loc.key === 'params' ? 'params' : 'parts'];
  if (rest.title !== undefined) {
    warnings.push({ code: 'inoperative-add', message: `${where}: title cannot be added before/after a ${loc.kind}; ignored` });
    delete rest.title;
  }
  addInside(loc.parent, loc.parentKind, rest, before, where, warnings);
}

function applyAdd(control: Control, add: Add, index: BodyIndex, warnings: ResolutionWarning[]): void {
  const position = add.position;
  const byId = add['by-id'];
  const where = `alter ${control.id}${byId ? ` (by-id ${byId})` : ''}`;
  const asItem = control as unknown as Item;
  if (byId === undefined || byId === control.id) {
    // Implicit binding: before/after mean starting/ending (spec req-modify-alter-add-implicit-position).
    addInside(asItem, 'control', add, position === 'starting' || position === 'before', where, warnings);
    return;
  }
  const loc = locate(asItem, 'control', byId);
  if (!loc) {
    // A child control that `flat` merging moved out of its parent is still addressable.
    const elsewhere = index.controls.get(byId);
    if (elsewhere && (position === undefined || position === 'starting' || position === 'ending')) {
      for (const c of elsewhere) {
        detach(c);
        addInside(c as unknown as Item, 'control', add, position === 'starting', where, warnings);
      }
    } else {
      warnings.push({ code: 'inoperative-add', message: `${where}: nothing with id "${byId}" in control ${control.id}; add ignored` });
    }
    return;
  }
  if (position === 'before' || position === 'after') addBeside(loc, add, position === 'before', where, warnings);
  else addInside(loc.item, loc.kind, add, position === 'starting', where, warnings);
}

/** Output controls whose content was already copied (so copying again would lose edits). */
const detached = new WeakSet<Control>();

/** Deep-copies a control's own content (not its child controls) before it is edited. */
function detach(control: Control): void {
  if (detached.has(control)) return;
  detached.add(control);
  for (const key of ['params', 'props', 'links', 'parts'] as const) {
    if (control[key] !== undefined) (control as unknown as Item)[key] = cloneJson(control[key]);
  }
}

function alterControls(index: BodyIndex, alters: readonly Alter[], warnings: ResolutionWarning[]): void {
  // All removes of a control apply to its original content, then all adds in order, so that an
  // alter can replace content (remove + add) regardless of how it is split into alters.
  const byControl = new Map<string, Alter[]>();
  for (const alter of alters) {
    const list = byControl.get(alter['control-id']);
    if (list) list.push(alter);
    else byControl.set(alter['control-id'], [alter]);
  }
  for (const [id, list] of byControl) {
    const targets = index.controls.get(id);
    if (!targets) {
      warnings.push({ code: 'unmatched-alter', message: `alter: no control "${id}" in the resolved catalog` });
      continue;
    }
    // Adds bound to the control itself only replace its (fresh) top-level arrays; removes and
    // adds inside parts or parameters edit nested objects, which must be copied first.
    const editsNested = list.some(
      (a) => (a.removes?.length ?? 0) > 0 || (a.adds ?? []).some((add) => add['by-id'] !== undefined && add['by-id'] !== id),
    );
    for (const control of targets) {
      if (editsNested) detach(control);
      for (const r of list.flatMap((a) => a.removes ?? [])) {
        const criteria = Object.values(r).filter((v) => v !== undefined).length;
        const removed = criteria === 0 ? 0 : removeFrom(control as unknown as Item, r);
        if (removed === 0)
          warnings.push({ code: 'inoperative-remove', message: `alter ${id}: remove ${JSON.stringify(r)} matched nothing` });
      }
      for (const add of list.flatMap((a) => a.adds ?? [])) applyAdd(control, add, index, warnings);
    }
  }
}

/** Applies a profile's `modify` to the merged body, in place. */
export function applyModify(body: CatalogBody, modify: Modify | undefined, warnings: ResolutionWarning[]): void {
  if (!modify) return;
  const index = indexBody(body);
  if (modify['set-parameters']) setParameters(index, modify['set-parameters'], warnings);
  if (modify.alters) alterControls(index, modify.alters, warnings);
}
