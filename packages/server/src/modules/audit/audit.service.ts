import { type ChainVerdict, GENESIS_HASH, verifyChainPage } from '@cityshield/core';
import type { Database } from '../../db/database.js';
import type { AuditFilter, AuditRepository } from './audit.repository.js';
import { rowToChained } from './audit.repository.js';

export class AuditService {
  constructor(
    private readonly db: Database,
    private readonly repo: AuditRepository,
  ) {}

  async list(orgId: string, filter: AuditFilter, page: number, pageSize: number) {
    const { items, total } = await this.repo.list(this.db, orgId, filter, page, pageSize);
    return {
      items: items.map((r) => ({
        seq: Number(r.seq),
        id: r.id,
        at: r.at,
        actorId: r.actor_id,
        actorEmail: r.actor_email,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before_json ? (JSON.parse(r.before_json) as unknown) : null,
        after: r.after_json ? (JSON.parse(r.after_json) as unknown) : null,
        ip: r.ip,
      })),
      total,
      page,
      pageSize,
    };
  }

  /** Walks the organisation's whole chain and reports the first broken link. */
  async verify(orgId: string): Promise<ChainVerdict> {
    let prev = GENESIS_HASH;
    let seq = 1;
    for await (const rows of this.repo.chain(this.db, orgId)) {
      const res = verifyChainPage(rows.map(rowToChained), prev, seq);
      if (res.verdict) return res.verdict;
      prev = res.lastHash;
      seq = res.nextSeq;
    }
    return { ok: true, checked: seq - 1, brokenAt: null, reason: null };
  }

  async verifyAll(): Promise<Array<{ orgId: string } & ChainVerdict>> {
    const out: Array<{ orgId: string } & ChainVerdict> = [];
    for (const orgId of await this.repo.orgIds(this.db)) out.push({ orgId, ...(await this.verify(orgId)) });
    return out;
  }
}
