import { canonicalJson } from '../audit/audit-chain.js';
import type { FlatControl } from './flatten.js';

/**
 * What changed between two versions of a catalog, per control id. "Changed" names the aspects
 * (title, statement, guidance, parameters, properties) so that an upgrade can keep the
 * implementation of unchanged requirements and send changed ones for review.
 */
export type ControlAspect = 'title' | 'statement' | 'guidance' | 'parameters' | 'properties' | 'withdrawn';

export interface ControlChange {
  id: string;
  title: string;
  aspects: ControlAspect[];
}

export interface CatalogDiff {
  added: Array<{ id: string; title: string }>;
  removed: Array<{ id: string; title: string }>;
  changed: ControlChange[];
  unchanged: number;
}

type Json = Record<string, unknown>;
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v.filter((x) => typeof x === 'object' && x !== null) as Json[]) : []);

function partsNamed(body: Json, name: string): string {
  return canonicalJson(arr(body.parts).filter((p) => p.name === name));
}

function aspects(a: FlatControl, b: FlatControl): ControlAspect[] {
  const out: ControlAspect[] = [];
  if (a.title !== b.title) out.push('title');
  if (partsNamed(a.body, 'statement') !== partsNamed(b.body, 'statement')) out.push('statement');
  if (partsNamed(a.body, 'guidance') !== partsNamed(b.body, 'guidance')) out.push('guidance');
  if (canonicalJson(a.body.params ?? []) !== canonicalJson(b.body.params ?? [])) out.push('parameters');
  if (canonicalJson(a.body.props ?? []) !== canonicalJson(b.body.props ?? [])) out.push('properties');
  if (a.withdrawn !== b.withdrawn) out.push('withdrawn');
  return out;
}

export function diffCatalogs(from: readonly FlatControl[], to: readonly FlatControl[]): CatalogDiff {
  const before = new Map(from.map((c) => [c.id, c]));
  const after = new Map(to.map((c) => [c.id, c]));
  const diff: CatalogDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const c of to) {
    const old = before.get(c.id);
    if (!old) {
      diff.added.push({ id: c.id, title: c.title });
      continue;
    }
    const changed = aspects(old, c);
    if (changed.length > 0) diff.changed.push({ id: c.id, title: c.title, aspects: changed });
    else diff.unchanged += 1;
  }
  for (const c of from) if (!after.has(c.id)) diff.removed.push({ id: c.id, title: c.title });
  return diff;
}
