import type { ClassificationMethod, MethodLevel } from '../method.js';

/**
 * FIPS 199 security categorisation of an information system: potential impact LOW / MODERATE /
 * HIGH per confidentiality, integrity and availability; the high-water mark selects the SP 800-53B
 * baseline.
 *
 * No "not applicable" level: FIPS 199 allows N/A for confidentiality only for information types
 * (public information); for an information system every objective gets at least LOW. A system
 * that processes only public information is therefore rated LOW for confidentiality here.
 */

const impacts: MethodLevel[] = [
  { key: 'low', name: 'LOW', rank: 0, description: 'Limited adverse effect on operations, assets or individuals.' },
  { key: 'moderate', name: 'MODERATE', rank: 1, description: 'Serious adverse effect on operations, assets or individuals.' },
  { key: 'high', name: 'HIGH', rank: 2, description: 'Severe or catastrophic adverse effect on operations, assets or individuals.' },
];

export const FIPS_199: ClassificationMethod = {
  key: 'fips-199',
  name: 'FIPS 199',
  description:
    'Potential impact LOW, MODERATE or HIGH per confidentiality, integrity and availability; the high-water mark gives the baseline.',
  dimensions: [
    { key: 'confidentiality', name: 'Confidentiality', shortName: 'C', levels: impacts },
    { key: 'integrity', name: 'Integrity', shortName: 'I', levels: impacts },
    { key: 'availability', name: 'Availability', shortName: 'A', levels: impacts },
  ],
  securityLevels: [
    { key: 'low', name: 'LOW', rank: 0 },
    { key: 'moderate', name: 'MODERATE', rank: 1 },
    { key: 'high', name: 'HIGH', rank: 2 },
  ],
  securityLevelRule: { kind: 'max-rank-table', table: { 0: 'low', 1: 'moderate', 2: 'high' } },
  notation: 'level',
};
