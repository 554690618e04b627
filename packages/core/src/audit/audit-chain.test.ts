import { describe, expect, it } from 'vitest';
import { type ChainedEntry, canonicalJson, entryHash, GENESIS_HASH, verifyChainPage } from './audit-chain.js';

function chain(n: number): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const base = {
      seq: i,
      id: `id-${i}`,
      orgId: 'org',
      at: `2026-11-25T10:00:0${i}.000Z`,
      actorId: 'u1',
      actorEmail: 'ada@city.example',
      action: 'user.update',
      entityType: 'user',
      entityId: 'u2',
      before: JSON.stringify({ role: 'staff' }),
      after: JSON.stringify({ role: 'auditor' }),
      ip: '10.0.0.1',
      prevHash: prev,
    };
    const e = { ...base, hash: entryHash(base) };
    out.push(e);
    prev = e.hash;
  }
  return out;
}

describe('audit chain', () => {
  it('canonical JSON sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it('verifies an intact chain', () => {
    const r = verifyChainPage(chain(5), GENESIS_HASH, 1);
    expect(r.verdict).toBeNull();
    expect(r.nextSeq).toBe(6);
  });

  it('detects a changed entry at its sequence number', () => {
    const c = chain(5);
    c[2] = { ...(c[2] as ChainedEntry), after: JSON.stringify({ role: 'admin' }) };
    expect(verifyChainPage(c, GENESIS_HASH, 1).verdict).toMatchObject({ ok: false, brokenAt: 3, checked: 2 });
  });

  it('detects a deleted entry', () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(verifyChainPage(c, GENESIS_HASH, 1).verdict).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('detects an entry re-hashed after editing (its successor no longer links)', () => {
    const c = chain(4);
    const edited = { ...(c[1] as ChainedEntry), action: 'user.delete' };
    c[1] = { ...edited, hash: entryHash(edited) };
    expect(verifyChainPage(c, GENESIS_HASH, 1).verdict).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('continues across pages', () => {
    const c = chain(6);
    const first = verifyChainPage(c.slice(0, 3), GENESIS_HASH, 1);
    expect(verifyChainPage(c.slice(3), first.lastHash, first.nextSeq).verdict).toBeNull();
  });
});
