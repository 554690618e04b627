/**
 * Test support: small hand-written OSCAL documents and an in-memory loader for the unit tests of
 * profile resolution. Not part of the public API (not exported from index.ts).
 */
import { OscalError } from './errors.js';
import type { BackMatter, Catalog, CatalogDocument, Control, Group, Import, Merge, Metadata, Modify, ProfileDocument } from './model.js';
import type { LoadedDocument, LoaderContext, OscalLoader } from './resolve-profile.js';

export const RES_CITED = '11111111-1111-4111-8111-111111111111';
export const RES_UNUSED = '22222222-2222-4222-8222-222222222222';
export const RES_KEEP = '33333333-3333-4333-8333-333333333333';

export function meta(title: string, oscalVersion = '1.1.2'): Metadata {
  return { title, 'last-modified': '2024-01-01T00:00:00Z', version: '1', 'oscal-version': oscalVersion };
}

function ctl(id: string, extra: Partial<Control> = {}): Control {
  return { id, title: `Control ${id}`, props: [{ name: 'label', value: id.toUpperCase() }], ...extra };
}

/**
 * Catalog used by most unit tests:
 *   g1: a-1 (a-1.1 (a-1.1.1), a-1.2), a-2, a-10
 *   g2 (loose param g2-p): g2a: b-1, b-2
 *   top level: z-1
 * a-1 has a parameter, a statement with items and a guidance part citing RES_CITED.
 */
export function testCatalog(): CatalogDocument {
  const a1: Control = ctl('a-1', {
    class: 'base',
    params: [
      { id: 'a-1_prm_1', label: 'frequency', guidelines: [{ prose: 'how often' }] },
      { id: 'a-1_prm_2', select: { 'how-many': 'one', choice: ['daily', 'weekly'] } },
    ],
    parts: [
      {
        id: 'a-1_smt',
        name: 'statement',
        prose: 'Review {{ insert: param, a-1_prm_1 }}; report {{ insert: param, a-1_prm_2 }}.',
        parts: [
          { id: 'a-1_smt.a', name: 'item', props: [{ name: 'label', value: 'a.' }], prose: 'First item.' },
          {
            id: 'a-1_smt.b',
            name: 'item',
            props: [
              { name: 'label', value: 'b.' },
              { name: 'tag', ns: 'https://example.org/ns', value: 'x' },
            ],
            prose: 'Second item.',
          },
        ],
      },
      { id: 'a-1_gdn', name: 'guidance', class: 'informative', prose: `See [the policy](#${RES_CITED}).` },
    ],
    controls: [
      ctl('a-1.1', { class: 'enhancement', controls: [ctl('a-1.1.1', { class: 'enhancement' })] }),
      ctl('a-1.2', { class: 'enhancement' }),
    ],
  });
  const g1: Group = { id: 'g1', title: 'Group 1', props: [{ name: 'label', value: 'G1' }], controls: [a1, ctl('a-2'), ctl('a-10')] };
  const g2: Group = {
    id: 'g2',
    title: 'Group 2',
    params: [{ id: 'g2-p', label: 'group-level parameter' }],
    groups: [
      {
        id: 'g2a',
        title: 'Group 2a',
        controls: [ctl('b-1'), ctl('b-2', { parts: [{ name: 'statement', prose: 'Uses {{ insert: param, loose-1 }}.' }] })],
      },
    ],
  };
  const backMatter: BackMatter = {
    resources: [
      { uuid: RES_CITED, title: 'Policy' },
      { uuid: RES_UNUSED, title: 'Unused' },
      { uuid: RES_KEEP, title: 'Always', props: [{ name: 'keep', value: 'always' }] },
    ],
  };
  const catalog: Catalog = {
    uuid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    metadata: meta('Test catalog'),
    params: [
      { id: 'loose-1', label: 'loose, used by b-2' },
      { id: 'loose-2', label: 'loose, unused' },
    ],
    controls: [ctl('z-1')],
    groups: [g1, g2],
    'back-matter': backMatter,
  };
  return { catalog };
}

let counter = 0;

export function testProfile(
  imports: Import[],
  extra: { merge?: Merge; modify?: Modify; backMatter?: BackMatter; uuid?: string; oscalVersion?: string } = {},
): ProfileDocument {
  counter += 1;
  const uuid = extra.uuid ?? `bbbbbbbb-bbbb-4bbb-8bbb-${String(counter).padStart(12, '0')}`;
  return {
    profile: {
      uuid,
      metadata: meta('Test profile', extra.oscalVersion),
      imports,
      ...(extra.merge ? { merge: extra.merge } : {}),
      ...(extra.modify ? { modify: extra.modify } : {}),
      ...(extra.backMatter ? { 'back-matter': extra.backMatter } : {}),
    },
  };
}

/** A loader over named in-memory documents; `#uuid` hrefs follow the importer's resource rlinks. */
export function memoryLoader(docs: Record<string, unknown>): OscalLoader & { calls: string[] } {
  const calls: string[] = [];
  const loader = (href: string, ctx: LoaderContext): LoadedDocument => {
    calls.push(href);
    let name = href;
    if (href.startsWith('#')) {
      const resource = ctx.importer.profile['back-matter']?.resources?.find((r) => r.uuid === href.slice(1));
      name = resource?.rlinks?.[0]?.href ?? href;
    }
    if (!(name in docs)) throw new OscalError('unresolvable-href', `no test document "${name}"`, { href });
    return { document: structuredClone(docs[name]), location: name };
  };
  return Object.assign(loader, { calls });
}

/** Ids of all controls in document order, nested ones included. */
export function controlIds(catalog: Catalog): string[] {
  const out: string[] = [];
  const walk = (controls: Control[] | undefined) => {
    for (const c of controls ?? []) {
      out.push(c.id);
      walk(c.controls);
    }
  };
  const walkGroups = (groups: Group[] | undefined) => {
    for (const g of groups ?? []) {
      walk(g.controls);
      walkGroups(g.groups);
    }
  };
  walk(catalog.controls);
  walkGroups(catalog.groups);
  return out;
}

/** The structure of a catalog as nested ids: groups as `{ group: [...] }`, controls as `id` or `{ id: [...] }`. */
export type Shape = string | { [id: string]: Shape[] };

export function shapeOf(catalog: Catalog): Shape[] {
  const controls = (list: Control[] | undefined): Shape[] =>
    (list ?? []).map((c) => (c.controls && c.controls.length > 0 ? { [c.id]: controls(c.controls) } : c.id));
  const groups = (list: Group[] | undefined): Shape[] =>
    (list ?? []).map((g) => ({ [`group:${g.id ?? g.title}`]: [...controls(g.controls), ...groups(g.groups)] }));
  return [...controls(catalog.controls), ...groups(catalog.groups)];
}

export function findControl(catalog: Catalog, id: string): Control | undefined {
  let found: Control | undefined;
  const walk = (controls: Control[] | undefined) => {
    for (const c of controls ?? []) {
      if (c.id === id && found === undefined) found = c;
      walk(c.controls);
    }
  };
  const walkGroups = (groups: Group[] | undefined) => {
    for (const g of groups ?? []) {
      walk(g.controls);
      walkGroups(g.groups);
    }
  };
  walk(catalog.controls);
  walkGroups(catalog.groups);
  return found;
}
