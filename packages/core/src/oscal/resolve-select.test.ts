import { describe, expect, it } from 'vitest';
import type { Import, Merge } from './model.js';
import { resolveProfile } from './resolve-profile.js';
import { controlIds, memoryLoader, shapeOf, testCatalog, testProfile } from './unit-fixtures.js';

async function resolve(imp: Omit<Import, 'href'>, merge?: Merge) {
  const profile = testProfile([{ href: 'cat.json', ...imp }], merge ? { merge } : {});
  return resolveProfile(profile, memoryLoader({ 'cat.json': testCatalog() }));
}

async function ids(imp: Omit<Import, 'href'>) {
  return controlIds((await resolve(imp, { 'as-is': true })).document.catalog);
}

describe('import: selecting controls', () => {
  it('include-all selects every control, nested ones included', async () => {
    expect(await ids({ 'include-all': {} })).toEqual(['z-1', 'a-1', 'a-1.1', 'a-1.1.1', 'a-1.2', 'a-2', 'a-10', 'b-1', 'b-2']);
  });

  it('an import without include means include-all, also with only exclusions', async () => {
    expect(await ids({})).toHaveLength(9);
    expect(await ids({ 'exclude-controls': [{ 'with-ids': ['a-2'] }] })).not.toContain('a-2');
  });

  it('with-ids selects the named controls and, like NIST, the parents of named enhancements', async () => {
    expect(await ids({ 'include-controls': [{ 'with-ids': ['a-2', 'a-1.1'] }] })).toEqual(['a-1', 'a-1.1', 'a-2']);
  });

  it('with-child-controls: yes brings all descendants, no (the default) none', async () => {
    expect(await ids({ 'include-controls': [{ 'with-ids': ['a-1'], 'with-child-controls': 'yes' }] })).toEqual([
      'a-1',
      'a-1.1',
      'a-1.1.1',
      'a-1.2',
    ]);
    expect(await ids({ 'include-controls': [{ 'with-ids': ['a-1'], 'with-child-controls': 'no' }] })).toEqual(['a-1']);
    expect(await ids({ 'include-controls': [{ 'with-ids': ['a-1'] }] })).toEqual(['a-1']);
  });

  it('matching uses anchored globs: * any run, ? one character, everything else literal', async () => {
    expect(await ids({ 'include-controls': [{ matching: [{ pattern: 'b-?' }] }] })).toEqual(['b-1', 'b-2']);
    expect(await ids({ 'include-controls': [{ matching: [{ pattern: 'a-1*' }] }] })).toEqual(['a-1', 'a-1.1', 'a-1.1.1', 'a-1.2', 'a-10']);
    // "." is literal: a-1.? matches the enhancements, not a-10; their parent a-1 comes along.
    expect(await ids({ 'include-controls': [{ matching: [{ pattern: 'a-1.?' }] }] })).toEqual(['a-1', 'a-1.1', 'a-1.2']);
    expect(await ids({ 'include-controls': [{ matching: [{ pattern: 'a' }] }] })).toEqual([]);
    expect(await ids({ 'include-controls': [{ matching: [{}] }] })).toEqual([]);
  });

  it('exclusion wins over inclusion, by id and by pattern, with children if asked', async () => {
    expect(await ids({ 'include-all': {}, 'exclude-controls': [{ matching: [{ pattern: '*.1*' }] }] })).toEqual([
      'z-1',
      'a-1',
      'a-1.2',
      'a-2',
      'a-10',
      'b-1',
      'b-2',
    ]);
    expect(
      await ids({
        'include-controls': [{ matching: [{ pattern: 'a-*' }] }],
        'exclude-controls': [{ 'with-ids': ['a-1'], 'with-child-controls': 'yes' }],
      }),
    ).toEqual(['a-2', 'a-10']);
  });

  it('excluding an enhancement keeps its base control; excluding a base lifts its selected enhancements', async () => {
    expect(
      await ids({
        'include-controls': [{ 'with-ids': ['a-1'], 'with-child-controls': 'yes' }],
        'exclude-controls': [{ 'with-ids': ['a-1.2'] }],
      }),
    ).toEqual(['a-1', 'a-1.1', 'a-1.1.1']);
    const result = await resolve({ 'include-all': {}, 'exclude-controls': [{ 'with-ids': ['a-1'] }] }, { 'as-is': true });
    expect(shapeOf(result.document.catalog)).toEqual([
      'z-1',
      { 'group:g1': [{ 'a-1.1': ['a-1.1.1'] }, 'a-1.2', 'a-2', 'a-10'] },
      { 'group:g2': [{ 'group:g2a': ['b-1', 'b-2'] }] },
    ]);
  });

  it('warns about named ids the catalog does not have', async () => {
    const { warnings } = await resolve({ 'include-controls': [{ 'with-ids': ['a-2', 'nope-9'] }] });
    expect(warnings.map((w) => w.code)).toEqual(['unmatched-selection']);
    expect(warnings[0]?.message).toContain('"nope-9"');
  });
});

describe('merge: structure', () => {
  const some: Omit<Import, 'href'> = { 'include-controls': [{ 'with-ids': ['a-1.1', 'b-2', 'z-1'] }] };

  it('as-is keeps groups (with their content) and nesting, and drops groups left empty', async () => {
    const { document } = await resolve(some, { 'as-is': true });
    const catalog = document.catalog;
    expect(shapeOf(catalog)).toEqual(['z-1', { 'group:g1': [{ 'a-1': ['a-1.1'] }] }, { 'group:g2': [{ 'group:g2a': ['b-2'] }] }]);
    expect(catalog.groups?.[0]?.props).toEqual([{ name: 'label', value: 'G1' }]);
    // The group-level parameter is "loose" and nothing inserts it: pruned. loose-1 is inserted by b-2.
    expect(catalog.groups?.[1]?.params).toBeUndefined();
    expect(catalog.params?.map((p) => p.id)).toEqual(['loose-1']);
    const only = await resolve({ 'include-controls': [{ 'with-ids': ['a-2'] }] }, { 'as-is': true });
    expect(shapeOf(only.document.catalog)).toEqual([{ 'group:g1': ['a-2'] }]);
    expect(only.document.catalog.params).toBeUndefined();
  });

  it('flat (explicit or by default) lists controls without groups, parents before their enhancements', async () => {
    for (const merge of [{ flat: {} }, undefined, {}]) {
      const { document } = await resolve({ 'include-all': {} }, merge);
      expect(shapeOf(document.catalog)).toEqual(['z-1', 'a-1', 'a-1.1', 'a-1.1.1', 'a-1.2', 'a-2', 'a-10', 'b-1', 'b-2']);
      expect(document.catalog.groups).toBeUndefined();
    }
  });

  it('custom builds the profile’s groups, inserting selected controls in the order asked for', async () => {
    const merge: Merge = {
      custom: {
        'insert-controls': [{ 'include-controls': [{ 'with-ids': ['z-1'] }] }],
        groups: [
          {
            id: 'new-1',
            title: 'Everything a, descending',
            props: [{ name: 'label', value: 'N1' }],
            'insert-controls': [{ order: 'descending', 'include-controls': [{ matching: [{ pattern: 'a-?' }, { pattern: 'a-10' }] }] }],
            groups: [
              {
                id: 'new-1a',
                title: 'Sub',
                'insert-controls': [{ order: 'ascending', 'include-controls': [{ 'with-ids': ['b-2', 'b-1'] }] }],
              },
            ],
          },
          { title: 'Empty but declared', 'insert-controls': [{ 'include-controls': [{ 'with-ids': ['none'] }] }] },
        ],
      },
    };
    const { document, warnings } = await resolve({ 'include-all': {} }, merge);
    expect(shapeOf(document.catalog)).toEqual([
      'z-1',
      { 'group:new-1': ['a-2', 'a-10', 'a-1', { 'group:new-1a': ['b-1', 'b-2'] }] },
      { 'group:Empty but declared': [] },
    ]);
    expect(document.catalog.groups?.[0]?.props).toEqual([{ name: 'label', value: 'N1' }]);
    // a-1's enhancements were imported but placed nowhere: dropped, with a warning.
    expect(warnings.map((w) => w.code).sort()).toEqual(['unmatched-selection', 'unused-control']);
    expect(warnings.find((w) => w.code === 'unused-control')?.message).toContain('a-1.1, a-1.1.1, a-1.2');
  });

  it('custom insert-controls with with-child-controls keeps the selected enhancements nested', async () => {
    const merge: Merge = {
      custom: {
        groups: [{ title: 'G', 'insert-controls': [{ 'include-controls': [{ 'with-ids': ['a-1'], 'with-child-controls': 'yes' }] }] }],
      },
    };
    const { document } = await resolve({ 'include-controls': [{ 'with-ids': ['a-1', 'a-1.2'] }] }, merge);
    expect(shapeOf(document.catalog)).toEqual([{ 'group:G': [{ 'a-1': ['a-1.2'] }] }]);
  });

  it('more than one structuring directive is an error', async () => {
    await expect(resolve({ 'include-all': {} }, { 'as-is': true, flat: {} })).rejects.toMatchObject({ code: 'invalid-profile' });
  });
});

describe('merge: combine', () => {
  const twice = (method?: 'keep' | 'use-first' | 'merge') => {
    const profile = testProfile(
      [
        { href: 'cat.json', 'include-controls': [{ 'with-ids': ['a-1', 'a-2'] }] },
        { href: 'cat2.json', 'include-controls': [{ 'with-ids': ['a-1', 'a-1.2', 'b-1'] }] },
      ],
      { merge: { 'as-is': true, ...(method ? { combine: { method } } : {}) } },
    );
    const second = testCatalog();
    const a1 = second.catalog.groups?.[0]?.controls?.[0];
    if (a1)
      a1.props = [
        { name: 'label', value: 'A-1' },
        { name: 'status', value: 'second copy' },
      ];
    return resolveProfile(profile, memoryLoader({ 'cat.json': testCatalog(), 'cat2.json': second }));
  };

  it('keep (the default) keeps clashing copies and warns', async () => {
    const { document, warnings } = await twice();
    expect(shapeOf(document.catalog)).toEqual([
      { 'group:g1': ['a-1', 'a-2', { 'a-1': ['a-1.2'] }] },
      { 'group:g2': [{ 'group:g2a': ['b-1'] }] },
    ]);
    expect(warnings.map((w) => w.code)).toEqual(['duplicate-control']);
  });

  it('use-first keeps the first copy; enhancements only the later copy had move under it', async () => {
    const { document } = await twice('use-first');
    expect(shapeOf(document.catalog)).toEqual([{ 'group:g1': [{ 'a-1': ['a-1.2'] }, 'a-2'] }, { 'group:g2': [{ 'group:g2a': ['b-1'] }] }]);
    expect(document.catalog.groups?.[0]?.controls?.[0]?.props).toEqual([{ name: 'label', value: 'A-1' }]);
  });

  it('merge (deprecated) folds later copies into the first without duplicate content', async () => {
    const { document, warnings } = await twice('merge');
    expect(document.catalog.groups?.[0]?.controls?.[0]?.props).toEqual([
      { name: 'label', value: 'A-1' },
      { name: 'status', value: 'second copy' },
    ]);
    expect(warnings.map((w) => w.code)).toEqual(['duplicate-control', 'merge-deprecated']);
  });
});
