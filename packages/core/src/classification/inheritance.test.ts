import { describe, expect, it } from 'vitest';
import { type Dependency, detectCycle, formatCycle, wouldCreateCycle } from './dependency-graph.js';
import { computeNeeds, type Deviation, type NeedGraph, recomputeAfterChange, type SystemNeed } from './inheritance.js';
import { BSI_200_2, ISKE } from './methods/index.js';

const cia = (c: string, i: string, a: string) => ({ confidentiality: c, integrity: i, availability: a });

/** A realistic city chain (BSI 200-2 categories): e-service stack in a data centre, traffic OT on the city network. */
const systems: SystemNeed[] = [
  { id: 'portal', name: 'Benefits portal (website)', own: cia('normal', 'high', 'high') },
  { id: 'eservice', name: 'Benefits e-service application', own: cia('high', 'high', 'normal') },
  { id: 'register', name: 'Social benefits register (database)', own: cia('high', 'high', 'normal') },
  { id: 'datacentre', name: 'Town-hall data centre (building)', own: cia('normal', 'normal', 'normal') },
  { id: 'traffic', name: 'Traffic-signal controllers (OT fleet)', own: cia('normal', 'very-high', 'very-high') },
  { id: 'network', name: 'City network', own: cia('normal', 'normal', 'normal') },
];
const dependencies: Dependency[] = [
  { dependent: 'portal', dependsOn: 'eservice' },
  { dependent: 'eservice', dependsOn: 'register' },
  { dependent: 'register', dependsOn: 'datacentre' },
  { dependent: 'eservice', dependsOn: 'network' },
  { dependent: 'traffic', dependsOn: 'network' },
];
const city: NeedGraph = { method: BSI_200_2, systems, dependencies };

describe('inheritance along dependencies (maximum principle)', () => {
  it('passes needs from dependents to what they depend on, with where each level came from', () => {
    const { needs } = computeNeeds(city);
    const levels = (id: string) => needs.get(id)?.levels;
    expect(levels('eservice')).toEqual(cia('high', 'high', 'high'));
    expect(levels('register')).toEqual(cia('high', 'high', 'high'));
    expect(levels('datacentre')).toEqual(cia('high', 'high', 'high'));
    expect(levels('network')).toEqual(cia('high', 'very-high', 'very-high'));
    expect(needs.get('datacentre')?.securityLevel).toBe('high');
    expect(needs.get('network')?.securityLevel).toBe('very-high');

    const dc = needs.get('datacentre')?.provenance;
    // Availability started at the portal and came down the chain.
    expect(dc?.availability).toMatchObject({ source: 'inherited', from: 'register', origin: 'portal', own: 'normal' });
    expect(needs.get('eservice')?.provenance.availability).toMatchObject({ source: 'inherited', from: 'portal', origin: 'portal' });
    // Own need equal to the inherited one: the system's own rating explains it.
    expect(needs.get('register')?.provenance.confidentiality).toMatchObject({ source: 'own', level: 'high' });
    expect(needs.get('network')?.provenance.integrity).toMatchObject({ source: 'inherited', from: 'traffic', origin: 'traffic' });
    expect(needs.get('network')?.provenance.confidentiality).toMatchObject({ source: 'inherited', from: 'eservice', origin: 'eservice' });
    expect(needs.get('portal')?.provenance.confidentiality).toEqual({ level: 'normal', source: 'own', own: 'normal', maximum: 'normal' });
  });

  it('leaves unclassified systems unset unless something depending on them has a need', () => {
    const graph: NeedGraph = {
      method: ISKE,
      systems: [
        { id: 'app', own: { availability: '2', integrity: '1', confidentiality: '1' } },
        { id: 'server', own: {} },
        { id: 'spare', own: { availability: '1' } },
      ],
      dependencies: [{ dependent: 'app', dependsOn: 'server' }],
    };
    const { needs } = computeNeeds(graph);
    expect(needs.get('server')?.levels).toEqual({ availability: '2', integrity: '1', confidentiality: '1' });
    expect(needs.get('server')?.securityLevel).toBe('M');
    expect(needs.get('spare')?.levels).toEqual({ availability: '1', integrity: undefined, confidentiality: undefined });
    expect(needs.get('spare')?.securityLevel).toBeUndefined();
    expect(needs.get('spare')?.provenance.integrity?.source).toBe('unset');
  });

  it('refuses unknown systems, duplicates and levels the method does not have', () => {
    expect(() => computeNeeds({ ...city, dependencies: [{ dependent: 'portal', dependsOn: 'mainframe' }] })).toThrow(
      expect.objectContaining({ code: 'unknown-system' }),
    );
    expect(() => computeNeeds({ ...city, systems: [...systems, { id: 'portal', own: {} }] })).toThrow(
      expect.objectContaining({ code: 'duplicate-system' }),
    );
    expect(() => computeNeeds({ ...city, systems: [{ id: 'x', own: { availability: '3' } }], dependencies: [] })).toThrow(
      expect.objectContaining({ code: 'unknown-level', details: ['system "x": availability has no level "3"'] }),
    );
    expect(() => computeNeeds({ ...city, systems: [{ id: 'x', own: { privacy: 'high' } }], dependencies: [] })).toThrow(
      expect.objectContaining({ code: 'unknown-dimension' }),
    );
  });
});

describe('cycles', () => {
  const cyclic: Dependency[] = [...dependencies, { dependent: 'datacentre', dependsOn: 'portal' }];

  it('are refused with one cycle path', () => {
    expect(detectCycle(dependencies)).toBeUndefined();
    expect(detectCycle(cyclic)).toEqual(['portal', 'eservice', 'register', 'datacentre', 'portal']);
    let error: unknown;
    try {
      computeNeeds({ ...city, dependencies: cyclic });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'dependency-cycle', cycle: ['portal', 'eservice', 'register', 'datacentre', 'portal'] });
    expect((error as Error).message).toBe('Dependencies form a cycle: portal → eservice → register → datacentre → portal.');
  });

  it('can be checked before a dependency is saved, including a system depending on itself', () => {
    expect(wouldCreateCycle(dependencies, { dependent: 'network', dependsOn: 'traffic' })).toEqual(['network', 'traffic', 'network']);
    expect(wouldCreateCycle(dependencies, { dependent: 'datacentre', dependsOn: 'eservice' })).toEqual([
      'datacentre',
      'eservice',
      'register',
      'datacentre',
    ]);
    expect(wouldCreateCycle(dependencies, { dependent: 'network', dependsOn: 'network' })).toEqual(['network', 'network']);
    expect(wouldCreateCycle(dependencies, { dependent: 'portal', dependsOn: 'datacentre' })).toBeUndefined();
    expect(detectCycle([{ dependent: 'a', dependsOn: 'a' }])).toEqual(['a', 'a']);
  });

  it('are found in long chains without overflowing the stack', () => {
    const chain: Dependency[] = Array.from({ length: 20_000 }, (_, i) => ({ dependent: `s${i}`, dependsOn: `s${i + 1}` }));
    expect(detectCycle(chain)).toBeUndefined();
    const cycle = detectCycle([...chain, { dependent: 's20000', dependsOn: 's0' }]);
    expect(cycle?.length).toBe(20_002);
    expect(formatCycle(cycle?.slice(0, 3) ?? [])).toBe('s0 → s1 → s2');
  });
});

describe('cumulation and distribution', () => {
  const deviate = (...deviations: Deviation[]) => computeNeeds({ ...city, deviations }).needs;

  it('distribution lowers one step below the maximum and the lower need flows on', () => {
    const needs = deviate({
      systemId: 'register',
      dimension: 'availability',
      kind: 'distribution',
      justification: 'Replicated to the second data centre; the portal falls back to the replica.',
    });
    expect(needs.get('register')?.levels.availability).toBe('normal');
    expect(needs.get('register')?.provenance.availability).toMatchObject({
      source: 'distribution',
      maximum: 'high',
      from: 'eservice',
      origin: 'portal',
      deviation: { kind: 'distribution', applied: true },
    });
    expect(needs.get('datacentre')?.levels.availability).toBe('normal');
    expect(needs.get('datacentre')?.provenance.availability).toMatchObject({ source: 'own' });
  });

  it('distribution never goes below the own need', () => {
    const needs = deviate({
      systemId: 'register',
      dimension: 'confidentiality',
      kind: 'distribution',
      justification: 'Pseudonymised extract only.',
    });
    expect(needs.get('register')?.levels.confidentiality).toBe('high');
    expect(needs.get('register')?.provenance.confidentiality).toMatchObject({ source: 'own', deviation: { applied: false } });
    const network = deviate({
      systemId: 'network',
      dimension: 'integrity',
      kind: 'distribution',
      justification: 'Signals fail safe to flashing amber.',
    });
    expect(network.get('network')?.levels.integrity).toBe('high');
  });

  it('cumulation raises one step and stops at the top', () => {
    const needs = deviate(
      { systemId: 'datacentre', dimension: 'confidentiality', kind: 'cumulation', justification: 'Hosts the registers of 12 departments.' },
      { systemId: 'network', dimension: 'availability', kind: 'cumulation', justification: 'Carries all traffic.' },
    );
    expect(needs.get('datacentre')?.levels.confidentiality).toBe('very-high');
    expect(needs.get('datacentre')?.provenance.confidentiality).toMatchObject({
      source: 'cumulation',
      maximum: 'high',
      origin: 'register',
    });
    expect(needs.get('network')?.levels.availability).toBe('very-high');
    expect(needs.get('network')?.provenance.availability?.deviation?.applied).toBe(false);
  });

  it('needs a written justification, and one deviation per system and dimension', () => {
    expect(() => deviate({ systemId: 'register', dimension: 'availability', kind: 'distribution', justification: ' ' })).toThrow(
      expect.objectContaining({
        code: 'deviation-without-justification',
        details: ['distribution of availability for "register" needs a written justification'],
      }),
    );
    const twice: Deviation = { systemId: 'network', dimension: 'integrity', kind: 'cumulation', justification: 'x' };
    expect(() => deviate(twice, { ...twice, kind: 'distribution' })).toThrow(expect.objectContaining({ code: 'duplicate-deviation' }));
    expect(() => deviate({ ...twice, systemId: 'ghost' })).toThrow(expect.objectContaining({ code: 'unknown-system' }));
    const fromJson = JSON.parse('{"systemId":"network","dimension":"integrity","kind":"reduction","justification":"x"}') as Deviation;
    expect(() => deviate(fromJson)).toThrow(expect.objectContaining({ code: 'invalid-deviation' }));
  });
});

describe('recomputing after a change', () => {
  it('lists the systems whose effective need changed, before → after', () => {
    const before = computeNeeds(city);
    const lowered = systems.map((s) => (s.id === 'traffic' ? { ...s, own: cia('normal', 'high', 'high') } : s));
    const { result, changes } = recomputeAfterChange({ ...city, systems: lowered }, 'traffic', before);
    expect(changes).toEqual([
      {
        systemId: 'traffic',
        name: 'Traffic-signal controllers (OT fleet)',
        dimensions: [
          { dimension: 'integrity', before: 'very-high', after: 'high' },
          { dimension: 'availability', before: 'very-high', after: 'high' },
        ],
        securityLevel: { before: 'very-high', after: 'high' },
      },
      {
        systemId: 'network',
        name: 'City network',
        dimensions: [
          { dimension: 'integrity', before: 'very-high', after: 'high' },
          { dimension: 'availability', before: 'very-high', after: 'high' },
        ],
        securityLevel: { before: 'very-high', after: 'high' },
      },
    ]);
    expect(result.needs).toEqual(computeNeeds({ ...city, systems: lowered }).needs);
  });

  it('follows a removed dependency to the systems that lose the inherited need', () => {
    const before = computeNeeds(city);
    const cut = { ...city, dependencies: dependencies.filter((d) => !(d.dependent === 'eservice' && d.dependsOn === 'register')) };
    const { changes } = recomputeAfterChange(cut, 'eservice', before);
    expect(changes.map((c) => [c.systemId, c.dimensions.map((d) => `${d.dimension}:${d.before}→${d.after}`)])).toEqual([
      ['register', ['availability:high→normal']],
      ['datacentre', ['availability:high→normal']],
    ]);
  });

  it('refuses a change that closes a cycle', () => {
    const before = computeNeeds(city);
    const cyclic = { ...city, dependencies: [...dependencies, { dependent: 'network', dependsOn: 'eservice' }] };
    expect(() => recomputeAfterChange(cyclic, 'network', before)).toThrow(
      expect.objectContaining({ code: 'dependency-cycle', cycle: ['eservice', 'network', 'eservice'] }),
    );
  });
});
