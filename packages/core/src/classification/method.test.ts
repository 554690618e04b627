import { describe, expect, it } from 'vitest';
import { ClassificationError } from './errors.js';
import { type ClassificationMethod, notationOf, parseNotation, securityLevelOf } from './method.js';
import { BSI_200_2, BUILT_IN_METHODS, builtInMethod, FIPS_199, ISKE, KLASSA } from './methods/index.js';
import { assertValidMethod, validateMethod } from './validate-method.js';

const iske = (k?: number, t?: number, s?: number) => ({
  availability: k === undefined ? undefined : String(k),
  integrity: t === undefined ? undefined : String(t),
  confidentiality: s === undefined ? undefined : String(s),
});

describe('ISKE security level (STANDARDS §1 examples)', () => {
  it.each([
    ['K2T2S2', iske(2, 2, 2), 'M'],
    ['K1T2S2', iske(1, 2, 2), 'M'],
    ['K3T0S0', iske(3, 0, 0), 'H'],
    ['K1T1S0', iske(1, 1, 0), 'L'],
    ['K0T0S0', iske(0, 0, 0), 'L'],
  ])('%s → %s', (notation, levels, expected) => {
    expect(securityLevelOf(ISKE, levels)?.key).toBe(expected);
    expect(notationOf(ISKE, levels)).toBe(notation);
    expect(parseNotation(ISKE, notation)).toEqual(levels);
  });

  it('is undefined while a sub-class is unset', () => {
    expect(securityLevelOf(ISKE, {})).toBeUndefined();
    expect(securityLevelOf(ISKE, iske(3, 3))).toBeUndefined();
    expect(notationOf(ISKE, iske(3, 3))).toBe('K3T3S?');
  });

  it('refuses notations that do not fit', () => {
    expect(() => parseNotation(ISKE, 'K4T0S0')).toThrow(/no level 4/);
    expect(() => parseNotation(ISKE, 'T1K1S1')).toThrow(ClassificationError);
    expect(() => parseNotation(BSI_200_2, 'C1I1A1')).toThrow(/rank notation/);
  });
});

describe('BSI, FIPS and KLASSA mappings', () => {
  it('BSI 200-2: the maximum category applies', () => {
    const levels = { confidentiality: 'normal', integrity: 'high', availability: 'normal' };
    expect(securityLevelOf(BSI_200_2, levels)?.key).toBe('high');
    expect(securityLevelOf(BSI_200_2, { ...levels, availability: 'very-high' })?.key).toBe('very-high');
    expect(securityLevelOf(BSI_200_2, { confidentiality: 'normal', integrity: 'normal', availability: 'normal' })?.key).toBe('normal');
    expect(notationOf(BSI_200_2, levels)).toBe('C:normal I:high A:normal');
  });

  it('FIPS 199: high-water mark', () => {
    expect(securityLevelOf(FIPS_199, { confidentiality: 'moderate', integrity: 'low', availability: 'low' })?.name).toBe('MODERATE');
    expect(securityLevelOf(FIPS_199, { confidentiality: 'low', integrity: 'low', availability: 'high' })?.name).toBe('HIGH');
    expect(securityLevelOf(FIPS_199, { confidentiality: 'low', integrity: 'low', availability: 'low' })?.name).toBe('LOW');
  });

  it('KLASSA: the highest level across the four aspects, stored by name', () => {
    const levels = { confidentiality: 'moderate', integrity: 'negligible', availability: 'significant', traceability: 'serious' };
    expect(securityLevelOf(KLASSA, levels)?.key).toBe('serious');
    expect(securityLevelOf(KLASSA, { ...levels, traceability: undefined })).toBeUndefined();
    expect(notationOf(KLASSA, levels)).toBe('C:moderate I:negligible A:significant T:serious');
    expect(KLASSA.dimensions[0]?.levels.map((l) => l.key)).toEqual([
      'negligible',
      'moderate',
      'significant',
      'serious',
      'extremely-serious',
    ]);
  });

  it('refuses level keys a dimension does not have', () => {
    expect(() => securityLevelOf(ISKE, iske(4, 0, 0))).toThrow(/no level "4"/);
  });

  it('every built-in method passes its own validator', () => {
    for (const method of BUILT_IN_METHODS) expect(validateMethod(JSON.parse(JSON.stringify(method)))).toEqual({ ok: true, method });
    expect(builtInMethod('iske')).toBe(ISKE);
    expect(builtInMethod('nope')).toBeUndefined();
  });
});

describe('custom methods as JSON', () => {
  const custom = (): Record<string, unknown> => ({
    key: 'city-3x3',
    name: 'Our city model',
    description: 'Three dimensions, three levels each.',
    dimensions: ['confidentiality', 'integrity', 'availability'].map((key) => ({
      key,
      name: key,
      shortName: key.charAt(0).toUpperCase(),
      levels: [
        { key: 'low', name: 'Low', rank: 0 },
        { key: 'mid', name: 'Middle', rank: 1 },
        { key: 'top', name: 'Top', rank: 2 },
      ],
    })),
    securityLevels: [
      { key: 'basic', name: 'Basic', rank: 0 },
      { key: 'raised', name: 'Raised', rank: 1 },
    ],
    securityLevelRule: { kind: 'max-rank-table', table: { 0: 'basic', 1: 'basic', 2: 'raised' } },
    notation: 'rank',
  });

  it('accepts a well-formed method and uses it', () => {
    const result = validateMethod(custom());
    expect(result.ok).toBe(true);
    const method = assertValidMethod(custom());
    expect(securityLevelOf(method, { confidentiality: 'mid', integrity: 'low', availability: 'top' })?.key).toBe('raised');
    expect(notationOf(method, { confidentiality: 'mid', integrity: 'low', availability: 'top' })).toBe('C1I0A2');
  });

  const errorsOf = (json: unknown) => {
    const result = validateMethod(json);
    if (result.ok) throw new Error('expected errors');
    return result.errors.map((e) => `${e.path}: ${e.message}`);
  };
  const dims = (m: Record<string, unknown>) => m.dimensions as Array<Record<string, unknown>>;

  it('reports duplicate keys', () => {
    const m = custom();
    const d1 = dims(m)[1];
    if (d1) d1.key = 'confidentiality';
    (dims(m)[0]?.levels as Array<Record<string, unknown>>)[1] = { key: 'low', name: 'Again', rank: 1 };
    expect(errorsOf(m)).toEqual(
      expect.arrayContaining([
        'dimensions[0].levels[1].key: duplicate level key "low"',
        'dimensions[1].key: duplicate dimension key "confidentiality"',
      ]),
    );
  });

  it('reports ranks that do not ascend', () => {
    const m = custom();
    (dims(m)[2]?.levels as Array<Record<string, unknown>>)[2] = { key: 'top', name: 'Top', rank: 1 };
    expect(errorsOf(m)).toContain('dimensions[2].levels[2].rank: ranks must ascend along the list (1 follows 1)');
  });

  it('reports a mapping table that misses a rank, names unknown levels, or lowers the level', () => {
    const m = custom();
    m.securityLevelRule = { kind: 'max-rank-table', table: { 0: 'raised', 1: 'basic', 5: 'basic', x: 'nope' } };
    const errors = errorsOf(m);
    expect(errors).toContain('securityLevelRule.table: rank 2 (used by confidentiality, integrity, availability) has no security level');
    expect(errors).toContain('securityLevelRule.table.5: rank 5 is not a level of any rated dimension');
    expect(errors).toContain('securityLevelRule.table.x: unknown security level "nope"');
    expect(errors).toContain('securityLevelRule.table.1: maps to basic, lower than raised for a lower rank');
  });

  it('reports unknown dimensions in the rule, unknown rule kinds and unknown properties', () => {
    const m = custom();
    m.securityLevelRule = {
      kind: 'max-rank-table',
      table: { 0: 'basic', 1: 'basic', 2: 'raised' },
      dimensions: ['confidentiality', 'privacy'],
    };
    m.descripton = 'typo';
    expect(errorsOf(m)).toEqual(['descripton: is not a known property', 'securityLevelRule.dimensions[1]: unknown dimension "privacy"']);
    m.securityLevelRule = { kind: 'average' };
    expect(errorsOf(m)).toContain('securityLevelRule.kind: unknown rule kind "average" (supported: "max-rank-table")');
  });

  it('reports missing and malformed fields without throwing', () => {
    expect(errorsOf(null)).toEqual(['(root): must be an object']);
    const errors = errorsOf({ key: 'bad key', dimensions: [], securityLevels: [{ key: 'a', name: 'A', rank: -1 }], securityLevelRule: {} });
    expect(errors).toEqual(
      expect.arrayContaining([
        'key: "bad key" may contain only letters, digits, ".", "_" and "-"',
        'name: must be a non-empty text',
        'description: must be a text',
        'dimensions: must be a non-empty list',
        'securityLevels[0].rank: must be a whole number ≥ 0',
      ]),
    );
    expect(() => assertValidMethod({})).toThrow(expect.objectContaining({ code: 'invalid-method' }));
  });

  it('keeps only the rule dimensions when a rule limits them', () => {
    const m = custom();
    m.securityLevelRule = { kind: 'max-rank-table', table: { 0: 'basic', 1: 'basic', 2: 'raised' }, dimensions: ['integrity'] };
    const method: ClassificationMethod = assertValidMethod(m);
    expect(securityLevelOf(method, { integrity: 'low', confidentiality: 'top', availability: undefined })?.key).toBe('basic');
  });
});
