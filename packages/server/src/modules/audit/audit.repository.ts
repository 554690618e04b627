import { type ChainedEntry, entryHash, GENESIS_HASH } from '@cityshield/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import { containsText } from '../../db/like.js';
import type { AuditRow, DB } from '../../db/schema.js';
import { newId } from '../../util.js';

export type Executor = Kysely<DB> | Transaction<DB>;

export interface AuditInput {
  orgId: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  entityType?: string;
  from?: string;
  to?: string;
}

const toJson = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

export function rowToChained(r: AuditRow): ChainedEntry {
  return {
    seq: Number(r.seq),
    id: r.id,
    orgId: r.org_id,
    at: r.at,
    actorId: r.actor_id,
    actorEmail: r.actor_email,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before_json,
    after: r.after_json,
    ip: r.ip,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export class AuditRepository {
  constructor(private readonly kind: 'sqlite' | 'postgres') {}

  /**
   * Appends one entry to the organisation's chain. Must run inside the transaction that makes
   * the change. On PostgreSQL an advisory lock per organisation serialises writers from every
   * process; SQLite has one writer at a time by design. The unique (org_id, seq) index refuses
   * a fork should either guarantee ever fail.
   */
  async append(trx: Transaction<DB>, input: AuditInput, at: Date): Promise<void> {
    if (this.kind === 'postgres') {
      await sql`select pg_advisory_xact_lock(hashtext(${`audit:${input.orgId}`}))`.execute(trx);
    }
    const last = await trx
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('org_id', '=', input.orgId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const base = {
      seq: last ? Number(last.seq) + 1 : 1,
      id: newId(),
      orgId: input.orgId,
      at: at.toISOString(),
      actorId: input.actorId,
      actorEmail: input.actorEmail,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      before: toJson(input.before),
      after: toJson(input.after),
      ip: input.ip ?? null,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    await trx
      .insertInto('audit_log')
      .values({
        id: base.id,
        org_id: base.orgId,
        seq: base.seq,
        at: base.at,
        actor_id: base.actorId,
        actor_email: base.actorEmail,
        action: base.action,
        entity_type: base.entityType,
        entity_id: base.entityId,
        before_json: base.before,
        after_json: base.after,
        ip: base.ip,
        prev_hash: base.prevHash,
        hash: entryHash(base),
      })
      .execute();
  }

  async list(db: Executor, orgId: string, f: AuditFilter, page: number, pageSize: number) {
    let q = db.selectFrom('audit_log').where('org_id', '=', orgId);
    if (f.action) q = q.where(containsText('action', f.action));
    if (f.actor) q = q.where(containsText('actor_email', f.actor));
    if (f.entityType) q = q.where('entity_type', '=', f.entityType);
    if (f.from) q = q.where('at', '>=', f.from);
    if (f.to) q = q.where('at', '<=', f.to);
    const [{ total } = { total: 0 }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
    const items = await q
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { items, total: Number(total) };
  }

  /** Reads the chain in seq order in pages, so verifying a long log never loads it whole. */
  async *chain(db: Executor, orgId: string, pageSize = 2000): AsyncGenerator<AuditRow[]> {
    let after = 0;
    for (;;) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('seq', '>', after)
        .orderBy('seq', 'asc')
        .limit(pageSize)
        .execute();
      if (rows.length === 0) return;
      yield rows;
      after = Number(rows[rows.length - 1]?.seq);
    }
  }

  async orgIds(db: Executor): Promise<string[]> {
    const rows = await db.selectFrom('audit_log').select('org_id').distinct().execute();
    return rows.map((r) => r.org_id);
  }
}
