import { newId } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';

/** Single-use secrets (set-up links, password resets) and the login-attempt record. */
export class CredentialRepository {
  async insertOneTime(
    db: Executor,
    row: { tokenHash: string; purpose: 'setup' | 'password_reset'; userId: string | null; createdAt: string; expiresAt: string },
  ): Promise<void> {
    await db
      .insertInto('one_time_tokens')
      .values({
        token_hash: row.tokenHash,
        purpose: row.purpose,
        user_id: row.userId,
        created_at: row.createdAt,
        expires_at: row.expiresAt,
        used_at: null,
      })
      .execute();
  }

  /**
   * Marks the token used if it is valid now; returns it only when this call was the one that
   * used it, so a token raced by two requests works once.
   */
  async consumeOneTime(db: Executor, tokenHash: string, purpose: string, now: string) {
    const row = await db
      .selectFrom('one_time_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('purpose', '=', purpose)
      .executeTakeFirst();
    if (!row || row.used_at || row.expires_at < now) return undefined;
    const r = await db
      .updateTable('one_time_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1 ? row : undefined;
  }

  peekOneTime(db: Executor, tokenHash: string, purpose: string) {
    return db
      .selectFrom('one_time_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('purpose', '=', purpose)
      .executeTakeFirst();
  }

  /** An unused link of this purpose issued to the user since `since`, if any. */
  recentUnused(db: Executor, userId: string, purpose: string, since: string) {
    return db
      .selectFrom('one_time_tokens')
      .select('token_hash')
      .where('user_id', '=', userId)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('created_at', '>=', since)
      .executeTakeFirst();
  }

  async invalidateUserTokens(db: Executor, userId: string, purpose: string, now: string): Promise<void> {
    await db
      .updateTable('one_time_tokens')
      .set({ used_at: now })
      .where('user_id', '=', userId)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .execute();
  }

  async deleteExpiredOneTime(db: Executor, before: string): Promise<number> {
    const r = await db.deleteFrom('one_time_tokens').where('expires_at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async recordAttempt(db: Executor, email: string, ip: string, at: string, success: boolean): Promise<string> {
    const id = newId();
    await db
      .insertInto('login_attempts')
      .values({ id, email, ip, at, success: success ? 1 : 0 })
      .execute();
    return id;
  }

  async markSucceeded(db: Executor, attemptId: string): Promise<void> {
    await db.updateTable('login_attempts').set({ success: 1 }).where('id', '=', attemptId).execute();
  }

  /** Failures for this login name since its last success, inside the window. */
  async recentFailuresForEmail(db: Executor, email: string, since: string): Promise<number> {
    const lastSuccess = await db
      .selectFrom('login_attempts')
      .select('at')
      .where('email', '=', email)
      .where('success', '=', 1)
      .where('at', '>=', since)
      .orderBy('at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const row = await db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', '=', email)
      .where('success', '=', 0)
      .where('at', '>', lastSuccess?.at ?? since)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async recentFailuresForIp(db: Executor, ip: string, since: string): Promise<number> {
    const row = await db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ip', '=', ip)
      .where('success', '=', 0)
      .where('at', '>=', since)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async deleteAttemptsBefore(db: Executor, before: string): Promise<number> {
    const r = await db.deleteFrom('login_attempts').where('at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
