import type { Json } from '../../api/types';

/**
 * Typed, defensive readers for the parts of an OSCAL control body that the
 * control page shows. The body is data from an imported file, so every field
 * is checked rather than trusted.
 */

type JsonObject = { [key: string]: Json };

export interface OscalProp {
  name: string;
  value: string;
  ns: string | null;
  class: string | null;
}

export interface OscalLink {
  href: string;
  rel: string | null;
  text: string | null;
}

export interface OscalPart {
  key: string;
  id: string | null;
  name: string;
  title: string | null;
  prose: string | null;
  label: string | null;
  parts: OscalPart[];
}

export interface OscalParam {
  id: string;
  label: string | null;
  values: string[];
  select: { howMany: string | null; choices: string[] } | null;
  guidelines: string[];
}

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = (v: Json | undefined): JsonObject[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: Json | undefined): string | null => (typeof v === 'string' ? v : null);
const strings = (v: Json | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function readProps(v: Json | undefined): OscalProp[] {
  return objects(v).flatMap((p) => {
    const name = str(p.name);
    const value = str(p.value);
    return name !== null && value !== null ? [{ name, value, ns: str(p.ns), class: str(p.class) }] : [];
  });
}

export function readLinks(v: Json | undefined): OscalLink[] {
  return objects(v).flatMap((l) => {
    const href = str(l.href);
    return href !== null ? [{ href, rel: str(l.rel), text: str(l.text) }] : [];
  });
}

export function readParts(v: Json | undefined, prefix = 'p'): OscalPart[] {
  return objects(v).map((p, i) => {
    const key = `${prefix}.${i}`;
    const label = readProps(p.props).find((x) => x.name === 'label')?.value ?? null;
    return {
      key,
      id: str(p.id),
      name: str(p.name) ?? '',
      title: str(p.title),
      prose: str(p.prose),
      label,
      parts: readParts(p.parts, key),
    };
  });
}

export function readParams(v: Json | undefined): OscalParam[] {
  return objects(v).flatMap((p) => {
    const id = str(p.id);
    if (id === null) return [];
    const select = isObject(p.select) ? { howMany: str(p.select['how-many']), choices: strings(p.select.choice) } : null;
    const guidelines = objects(p.guidelines).flatMap((g) => {
      const prose = str(g.prose);
      return prose ? [prose] : [];
    });
    return [{ id, label: str(p.label), values: strings(p.values), select, guidelines }];
  });
}

/** `{{ insert: param, ac-1_prm_1 }}` in OSCAL markup. */
const INSERT = /\{\{\s*insert:\s*param,\s*([^\s}]+)\s*\}\}/g;

export type ProseChunk = { text: string } | { param: string };

/** Split prose into text and parameter insertions. */
export function splitProse(prose: string): ProseChunk[] {
  const out: ProseChunk[] = [];
  let last = 0;
  for (const m of prose.matchAll(INSERT)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ text: prose.slice(last, at) });
    out.push({ param: m[1] ?? '' });
    last = at + m[0].length;
  }
  if (last < prose.length) out.push({ text: prose.slice(last) });
  return out;
}

/** Order of top-level parts on the control page: statement, guidance, then the rest as in the document. */
export function orderParts(parts: OscalPart[]): OscalPart[] {
  const rank = (p: OscalPart) => (p.name === 'statement' ? 0 : p.name === 'guidance' ? 1 : 2);
  return parts
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map((x) => x.p);
}

/** http(s) addresses become links; anything else (fragments, URNs, javascript:…) stays text. */
export function isWebUrl(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
