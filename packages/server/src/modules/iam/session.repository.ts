import type { SessionRow } from '../../db/schema.js';
import type { Executor } from '../audit/audit.repository.js';

export class SessionRepository {
  async insert(db: Executor, row: SessionRow): Promise<void> {
    await db.insertInto('sessions').values(row).execute();
  }

  findByHash(db: Executor, idHash: string): Promise<SessionRow | undefined> {
    return db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  }

  async touch(db: Executor, idHash: string, lastSeen: string, idleExpires: string): Promise<void> {
    await db.updateTable('sessions').set({ last_seen_at: lastSeen, idle_expires_at: idleExpires }).where('id_hash', '=', idHash).execute();
  }

  listForUser(db: Executor, orgId: string, userId: string): Promise<SessionRow[]> {
    return db
      .selectFrom('sessions')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .orderBy('last_seen_at', 'desc')
      .limit(200)
      .execute();
  }

  async deleteByHash(db: Executor, idHash: string): Promise<void> {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteByPublicId(db: Executor, orgId: string, userId: string, publicId: string): Promise<number> {
    const r = await db
      .deleteFrom('sessions')
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('public_id', '=', publicId)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async deleteForUser(db: Executor, orgId: string, userId: string, exceptHash?: string): Promise<number> {
    let q = db.deleteFrom('sessions').where('org_id', '=', orgId).where('user_id', '=', userId);
    if (exceptHash) q = q.where('id_hash', '!=', exceptHash);
    const r = await q.executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async deleteExpired(db: Executor, now: string): Promise<number> {
    const r = await db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('idle_expires_at', '<', now), eb('absolute_expires_at', '<', now)]))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
