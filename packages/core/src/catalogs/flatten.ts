/**
 * Turns an OSCAL catalog (groups → controls → enhancements) into one row per control in
 * document order, so that a library of catalogs can be browsed and searched on the server.
 * Works on plain JSON: it reads only what it needs and keeps the rest in `body`.
 */
export interface FlatControl {
  id: string;
  position: number;
  parentId: string | null;
  groupId: string | null;
  groupTitle: string | null;
  depth: number;
  title: string;
  label: string | null;
  withdrawn: boolean;
  /** Title, statement, guidance and parameter text, lower-cased: the search index. */
  searchText: string;
  /** The control without its nested controls. */
  body: Record<string, unknown>;
}

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObj) : []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function proseOf(parts: unknown): string[] {
  const out: string[] = [];
  for (const p of arr(parts)) {
    const prose = str(p.prose);
    if (prose) out.push(prose);
    const title = str(p.title);
    if (title) out.push(title);
    out.push(...proseOf(p.parts));
  }
  return out;
}

function paramText(params: unknown): string[] {
  const out: string[] = [];
  for (const p of arr(params)) {
    const label = str(p.label);
    if (label) out.push(label);
    for (const g of arr(p.guidelines)) if (str(g.prose)) out.push(String(g.prose));
    const select = isObj(p.select) ? p.select : null;
    if (select && Array.isArray(select.choice)) for (const c of select.choice) if (typeof c === 'string') out.push(c);
  }
  return out;
}

export function controlLabel(control: Json): string | null {
  for (const p of arr(control.props)) {
    if (p.name === 'label' && typeof p.value === 'string' && !p.class) return p.value;
  }
  for (const p of arr(control.props)) if (p.name === 'label' && typeof p.value === 'string') return p.value;
  return null;
}

export function isWithdrawn(control: Json): boolean {
  return arr(control.props).some((p) => p.name === 'status' && (p.value === 'withdrawn' || p.value === 'Withdrawn'));
}

export function flattenCatalog(catalog: Json): FlatControl[] {
  const rows: FlatControl[] = [];
  const visitControl = (c: Json, parentId: string | null, group: Json | null, depth: number) => {
    const id = str(c.id);
    if (!id) return;
    const { controls, ...body } = c;
    const title = str(c.title) ?? id;
    rows.push({
      id,
      position: rows.length,
      parentId,
      groupId: group ? str(group.id) : null,
      groupTitle: group ? str(group.title) : null,
      depth,
      title,
      label: controlLabel(c),
      withdrawn: isWithdrawn(c),
      searchText: [id, title, ...proseOf(c.parts), ...paramText(c.params)].join('\n').toLowerCase(),
      body,
    });
    for (const child of arr(controls)) visitControl(child, id, group, depth + 1);
  };
  const visitGroup = (g: Json) => {
    for (const c of arr(g.controls)) visitControl(c, null, g, 0);
    for (const sub of arr(g.groups)) visitGroup(sub);
  };
  for (const c of arr(catalog.controls)) visitControl(c, null, null, 0);
  for (const g of arr(catalog.groups)) visitGroup(g);
  return rows;
}
