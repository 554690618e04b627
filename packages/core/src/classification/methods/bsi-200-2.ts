import type { ClassificationMethod, MethodLevel } from '../method.js';

/**
 * BSI IT-Grundschutz, Standard 200-2: protection-need categories normal / high / very high per
 * confidentiality, integrity and availability. The object's overall category is the maximum.
 */

const categories: MethodLevel[] = [
  { key: 'normal', name: 'Normal', rank: 0, description: 'The impact of damage is limited and calculable.' },
  { key: 'high', name: 'High', rank: 1, description: 'The impact of damage may be considerable.' },
  { key: 'very-high', name: 'Very high', rank: 2, description: 'The impact of damage may be existentially threatening or catastrophic.' },
];

export const BSI_200_2: ClassificationMethod = {
  key: 'bsi-200-2',
  name: 'BSI IT-Grundschutz (Standard 200-2)',
  description:
    'Protection need per confidentiality, integrity and availability as normal, high or very high; the maximum category applies.',
  dimensions: [
    { key: 'confidentiality', name: 'Confidentiality', shortName: 'C', levels: categories },
    { key: 'integrity', name: 'Integrity', shortName: 'I', levels: categories },
    { key: 'availability', name: 'Availability', shortName: 'A', levels: categories },
  ],
  securityLevels: [
    { key: 'normal', name: 'Normal', rank: 0 },
    { key: 'high', name: 'High', rank: 1 },
    { key: 'very-high', name: 'Very high', rank: 2 },
  ],
  securityLevelRule: { kind: 'max-rank-table', table: { 0: 'normal', 1: 'high', 2: 'very-high' } },
  notation: 'level',
};
