import { describe, expect, it } from 'vitest';
import type { Alter, Control, Modify, SetParameter } from './model.js';
import { resolveProfile } from './resolve-profile.js';
import { findControl, memoryLoader, testCatalog, testProfile } from './unit-fixtures.js';
import { validateOscal } from './validate.js';

async function modified(modify: Modify, withIds = ['a-1', 'a-1.1', 'b-2']) {
  const source = testCatalog();
  const before = JSON.stringify(source);
  const profile = testProfile([{ href: 'cat.json', 'include-controls': [{ 'with-ids': withIds }] }], { merge: { 'as-is': true }, modify });
  const loader = memoryLoader({ 'cat.json': source });
  const result = await resolveProfile(profile, (href, ctx) =>
    href === 'cat.json' ? { document: source, location: href } : loader(href, ctx),
  );
  // The source catalog (which a caller may cache) is never modified.
  expect(JSON.stringify(source)).toBe(before);
  return result;
}

function a1(catalog: { groups?: { controls?: Control[] }[] }): Control {
  const c = catalog.groups?.[0]?.controls?.[0];
  if (!c) throw new Error('a-1 missing');
  return c;
}

async function alter(...alters: Alter[]) {
  return modified({ alters });
}

describe('modify: set-parameters', () => {
  const set = (...sets: SetParameter[]) => modified({ 'set-parameters': sets });

  it('replaces label, and values replace a select (they are alternatives)', async () => {
    const { document } = await set({ 'param-id': 'a-1_prm_2', label: 'reporting', values: ['monthly'] });
    expect(a1(document.catalog).params?.[1]).toEqual({ id: 'a-1_prm_2', label: 'reporting', values: ['monthly'] });
  });

  it('a select replaces values; class, usage and depends-on are replaced', async () => {
    const { document } = await set(
      { 'param-id': 'a-1_prm_1', values: ['yearly'] },
      { 'param-id': 'a-1_prm_1', class: 'odp', usage: 'how often', select: { 'how-many': 'one-or-more', choice: ['a', 'b'] } },
    );
    const p = a1(document.catalog).params?.[0];
    expect(p?.values).toBeUndefined();
    expect(p).toMatchObject({ class: 'odp', usage: 'how often', select: { 'how-many': 'one-or-more', choice: ['a', 'b'] } });
  });

  it('appends props, links, constraints and guidelines; a prop with a known uuid replaces it', async () => {
    const uuid = '44444444-4444-4444-8444-444444444444';
    const { document } = await set(
      { 'param-id': 'a-1_prm_1', props: [{ name: 'status', value: 'draft', uuid }], guidelines: [{ prose: 'at least yearly' }] },
      {
        'param-id': 'a-1_prm_1',
        props: [{ name: 'status', value: 'final', uuid }],
        constraints: [{ description: '<= 365 days' }],
        links: [{ href: '#x' }],
      },
    );
    expect(a1(document.catalog).params?.[0]).toEqual({
      id: 'a-1_prm_1',
      label: 'frequency',
      guidelines: [{ prose: 'how often' }, { prose: 'at least yearly' }],
      props: [{ name: 'status', value: 'final', uuid }],
      constraints: [{ description: '<= 365 days' }],
      links: [{ href: '#x' }],
    });
  });

  it('sets loose parameters too, and warns about unknown parameters', async () => {
    const { document, warnings } = await set({ 'param-id': 'loose-1', values: ['v'] }, { 'param-id': 'nope', values: ['v'] });
    expect(document.catalog.params).toEqual([{ id: 'loose-1', label: 'loose, used by b-2', values: ['v'] }]);
    expect(warnings.map((w) => w.code)).toEqual(['unmatched-set-parameter']);
  });
});

describe('modify: alters — adds', () => {
  it('starting and ending on the control itself put props before / after the existing ones', async () => {
    const { document } = await alter({
      'control-id': 'a-1',
      adds: [
        { position: 'starting', props: [{ name: 'priority', value: 'P1' }] },
        { position: 'ending', props: [{ name: 'status', value: 'new' }], parts: [{ name: 'note', prose: 'added' }] },
        { props: [{ name: 'default-position', value: 'ending' }] },
      ],
    });
    const c = a1(document.catalog);
    expect(c.props?.map((p) => p.name)).toEqual(['priority', 'label', 'status', 'default-position']);
    expect(c.parts?.map((p) => p.name)).toEqual(['statement', 'guidance', 'note']);
  });

  it('before/after without by-id (or by-id = the control) mean starting/ending; title replaces the title', async () => {
    const { document } = await alter({
      'control-id': 'a-1',
      adds: [
        { position: 'before', 'by-id': 'a-1', params: [{ id: 'new-first' }] },
        { position: 'after', title: 'Renamed', links: [{ href: '#z', rel: 'related' }] },
      ],
    });
    const c = a1(document.catalog);
    expect(c.title).toBe('Renamed');
    expect(c.params?.map((p) => p.id)).toEqual(['new-first', 'a-1_prm_1', 'a-1_prm_2']);
    expect(c.links).toEqual([{ href: '#z', rel: 'related' }]);
  });

  it('by-id before/after a part inserts siblings; other content goes to the parent', async () => {
    const { document } = await alter({
      'control-id': 'a-1',
      adds: [
        { position: 'before', 'by-id': 'a-1_smt.b', parts: [{ id: 'a-1_smt.a2', name: 'item', prose: 'Inserted before b.' }] },
        {
          position: 'after',
          'by-id': 'a-1_smt.b',
          parts: [{ id: 'a-1_smt.c', name: 'item', prose: 'New last item.' }],
          props: [{ name: 'p', value: 'v' }],
        },
      ],
    });
    const statement = a1(document.catalog).parts?.[0];
    expect(statement?.parts?.map((p) => p.id)).toEqual(['a-1_smt.a', 'a-1_smt.a2', 'a-1_smt.b', 'a-1_smt.c']);
    expect(statement?.props).toEqual([{ name: 'p', value: 'v' }]);
  });

  it('by-id starting/ending adds inside the targeted part or parameter', async () => {
    const { document } = await alter({
      'control-id': 'a-1',
      adds: [
        { position: 'starting', 'by-id': 'a-1_smt', parts: [{ name: 'item', prose: 'Now first.' }] },
        { position: 'ending', 'by-id': 'a-1_smt.a', props: [{ name: 'tag', value: 't' }] },
        { position: 'after', 'by-id': 'a-1_prm_1', params: [{ id: 'a-1_prm_1b', label: 'next' }] },
        { position: 'ending', 'by-id': 'a-1_prm_2', props: [{ name: 'odp', value: 'yes' }] },
      ],
    });
    const c = a1(document.catalog);
    expect(c.parts?.[0]?.parts?.map((p) => p.prose)).toEqual(['Now first.', 'First item.', 'Second item.']);
    expect(c.parts?.[0]?.parts?.[1]?.props).toEqual([
      { name: 'label', value: 'a.' },
      { name: 'tag', value: 't' },
    ]);
    expect(c.params?.map((p) => p.id)).toEqual(['a-1_prm_1', 'a-1_prm_1b', 'a-1_prm_2']);
    expect(c.params?.[2]?.props).toEqual([{ name: 'odp', value: 'yes' }]);
  });

  it('an alter on the parent can add into a child control (by-id), and the child can be altered directly', async () => {
    const { document } = await alter(
      { 'control-id': 'a-1', adds: [{ position: 'starting', 'by-id': 'a-1.1', props: [{ name: 'via', value: 'parent' }] }] },
      { 'control-id': 'a-1.1', adds: [{ position: 'ending', props: [{ name: 'via', value: 'self' }] }] },
    );
    expect(findControl(document.catalog, 'a-1.1')?.props).toEqual([
      { name: 'via', value: 'parent' },
      { name: 'label', value: 'A-1.1' },
      { name: 'via', value: 'self' },
    ]);
  });

  it('warns about alters of absent controls and adds whose by-id matches nothing', async () => {
    const { warnings } = await alter(
      { 'control-id': 'a-2', adds: [{ props: [{ name: 'x', value: 'y' }] }] },
      { 'control-id': 'a-1', adds: [{ 'by-id': 'ghost', position: 'after', props: [{ name: 'x', value: 'y' }] }] },
    );
    expect(warnings.map((w) => w.code)).toEqual(['unmatched-alter', 'inoperative-add']);
  });
});

describe('modify: alters — removes', () => {
  const remove = async (...removes: Alter['removes'] & object) => a1((await alter({ 'control-id': 'a-1', removes })).document.catalog);

  it('by-name removes parts and props with that name at any depth, not in child controls', async () => {
    const c = await remove({ 'by-name': 'label' });
    expect(c.props).toBeUndefined(); // emptied lists disappear (OSCAL arrays have minItems 1)
    expect(c.parts?.[0]?.parts?.[0]?.props).toBeUndefined();
    expect(c.controls?.[0]?.props).toEqual([{ name: 'label', value: 'A-1.1' }]);
  });

  it('by-class, by-id and by-item-name', async () => {
    expect((await remove({ 'by-class': 'informative' })).parts?.map((p) => p.id)).toEqual(['a-1_smt']);
    expect((await remove({ 'by-id': 'a-1_smt.a' })).parts?.[0]?.parts?.map((p) => p.id)).toEqual(['a-1_smt.b']);
    const noParams = await remove({ 'by-item-name': 'param' });
    expect(noParams.params).toBeUndefined();
    expect(noParams.parts).toHaveLength(2);
  });

  it('by-ns matches namespaced props; several criteria must all match', async () => {
    const c = await remove({ 'by-ns': 'https://example.org/ns' });
    expect(c.parts?.[0]?.parts?.[1]?.props).toEqual([{ name: 'label', value: 'b.' }]);
    const both = await remove({ 'by-name': 'label', 'by-item-name': 'part' });
    expect(both.props).toHaveLength(1);
  });

  it('removes apply before adds, so remove + add replaces content', async () => {
    const { document } = await alter(
      { 'control-id': 'a-1', adds: [{ position: 'ending', parts: [{ id: 'a-1_gdn', name: 'guidance', prose: 'City guidance.' }] }] },
      { 'control-id': 'a-1', removes: [{ 'by-id': 'a-1_gdn' }] },
    );
    expect(a1(document.catalog).parts?.map((p) => p.prose)).toContain('City guidance.');
    expect(a1(document.catalog).parts).toHaveLength(2);
    expect(validateOscal(document).errors).toEqual([]);
  });
});
