import { describe, expect, it } from 'vitest';
import { CITY_BASELINE_GROUPS } from '../city-baseline/index.js';
import { BUILT_IN_THREATS, builtInThreat, RISK_DIMENSIONS, THREAT_SYSTEM_KINDS, validateThreat } from './threats.js';

const controlIds = new Set(CITY_BASELINE_GROUPS.flatMap((g) => g.requirements.map((r) => `${g.id}-${r.n}`)));
const SECTORS = [
  'transport',
  'energy',
  'water',
  'health',
  'social-services',
  'education',
  'public-administration',
  'finance',
  'public-safety',
  'smart-city',
];

describe('threat catalogue', () => {
  it('ships the threats cities meet most, with unique keys', () => {
    const keys = BUILT_IN_THREATS.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of [
      'phishing',
      'credential-theft',
      'data-breach',
      'ransomware',
      'ddos',
      'defacement',
      'ot-manipulation',
      'insider-misuse',
      'supplier-compromise',
      'site-loss',
    ])
      expect(keys).toContain(k);
  });

  it('refers only to requirements that exist in the City Baseline catalog', () => {
    expect(controlIds.size).toBeGreaterThan(100);
    for (const t of BUILT_IN_THREATS) {
      expect(t.mitigations.length, t.key).toBeGreaterThanOrEqual(3);
      for (const id of t.mitigations) expect(controlIds.has(id), `${t.key} → ${id}`).toBe(true);
      expect(new Set(t.mitigations).size, t.key).toBe(t.mitigations.length);
    }
  });

  it('describes each threat in plain language with dimensions, kinds and sectors from the vocabularies', () => {
    for (const t of BUILT_IN_THREATS) {
      expect(t.name.length).toBeGreaterThan(3);
      expect(t.description.length, t.key).toBeGreaterThan(60);
      expect(t.dimensions.length).toBeGreaterThan(0);
      for (const d of t.dimensions) expect(RISK_DIMENSIONS).toContain(d);
      for (const k of t.kinds) expect(THREAT_SYSTEM_KINDS).toContain(k);
      for (const s of t.sectors) expect(SECTORS).toContain(s);
      expect(validateThreat({ ...t, key: `own-${t.key}` }, (id) => controlIds.has(id))).toEqual([]);
    }
    expect(builtInThreat('ot-manipulation')?.sectors).toContain('transport');
    expect(builtInThreat('ddos')?.dimensions).toEqual(['availability']);
  });

  it("validates an organisation's own threat", () => {
    const base = {
      key: 'drone-intrusion',
      name: 'Drone intrusion',
      description: '',
      dimensions: ['availability'] as const,
      kinds: [],
      sectors: [],
      mitigations: [],
    };
    expect(validateThreat(base)).toEqual([]);
    expect(validateThreat({ ...base, key: 'phishing' }).map((p) => p.path)).toEqual(['key']);
    expect(validateThreat({ ...base, key: 'Bad Key' }).map((p) => p.path)).toEqual(['key']);
    expect(validateThreat({ ...base, dimensions: [] }).map((p) => p.path)).toEqual(['dimensions']);
    expect(validateThreat({ ...base, kinds: ['spaceship'] }).map((p) => p.path)).toEqual(['kinds']);
    expect(validateThreat({ ...base, mitigations: ['cs-iam-1', 'xx-1'] }, (id) => controlIds.has(id))).toEqual([
      { path: 'mitigations', message: 'unknown control "xx-1"' },
    ]);
  });
});
