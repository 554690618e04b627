import { describe, expect, it } from 'vitest';
import { diffCatalogs } from './diff.js';
import { flattenCatalog } from './flatten.js';

const control = (id: string, title: string, statement: string, extra: Record<string, unknown> = {}) => ({
  id,
  title,
  parts: [{ id: `${id}_smt`, name: 'statement', prose: statement }],
  ...extra,
});

const catalogV1 = {
  uuid: 'u1',
  metadata: { title: 'Test', version: '1' },
  groups: [
    {
      id: 'ac',
      title: 'Access Control',
      controls: [
        control('ac-1', 'Policy', 'Have a policy.', {
          controls: [control('ac-1.1', 'Review', 'Review it every {{ insert: param, ac-1.1_prm_1 }}.')],
        }),
        control('ac-2', 'Accounts', 'Manage accounts.', { props: [{ name: 'label', value: 'AC-2' }] }),
      ],
      groups: [{ id: 'ac-x', title: 'Nested', controls: [control('ac-9', 'Nested control', 'Nested.')] }],
    },
  ],
  controls: [control('top-1', 'Ungrouped', 'At the top.')],
};

describe('catalog flattening', () => {
  it('lists every control in document order with parent, group and depth', () => {
    const rows = flattenCatalog(catalogV1);
    expect(rows.map((r) => r.id)).toEqual(['top-1', 'ac-1', 'ac-1.1', 'ac-2', 'ac-9']);
    expect(rows[2]).toMatchObject({ parentId: 'ac-1', groupId: 'ac', depth: 1 });
    expect(rows[3]?.label).toBe('AC-2');
    expect(rows[4]?.groupTitle).toBe('Nested');
    expect(rows[1]?.body).not.toHaveProperty('controls');
    expect(rows[2]?.searchText).toContain('review it every');
  });
});

describe('catalog diff', () => {
  it('names added, removed and changed controls with the aspects that changed', () => {
    const v2 = structuredClone(catalogV1);
    const ac = v2.groups[0];
    if (!ac) throw new Error('fixture');
    ac.controls[1] = control('ac-2', 'Accounts', 'Manage all accounts.', { props: [{ name: 'label', value: 'AC-2' }] });
    ac.controls.push(control('ac-3', 'Enforcement', 'Enforce access.'));
    v2.controls = [];
    const d = diffCatalogs(flattenCatalog(catalogV1), flattenCatalog(v2));
    expect(d.added).toEqual([{ id: 'ac-3', title: 'Enforcement' }]);
    expect(d.removed).toEqual([{ id: 'top-1', title: 'Ungrouped' }]);
    expect(d.changed).toEqual([{ id: 'ac-2', title: 'Accounts', aspects: ['statement'] }]);
    expect(d.unchanged).toBe(3);
  });
});
