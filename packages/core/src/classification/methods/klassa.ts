import type { ClassificationMethod, MethodLevel } from '../method.js';

/**
 * KLASSA-style classification as Swedish municipalities use it (SKR KLASSA, after MSB's model):
 * confidentiality, integrity, availability and traceability, each on the damage scale below.
 * Level keys are the level names, not numbers, because the numbering differs between KLASSA
 * versions; ranks here only order the scale. "Extremely serious" concerns national security and
 * lies outside the requirement catalogues.
 */

const damage: MethodLevel[] = [
  { key: 'negligible', name: 'Negligible', rank: 0 },
  { key: 'moderate', name: 'Moderate', rank: 1 },
  { key: 'significant', name: 'Significant', rank: 2 },
  { key: 'serious', name: 'Serious', rank: 3 },
  { key: 'extremely-serious', name: 'Extremely serious', rank: 4, description: 'National security; outside the requirement catalogues.' },
];

export const KLASSA: ClassificationMethod = {
  key: 'klassa',
  name: 'KLASSA-style (SKR / MSB)',
  description:
    'Confidentiality, integrity, availability and traceability rated from negligible to extremely serious; the highest level across the aspects applies.',
  dimensions: [
    { key: 'confidentiality', name: 'Confidentiality', shortName: 'C', levels: damage },
    { key: 'integrity', name: 'Integrity', shortName: 'I', levels: damage },
    { key: 'availability', name: 'Availability', shortName: 'A', levels: damage },
    { key: 'traceability', name: 'Traceability', shortName: 'T', levels: damage },
  ],
  // Same names as the aspect levels: the highest aspect level is the system's level.
  securityLevels: damage.map(({ key, name, rank }) => ({ key, name, rank })),
  securityLevelRule: {
    kind: 'max-rank-table',
    table: { 0: 'negligible', 1: 'moderate', 2: 'significant', 3: 'serious', 4: 'extremely-serious' },
  },
  notation: 'level',
};
