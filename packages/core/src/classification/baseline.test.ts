import { describe, expect, it } from 'vitest';
import {
  checkLevelProfiles,
  fipsBaseline,
  type RequirementDescriptor,
  selectBsiRequirements,
  selectCumulative,
  selectIskeMeasures,
  selectKlassaRequirements,
} from './baseline.js';
import { FIPS_199, ISKE } from './methods/index.js';

const ids = (list: readonly RequirementDescriptor[]) => list.map((r) => r.id);

describe('ISKE measures (cumulative)', () => {
  const measures: RequirementDescriptor[] = [
    { id: 'L-backup', level: 'L' },
    { id: 'M-logging', level: 'M' },
    { id: 'H-cluster', level: 'H', dimensions: ['availability'] },
    { id: 'H-encryption', level: 'H', dimensions: ['confidentiality'] },
    { id: 'H-governance', level: 'H' },
    { id: 'untagged' },
  ];
  const at = (securityLevel: string | undefined, levels: Record<string, string> = {}) =>
    ids(selectIskeMeasures(measures, { securityLevel, levels }));

  it('L for L, L+M for M, L+M+H for H', () => {
    expect(at('L')).toEqual(['L-backup']);
    expect(at('M')).toEqual(['L-backup', 'M-logging']);
    expect(at('H', { availability: '3', integrity: '1', confidentiality: '3' })).toEqual([
      'L-backup',
      'M-logging',
      'H-cluster',
      'H-encryption',
      'H-governance',
    ]);
  });

  it('selects H measures only for the sub-classes rated 3 (switchable)', () => {
    const k3 = { availability: '3', integrity: '2', confidentiality: '1' };
    expect(at('H', k3)).toEqual(['L-backup', 'M-logging', 'H-cluster', 'H-governance']);
    expect(ids(selectIskeMeasures(measures, { securityLevel: 'H', levels: k3 }, { highPerDimension: false }))).toContain('H-encryption');
  });

  it('selects nothing for an unclassified system and refuses unknown tiers', () => {
    expect(at(undefined)).toEqual([]);
    expect(() => selectCumulative(measures, ['L', 'M', 'H'], 'X')).toThrow(expect.objectContaining({ code: 'unknown-security-level' }));
  });
});

describe('BSI Basis / Standard / Kern', () => {
  const reqs: RequirementDescriptor[] = [
    { id: 'APP.1.A1', level: 'B' },
    { id: 'APP.1.A2', level: 'S' },
    { id: 'APP.1.A3', level: 'H' },
  ];

  it('Basis: B only', () => {
    expect(selectBsiRequirements(reqs, { approach: 'basis', protectionNeed: 'very-high' })).toEqual({
      requirements: [reqs[0]],
      riskAnalysisRequired: false,
    });
  });

  it('Standard: B+S for normal need, plus H and a risk analysis for high or very high need', () => {
    expect(ids(selectBsiRequirements(reqs, { approach: 'standard', protectionNeed: 'normal' }).requirements)).toEqual([
      'APP.1.A1',
      'APP.1.A2',
    ]);
    const high = selectBsiRequirements(reqs, { approach: 'standard', protectionNeed: 'high' });
    expect(ids(high.requirements)).toEqual(['APP.1.A1', 'APP.1.A2', 'APP.1.A3']);
    expect(high.riskAnalysisRequired).toBe(true);
    const viaAnalysis = selectBsiRequirements(reqs, { approach: 'standard', protectionNeed: 'very-high', elevated: 'risk-analysis' });
    expect(ids(viaAnalysis.requirements)).toEqual(['APP.1.A1', 'APP.1.A2']);
    expect(viaAnalysis.riskAnalysisRequired).toBe(true);
  });

  it('Kern: B+S+H for the core, nothing outside it', () => {
    expect(ids(selectBsiRequirements(reqs, { approach: 'kern', protectionNeed: 'high', core: true }).requirements)).toEqual([
      'APP.1.A1',
      'APP.1.A2',
      'APP.1.A3',
    ]);
    expect(selectBsiRequirements(reqs, { approach: 'kern', protectionNeed: 'high' }).requirements).toEqual([]);
    expect(() => selectBsiRequirements(reqs, { approach: 'basis', protectionNeed: 'L' })).toThrow(/not a BSI protection-need category/);
  });
});

describe('KLASSA action plan', () => {
  const reqs: RequirementDescriptor[] = [
    { id: 'base', thresholds: {} },
    { id: 'conf-significant', thresholds: { confidentiality: 'significant' } },
    { id: 'avail-or-integrity', thresholds: { availability: 3, integrity: 'serious' } },
    { id: 'trace-moderate', thresholds: { traceability: 'moderate' } },
    { id: 'gdpr-register', legalBases: ['gdpr'] },
    { id: 'health-serious', thresholds: { confidentiality: 'serious' }, legalBases: ['health-data-law'] },
  ];
  const levels = { confidentiality: 'significant', integrity: 'serious', availability: 'moderate', traceability: 'negligible' };

  it('applies a requirement when any tagged aspect reaches its threshold', () => {
    expect(ids(selectKlassaRequirements(reqs, levels))).toEqual(['base', 'conf-significant', 'avail-or-integrity']);
  });

  it('adds requirements for the legal bases that apply', () => {
    expect(ids(selectKlassaRequirements(reqs, levels, { legalBases: ['gdpr', 'health-data-law'] }))).toEqual([
      'base',
      'conf-significant',
      'avail-or-integrity',
      'gdpr-register',
      'health-serious',
    ]);
  });

  it('never applies thresholds to unset aspects and refuses unknown aspects or levels', () => {
    expect(ids(selectKlassaRequirements(reqs, {}))).toEqual(['base']);
    expect(() => selectKlassaRequirements([{ id: 'x', thresholds: { privacy: 1 } }], levels)).toThrow(/unknown aspect "privacy"/);
    expect(() => selectKlassaRequirements([{ id: 'x', thresholds: { integrity: 'severe' } }], levels)).toThrow(/no level "severe"/);
  });
});

describe('FIPS 199 baselines and level-to-profile mappings', () => {
  it('maps the high-water mark to the SP 800-53B baseline', () => {
    expect(fipsBaseline('low')).toBe('LOW');
    expect(fipsBaseline('moderate')).toBe('MODERATE');
    expect(fipsBaseline('high')).toBe('HIGH');
    expect(fipsBaseline(undefined)).toBeUndefined();
    expect(() => fipsBaseline('H')).toThrow(expect.objectContaining({ code: 'unknown-security-level' }));
  });

  it('reports security levels without a profile', () => {
    expect(checkLevelProfiles(FIPS_199, { low: 'nist-low', moderate: 'nist-moderate', high: 'nist-high' })).toEqual([]);
    expect(checkLevelProfiles(ISKE, { L: 'city-basic', M: 'city-standard', X: 'city-high' })).toEqual([
      'security level "H" has no profile',
      '"X" is not a security level of iske',
    ]);
  });
});
