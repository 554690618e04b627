import type { ClassificationMethod, MethodLevel } from '../method.js';

/**
 * ISKE, the Estonian three-level baseline system (2003–2022), still the model Estonian cities cite.
 * Sub-classes K (käideldavus, availability), T (terviklus, integrity), S (konfidentsiaalsus,
 * confidentiality), each 0–3, written K2T2S1 in that order. Security level m = max(K, T, S):
 * 0 and 1 → L, 2 → M, 3 → H.
 */

const classes = (letter: string): MethodLevel[] => [0, 1, 2, 3].map((rank) => ({ key: String(rank), name: `${letter}${rank}`, rank }));

export const ISKE: ClassificationMethod = {
  key: 'iske',
  name: 'ISKE',
  description:
    'Estonian three-level baseline system: availability (K), integrity (T) and confidentiality (S) each rated 0–3; the highest class decides the security level L, M or H.',
  dimensions: [
    { key: 'availability', name: 'Availability', shortName: 'K', levels: classes('K') },
    { key: 'integrity', name: 'Integrity', shortName: 'T', levels: classes('T') },
    { key: 'confidentiality', name: 'Confidentiality', shortName: 'S', levels: classes('S') },
  ],
  securityLevels: [
    { key: 'L', name: 'Low (L)', rank: 0 },
    { key: 'M', name: 'Medium (M)', rank: 1 },
    { key: 'H', name: 'High (H)', rank: 2 },
  ],
  securityLevelRule: { kind: 'max-rank-table', table: { 0: 'L', 1: 'L', 2: 'M', 3: 'H' } },
  notation: 'rank',
};
