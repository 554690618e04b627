import { ClassificationError } from './errors.js';
import type { ClassificationMethod, MethodDimension, MethodLevel, SecurityLevel, SecurityLevelRule } from './method.js';

/**
 * Checks an organisation's own method (JSON from the UI or a file) before it is stored. Plain
 * checks rather than a schema library: core has no zod, and the messages must speak the product's
 * words ("ranks must ascend", "rank 3 has no security level") to an officer, not JSON-pointer jargon.
 * All problems are collected so that one round trip fixes them all.
 */

export interface MethodIssue {
  /** Where in the JSON, e.g. `dimensions[1].levels[2].rank`. */
  path: string;
  message: string;
}

export type MethodValidation = { ok: true; method: ClassificationMethod } | { ok: false; errors: MethodIssue[] };

type Json = Record<string, unknown>;

/** Machine keys end up in URLs, notations and database rows: keep them simple. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

class Checker {
  readonly errors: MethodIssue[] = [];

  fail(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  object(value: unknown, path: string, allowed: readonly string[]): Json | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path || '(root)', 'must be an object');
      return undefined;
    }
    // Unknown properties are reported because they are nearly always typos ("descripton") that
    // would otherwise silently drop the intended value.
    for (const name of Object.keys(value)) if (!allowed.includes(name)) this.fail(join(path, name), 'is not a known property');
    return value as Json;
  }

  text(obj: Json, name: string, path: string, opts: { key?: boolean; optional?: boolean } = {}): string | undefined {
    const value = obj[name];
    const at = join(path, name);
    if (value === undefined && opts.optional) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(at, 'must be a non-empty text');
      return undefined;
    }
    if (opts.key && !KEY.test(value)) this.fail(at, `"${value}" may contain only letters, digits, ".", "_" and "-"`);
    return value;
  }

  array(obj: Json, name: string, path: string): unknown[] | undefined {
    const value = obj[name];
    if (!Array.isArray(value) || value.length === 0) {
      this.fail(join(path, name), 'must be a non-empty list');
      return undefined;
    }
    return value;
  }
}

function join(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

/** Levels and security levels share the shape {key, name, rank}: unique keys, ascending ranks. */
function rankedList(c: Checker, items: unknown[], path: string, what: string): MethodLevel[] {
  const out: MethodLevel[] = [];
  const seen = new Set<string>();
  let previous: number | undefined;
  items.forEach((item, i) => {
    const at = `${path}[${i}]`;
    const obj = c.object(item, at, ['key', 'name', 'rank', 'description']);
    if (!obj) return;
    const key = c.text(obj, 'key', at, { key: true });
    const name = c.text(obj, 'name', at);
    const description = c.text(obj, 'description', at, { optional: true });
    const rank = obj.rank;
    if (typeof rank !== 'number' || !Number.isInteger(rank) || rank < 0) {
      c.fail(`${at}.rank`, 'must be a whole number ≥ 0');
    } else {
      if (previous !== undefined && rank <= previous)
        c.fail(`${at}.rank`, `ranks must ascend along the list (${rank} follows ${previous})`);
      previous = rank;
    }
    if (key !== undefined) {
      if (seen.has(key)) c.fail(`${at}.key`, `duplicate ${what} key "${key}"`);
      seen.add(key);
    }
    if (key !== undefined && name !== undefined && typeof rank === 'number') {
      out.push({ key, name, rank, ...(description !== undefined ? { description } : {}) });
    }
  });
  return out;
}

function dimensionsOf(c: Checker, items: unknown[]): MethodDimension[] {
  const out: MethodDimension[] = [];
  const keys = new Set<string>();
  const shortNames = new Set<string>();
  items.forEach((item, i) => {
    const at = `dimensions[${i}]`;
    const obj = c.object(item, at, ['key', 'name', 'shortName', 'description', 'levels']);
    if (!obj) return;
    const key = c.text(obj, 'key', at, { key: true });
    const name = c.text(obj, 'name', at);
    const shortName = c.text(obj, 'shortName', at);
    const description = c.text(obj, 'description', at, { optional: true });
    const rawLevels = c.array(obj, 'levels', at);
    const levels = rawLevels ? rankedList(c, rawLevels, `${at}.levels`, 'level') : [];
    if (key !== undefined) {
      if (keys.has(key)) c.fail(`${at}.key`, `duplicate dimension key "${key}"`);
      keys.add(key);
    }
    if (shortName !== undefined) {
      // The notation (K2T2S1) would be ambiguous with two equal short names.
      if (shortNames.has(shortName)) c.fail(`${at}.shortName`, `duplicate short name "${shortName}"`);
      shortNames.add(shortName);
    }
    if (key !== undefined && name !== undefined && shortName !== undefined) {
      out.push({ key, name, shortName, levels, ...(description !== undefined ? { description } : {}) });
    }
  });
  return out;
}

function ruleOf(c: Checker, value: unknown, dimensions: MethodDimension[], securityLevels: SecurityLevel[]): SecurityLevelRule | undefined {
  const at = 'securityLevelRule';
  const obj = c.object(value, at, ['kind', 'table', 'dimensions']);
  if (!obj) return undefined;
  if (obj.kind !== 'max-rank-table') {
    c.fail(`${at}.kind`, `unknown rule kind ${JSON.stringify(obj.kind)} (supported: "max-rank-table")`);
    return undefined;
  }
  let used = dimensions;
  let ruleDims: string[] | undefined;
  if (obj.dimensions !== undefined) {
    const list = c.array(obj, 'dimensions', at) ?? [];
    ruleDims = [];
    list.forEach((d, i) => {
      if (typeof d !== 'string' || !dimensions.some((x) => x.key === d))
        c.fail(`${at}.dimensions[${i}]`, `unknown dimension ${JSON.stringify(d)}`);
      else if (ruleDims?.includes(d)) c.fail(`${at}.dimensions[${i}]`, `dimension "${d}" listed twice`);
      else ruleDims?.push(d);
    });
    used = dimensions.filter((d) => ruleDims?.includes(d.key));
  }
  const table = c.object(obj.table, `${at}.table`, Object.keys(typeof obj.table === 'object' && obj.table !== null ? obj.table : {}));
  if (!table) return undefined;
  const out: Record<string, string> = {};
  const ranks = new Set(used.flatMap((d) => d.levels.map((l) => l.rank)));
  for (const [rankText, target] of Object.entries(table)) {
    const where = `${at}.table.${rankText}`;
    if (!/^(0|[1-9]\d*)$/.test(rankText)) c.fail(where, 'table keys must be ranks (whole numbers)');
    else if (!ranks.has(Number(rankText))) c.fail(where, `rank ${rankText} is not a level of any rated dimension`);
    if (typeof target !== 'string' || !securityLevels.some((s) => s.key === target)) {
      c.fail(where, `unknown security level ${JSON.stringify(target)}`);
    } else out[rankText] = target;
  }
  const sorted = [...ranks].sort((a, b) => a - b);
  for (const rank of sorted) {
    const owners = used.filter((d) => d.levels.some((l) => l.rank === rank)).map((d) => d.key);
    if (!(String(rank) in table)) c.fail(`${at}.table`, `rank ${rank} (used by ${owners.join(', ')}) has no security level`);
  }
  // A higher rating must never give a lower overall level, or raising a need could lower the baseline.
  let previous: SecurityLevel | undefined;
  for (const rank of sorted) {
    const current = securityLevels.find((s) => s.key === out[String(rank)]);
    if (!current) continue;
    if (previous && current.rank < previous.rank) {
      c.fail(`${at}.table.${rank}`, `maps to ${current.key}, lower than ${previous.key} for a lower rank`);
    }
    previous = current;
  }
  return { kind: 'max-rank-table', table: out, ...(ruleDims ? { dimensions: ruleDims } : {}) };
}

export function validateMethod(json: unknown): MethodValidation {
  const c = new Checker();
  const obj = c.object(json, '', ['key', 'name', 'description', 'dimensions', 'securityLevels', 'securityLevelRule', 'notation']);
  if (!obj) return { ok: false, errors: c.errors };
  const key = c.text(obj, 'key', '', { key: true });
  const name = c.text(obj, 'name', '');
  const description = typeof obj.description === 'string' ? obj.description : undefined;
  if (description === undefined) c.fail('description', 'must be a text');
  const rawDims = c.array(obj, 'dimensions', '');
  const dimensions = rawDims ? dimensionsOf(c, rawDims) : [];
  const rawLevels = c.array(obj, 'securityLevels', '');
  const securityLevels = rawLevels ? rankedList(c, rawLevels, 'securityLevels', 'security level') : [];
  const rule = ruleOf(c, obj.securityLevelRule, dimensions, securityLevels);
  const notation = obj.notation;
  if (notation !== undefined && notation !== 'rank' && notation !== 'level') c.fail('notation', 'must be "rank" or "level"');
  if (c.errors.length > 0 || key === undefined || name === undefined || description === undefined || !rule) {
    return { ok: false, errors: c.errors };
  }
  const method: ClassificationMethod = {
    key,
    name,
    description,
    dimensions,
    securityLevels,
    securityLevelRule: rule,
    ...(notation === 'rank' || notation === 'level' ? { notation } : {}),
  };
  return { ok: true, method };
}

/** validateMethod for code paths that cannot continue with a broken method. */
export function assertValidMethod(json: unknown): ClassificationMethod {
  const result = validateMethod(json);
  if (result.ok) return result.method;
  const details = result.errors.map((e) => `${e.path}: ${e.message}`);
  throw new ClassificationError('invalid-method', `The classification method is invalid: ${details[0] ?? ''}`, details);
}
