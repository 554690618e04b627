import type { ApiTokenRow } from '../../db/schema.js';
import type { Executor } from '../audit/audit.repository.js';

export class TokenRepository {
  async insert(db: Executor, row: ApiTokenRow): Promise<void> {
    await db.insertInto('api_tokens').values(row).execute();
  }

  findByHash(db: Executor, hash: string): Promise<ApiTokenRow | undefined> {
    return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  }

  find(db: Executor, orgId: string, id: string): Promise<ApiTokenRow | undefined> {
    return db.selectFrom('api_tokens').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  }

  /** Tokens the caller owns, plus (for service-account managers) those of service accounts. */
  list(db: Executor, orgId: string, userIds: readonly string[]): Promise<ApiTokenRow[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('api_tokens')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', 'in', userIds)
      .orderBy('created_at', 'desc')
      .limit(500)
      .execute();
  }

  async markUsed(db: Executor, id: string, at: string): Promise<void> {
    await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  async revoke(db: Executor, orgId: string, id: string, at: string): Promise<void> {
    await db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async deleteExpired(db: Executor, before: string): Promise<number> {
    const r = await db
      .deleteFrom('api_tokens')
      .where((eb) => eb.or([eb('expires_at', '<', before), eb('revoked_at', '<', before)]))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
