import { createHash } from 'node:crypto';

/**
 * Tamper evidence for the audit log: every entry's hash covers its own content and the previous
 * entry's hash, so editing, deleting or reordering any entry breaks every later link.
 */
export interface ChainedEntry {
  seq: number;
  id: string;
  orgId: string | null;
  at: string;
  actorId: string | null;
  /** Hashed too: it is what the audit page shows and filters on. */
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Stable JSON: object keys sorted at every depth, so the same data always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(entry: Omit<ChainedEntry, 'hash'>): string {
  const content = canonicalJson({
    seq: entry.seq,
    id: entry.id,
    orgId: entry.orgId,
    at: entry.at,
    actorId: entry.actorId,
    actorEmail: entry.actorEmail,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before,
    after: entry.after,
    ip: entry.ip,
  });
  return createHash('sha256').update(entry.prevHash).update('\n').update(content).digest('hex');
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
  reason: string | null;
}

/**
 * Verifies entries in seq order. `expectedPrev` is the hash that the first entry must link to
 * (genesis, or the hash of the entry before a page when verifying in pages).
 */
export function verifyChainPage(
  entries: readonly ChainedEntry[],
  expectedPrev: string,
  expectedSeq: number,
): { verdict: ChainVerdict | null; lastHash: string; nextSeq: number } {
  let prev = expectedPrev;
  let seq = expectedSeq;
  for (const entry of entries) {
    if (entry.seq !== seq) {
      return {
        verdict: { ok: false, checked: seq - 1, brokenAt: seq, reason: `entry #${seq} is missing` },
        lastHash: prev,
        nextSeq: seq,
      };
    }
    if (entry.prevHash !== prev) {
      return {
        verdict: {
          ok: false,
          checked: seq - 1,
          brokenAt: entry.seq,
          reason: `entry #${entry.seq} does not link to the entry before it`,
        },
        lastHash: prev,
        nextSeq: seq,
      };
    }
    if (entryHash(entry) !== entry.hash) {
      return {
        verdict: {
          ok: false,
          checked: seq - 1,
          brokenAt: entry.seq,
          reason: `entry #${entry.seq} was changed after it was written`,
        },
        lastHash: prev,
        nextSeq: seq,
      };
    }
    prev = entry.hash;
    seq += 1;
  }
  return { verdict: null, lastHash: prev, nextSeq: seq };
}
