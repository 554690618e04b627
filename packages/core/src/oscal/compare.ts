/**
 * Structural comparison of two JSON documents that reports the first difference precisely
 * (JSON pointer, expected and actual value). Used to check resolved catalogs against published
 * reference resolutions; object key order is irrelevant, array order matters.
 */

export interface JsonDifference {
  pointer: string;
  message: string;
  expected: unknown;
  actual: unknown;
}

export interface CompareOptions {
  /** Pointers (exact) or predicates for parts to skip, e.g. generated uuids and timestamps. */
  ignore?: readonly (string | ((pointer: string) => boolean))[];
}

function escapeToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Returns the first difference in document order, or undefined when the values are equal. */
export function findFirstDifference(
  expected: unknown,
  actual: unknown,
  options: CompareOptions = {},
  pointer = '',
): JsonDifference | undefined {
  const ignored = (options.ignore ?? []).some((rule) => (typeof rule === 'string' ? rule === pointer : rule(pointer)));
  if (ignored || expected === actual) return undefined;
  const ke = kind(expected);
  const ka = kind(actual);
  if (ke !== ka) {
    return { pointer, expected, actual, message: `${pointer || '/'}: expected ${ke} ${preview(expected)}, got ${ka} ${preview(actual)}` };
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const n = Math.min(expected.length, actual.length);
    for (let i = 0; i < n; i++) {
      const d = findFirstDifference(expected[i], actual[i], options, `${pointer}/${i}`);
      if (d) return d;
    }
    if (expected.length !== actual.length) {
      const extra = expected.length > actual.length ? `missing ${preview(expected[n])}` : `unexpected ${preview(actual[n])}`;
      return {
        pointer: `${pointer}/${n}`,
        expected: expected[n],
        actual: actual[n],
        message: `${pointer || '/'}: expected ${expected.length} items, got ${actual.length} (${extra})`,
      };
    }
    return undefined;
  }
  if (ke === 'object') {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(e), ...Object.keys(a)])];
    for (const key of keys) {
      const d = findFirstDifference(e[key], a[key], options, `${pointer}/${escapeToken(key)}`);
      if (d) return d;
    }
    return undefined;
  }
  return { pointer, expected, actual, message: `${pointer || '/'}: expected ${preview(expected)}, got ${preview(actual)}` };
}
