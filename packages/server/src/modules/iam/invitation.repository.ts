import type { InvitationRow } from '../../db/schema.js';
import type { Executor } from '../audit/audit.repository.js';

export type InvitationStatus = 'pending' | 'accepted' | 'expired' | 'revoked';

export function invitationStatus(row: InvitationRow, now: string): InvitationStatus {
  if (row.accepted_at) return 'accepted';
  if (row.revoked_at) return 'revoked';
  return row.expires_at < now ? 'expired' : 'pending';
}

export class InvitationRepository {
  async insert(db: Executor, row: InvitationRow): Promise<void> {
    await db.insertInto('invitations').values(row).execute();
  }

  findByHash(db: Executor, hash: string): Promise<InvitationRow | undefined> {
    return db.selectFrom('invitations').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  }

  find(db: Executor, orgId: string, id: string): Promise<InvitationRow | undefined> {
    return db.selectFrom('invitations').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  }

  async pendingFor(db: Executor, orgId: string, email: string, now: string): Promise<InvitationRow | undefined> {
    return db
      .selectFrom('invitations')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('email', '=', email)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>=', now)
      .executeTakeFirst();
  }

  async list(db: Executor, orgId: string, status: InvitationStatus | undefined, now: string, page: number, pageSize: number) {
    let q = db.selectFrom('invitations').where('org_id', '=', orgId);
    if (status === 'accepted') q = q.where('accepted_at', 'is not', null);
    if (status === 'revoked') q = q.where('revoked_at', 'is not', null).where('accepted_at', 'is', null);
    if (status === 'pending' || status === 'expired') {
      q = q
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', status === 'pending' ? '>=' : '<', now);
    }
    const [{ total } = { total: 0 }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
    const items = await q
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { items, total: Number(total) };
  }

  async markAccepted(db: Executor, id: string, at: string): Promise<number> {
    const r = await db
      .updateTable('invitations')
      .set({ accepted_at: at })
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>=', at)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async revoke(db: Executor, orgId: string, id: string, at: string): Promise<void> {
    await db.updateTable('invitations').set({ revoked_at: at }).where('org_id', '=', orgId).where('id', '=', id).execute();
  }
}
