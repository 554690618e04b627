import type { Json } from '../../api/types';

export type DiffKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface DiffRow {
  field: string;
  before: Json | undefined;
  after: Json | undefined;
  kind: DiffKind;
}

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isScalarArray(v: Json[]): boolean {
  return v.every((x) => x === null || typeof x !== 'object');
}

/** Flatten nested objects into dotted paths ("address.city"); arrays of scalars stay as one value. */
export function flatten(value: Json | undefined, prefix = '', out = new Map<string, Json>()): Map<string, Json> {
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0 && prefix) out.set(prefix, value);
    for (const key of keys) flatten(value[key], prefix ? `${prefix}.${key}` : key, out);
  } else if (Array.isArray(value) && !isScalarArray(value)) {
    value.forEach((item, i) => {
      flatten(item, `${prefix}[${i}]`, out);
    });
  } else if (value !== undefined && prefix) {
    out.set(prefix, value);
  }
  return out;
}

function same(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function diffObjects(before: Json | null, after: Json | null): DiffRow[] {
  const b = flatten(before ?? undefined);
  const a = flatten(after ?? undefined);
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  const rows = fields.map((field): DiffRow => {
    const bv = b.get(field);
    const av = a.get(field);
    let kind: DiffKind;
    if (!b.has(field)) kind = 'added';
    else if (!a.has(field)) kind = 'removed';
    else kind = same(bv, av) ? 'unchanged' : 'changed';
    return { field, before: bv, after: av, kind };
  });
  const order: Record<DiffKind, number> = {
    changed: 0,
    added: 1,
    removed: 2,
    unchanged: 3,
  };
  return rows.sort((x, y) => order[x.kind] - order[y.kind] || x.field.localeCompare(y.field));
}
