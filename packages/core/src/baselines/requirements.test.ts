import { describe, expect, it } from 'vitest';
import {
  applicableControls,
  complianceShare,
  defaultTierFor,
  diffRequirementList,
  emptyCounts,
  inheritedFrom,
  overdueFrom,
  systemKindsOf,
} from './requirements.js';

const c = (id: string, kinds: string[] = [], withdrawn = false) => ({ id, kinds, withdrawn });

describe('requirement lists', () => {
  it('narrows by system kind only when asked, keeps unrestricted and "all" controls, drops withdrawn ones', () => {
    const controls = [c('a'), c('b', ['ot-iot']), c('c', ['all']), c('d', ['website', 'application']), c('e', [], true)];
    expect(applicableControls(controls, 'website', false).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(applicableControls(controls, 'website', true).map((x) => x.id)).toEqual(['a', 'c', 'd']);
    expect(applicableControls(controls, 'ot-iot', true).map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });

  it('reads system-kind props of our namespace or none, not of others', () => {
    const body = {
      props: [
        { name: 'system-kind', ns: 'https://cityshield.eu/ns/oscal', value: 'website' },
        { name: 'system-kind', value: 'database' },
        { name: 'system-kind', ns: 'https://example.org', value: 'network' },
        { name: 'level', value: 'basic' },
      ],
    };
    expect(systemKindsOf(body)).toEqual(['website', 'database']);
  });

  it('diffs a list so statuses carry over: kept, added, removed (retired), restored', () => {
    const current = new Map([
      ['a', true],
      ['b', true],
      ['c', false],
    ]);
    expect(diffRequirementList(current, ['a', 'c', 'd'])).toEqual({ added: ['d'], removed: ['b'], restored: ['c'], kept: ['a'] });
    expect(diffRequirementList(new Map(), ['x'])).toEqual({ added: ['x'], removed: [], restored: [], kept: [] });
  });

  it('inherits from the component with the most advanced status, stable on ties, never "not applicable"', () => {
    expect(
      inheritedFrom([
        { componentId: 'b', status: 'planned' },
        { componentId: 'c', status: 'implemented' },
        { componentId: 'a', status: 'partially' },
      ]),
    ).toEqual({ componentId: 'c', status: 'implemented' });
    expect(
      inheritedFrom([
        { componentId: 'z', status: 'implemented' },
        { componentId: 'y', status: 'implemented' },
      ])?.componentId,
    ).toBe('y');
    expect(inheritedFrom([{ componentId: 'a', status: 'not-applicable' }])).toBeUndefined();
    expect(inheritedFrom([])).toBeUndefined();
  });

  it('counts compliance without not-applicable, partially as half', () => {
    const counts = { ...emptyCounts(), implemented: 2, partially: 2, 'not-started': 4, 'not-applicable': 10 };
    expect(complianceShare(counts)).toBeCloseTo(3 / 8);
    expect(complianceShare({ ...emptyCounts(), 'not-applicable': 3 })).toBeNull();
  });

  it('counts overdue items strictly before today', () => {
    expect(overdueFrom({ '2026-01-01': 2, '2026-11-24': 3, '2026-11-25': 4, '2027-01-01': 1 }, '2026-11-25')).toBe(5);
  });

  it('spreads a method’s levels over basic, standard and high', () => {
    expect([0, 1, 2].map((i) => defaultTierFor(i, 3))).toEqual(['basic', 'standard', 'high']);
    expect([0, 1, 2, 3].map((i) => defaultTierFor(i, 4))).toEqual(['basic', 'standard', 'standard', 'high']);
    expect([0, 1].map((i) => defaultTierFor(i, 2))).toEqual(['basic', 'high']);
  });
});
