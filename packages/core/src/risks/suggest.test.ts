import { describe, expect, it } from 'vitest';
import { BSI_200_2, FIPS_199, ISKE } from '../classification/index.js';
import { DEFAULT_RISK_MATRIX, type RiskMatrix } from './matrix.js';
import { needsFromLevels, type SystemProfile, suggestScenarios } from './suggest.js';
import { BUILT_IN_THREATS } from './threats.js';

const base: SystemProfile = {
  kind: 'application',
  sector: 'public-administration',
  personalData: ['none'],
  hosting: 'on-premises',
  needs: {},
};
const keys = (p: SystemProfile, exclude: string[] = []) =>
  suggestScenarios(p, DEFAULT_RISK_MATRIX, BUILT_IN_THREATS, new Set(exclude)).map((s) => s.threatKey);

describe('scenario suggestions', () => {
  it('a traffic-control OT fleet with availability H gets manipulation and DDoS, rated high', () => {
    const fleet: SystemProfile = {
      ...base,
      kind: 'ot-iot',
      sector: 'transport',
      ...needsFromLevels(ISKE, { availability: '3', integrity: '3', confidentiality: '1' }, 'H'),
    };
    const out = suggestScenarios(fleet, DEFAULT_RISK_MATRIX);
    const ks = out.map((s) => s.threatKey);
    expect(ks).toContain('ot-manipulation');
    expect(ks).toContain('ddos');
    expect(ks).not.toContain('defacement');
    expect(ks).not.toContain('data-breach');
    const ot = out.find((s) => s.threatKey === 'ot-manipulation');
    expect(ot?.impact).toBe(5);
    expect(ot?.reason).toMatch(/OT\/IoT device fleet; in transport, manipulated devices can endanger people/);
    expect(ot?.mitigations).toContain('cs-ot-7');
    expect(out.find((s) => s.threatKey === 'ddos')?.reason).toContain('Availability need K3');
    // Without the high availability need there is no DDoS scenario for a fleet off the internet.
    const calm = { ...fleet, ...needsFromLevels(ISKE, { availability: '1', integrity: '2', confidentiality: '0' }, 'M') };
    expect(keys(calm)).not.toContain('ddos');
    expect(keys(calm)).toContain('ot-manipulation');
  });

  it('a website gets defacement, DDoS and the internet threats, not OT manipulation', () => {
    const site: SystemProfile = { ...base, kind: 'website', hosting: 'supplier', supplier: 'WebHost Ltd' };
    const ks = keys(site);
    expect(ks).toEqual(expect.arrayContaining(['defacement', 'ddos', 'vulnerability-exploitation', 'citizen-scam', 'supplier-compromise']));
    expect(ks).not.toContain('ot-manipulation');
    expect(ks).not.toContain('data-breach');
    const supplier = suggestScenarios(site, DEFAULT_RISK_MATRIX).find((s) => s.threatKey === 'supplier-compromise');
    expect(supplier?.reason).toBe('Run by a supplier (WebHost Ltd)');
    // Threats already covered by the system's scenarios are left out.
    expect(keys(site, ['defacement', 'ddos'])).not.toContain('defacement');
  });

  it('special-category personal data brings a data breach at the highest impact', () => {
    const care: SystemProfile = { ...base, sector: 'social-services', personalData: ['personal', 'special-categories'] };
    const out = suggestScenarios(care, DEFAULT_RISK_MATRIX);
    const breach = out.find((s) => s.threatKey === 'data-breach');
    expect(breach).toMatchObject({ impact: 5, likelihood: 3, score: 15, rating: 'high' });
    expect(breach?.reason).toMatch(/special categories/);
    expect(out.map((s) => s.threatKey)).toEqual(expect.arrayContaining(['insider-misuse', 'credential-theft', 'phishing']));
    // Sorted by score, highest first.
    const scores = out.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('hosting decides supplier and site-loss scenarios', () => {
    const needs = needsFromLevels(FIPS_199, { confidentiality: 'moderate', integrity: 'moderate', availability: 'high' }, 'high');
    expect(keys({ ...base, hosting: 'cloud', ...needs })).toEqual(expect.arrayContaining(['supplier-compromise', 'site-loss']));
    expect(
      suggestScenarios({ ...base, hosting: 'cloud', ...needs }, DEFAULT_RISK_MATRIX).find((s) => s.threatKey === 'site-loss')?.reason,
    ).toMatch(/one cloud region/);
    expect(keys({ ...base, hosting: 'on-premises', ...needs })).not.toContain('supplier-compromise');
    expect(keys({ ...base, hosting: 'on-premises', ...needs })).toContain('ransomware');
    const low = needsFromLevels(FIPS_199, { confidentiality: 'low', integrity: 'low', availability: 'low' }, 'low');
    expect(keys({ ...base, hosting: 'on-premises', ...low })).not.toContain('site-loss');
  });

  it('maps suggestions onto a smaller matrix', () => {
    const three: RiskMatrix = {
      likelihood: [{ label: 'Low' }, { label: 'Medium' }, { label: 'High' }],
      impact: [{ label: 'Low' }, { label: 'Medium' }, { label: 'High' }],
      bands: [
        { key: 'low', label: 'Low', minScore: 1 },
        { key: 'high', label: 'High', minScore: 4 },
      ],
    };
    const out = suggestScenarios({ ...base, personalData: ['special-categories'] }, three);
    for (const s of out) {
      expect(s.likelihood).toBeGreaterThanOrEqual(1);
      expect(s.likelihood).toBeLessThanOrEqual(3);
      expect(s.impact).toBeLessThanOrEqual(3);
    }
    expect(out.find((s) => s.threatKey === 'data-breach')).toMatchObject({ impact: 3, likelihood: 2, rating: 'high' });
  });

  it("suggests an organisation's own threat for the kinds and sectors it names", () => {
    const drones = {
      key: 'drone-intrusion',
      name: 'Drone intrusion',
      description: '',
      dimensions: ['availability'] as const,
      kinds: ['building'],
      sectors: ['energy'],
      mitigations: [],
    };
    const catalogue = [...BUILT_IN_THREATS, drones];
    const plant: SystemProfile = { ...base, kind: 'building', sector: 'energy' };
    const hit = suggestScenarios(plant, DEFAULT_RISK_MATRIX, catalogue).find((s) => s.threatKey === 'drone-intrusion');
    expect(hit?.reason).toBe("Your organisation's threat for building systems in energy");
    expect(suggestScenarios({ ...plant, sector: 'water' }, DEFAULT_RISK_MATRIX, catalogue).map((s) => s.threatKey)).not.toContain(
      'drone-intrusion',
    );
  });

  it('normalises levels of any method to 0..1 with the level names', () => {
    expect(needsFromLevels(ISKE, { availability: '3', integrity: '0', confidentiality: '2' }, 'H')).toEqual({
      needs: { availability: 1, integrity: 0, confidentiality: 2 / 3 },
      needLabels: { availability: 'K3', integrity: 'T0', confidentiality: 'S2' },
      level: 1,
    });
    const bsi = needsFromLevels(BSI_200_2, { confidentiality: 'high' }, undefined);
    expect(bsi.needs).toEqual({ confidentiality: 0.5 });
    expect(bsi.level).toBeNull();
  });
});
