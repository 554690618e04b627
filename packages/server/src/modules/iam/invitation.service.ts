import { DEFAULT_ROLES, isRoleKey } from '@cityshield/core';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import type { InvitationRow } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import { addMinutes, iso, newId, normaliseEmail, type Page, randomSecret, sha256 } from '../../util.js';
import type { IamRepositories } from './iam.repositories.js';
import { type InvitationStatus, invitationStatus } from './invitation.repository.js';
import { assertAcceptablePassword, hashPassword } from './password.js';
import type { RequestMeta, SessionService } from './session.service.js';
import { assertMayGrant } from './user.service.js';

const INVITATION_DAYS = 7;

export interface InvitationView {
  id: string;
  email: string;
  role: string;
  departmentId: string | null;
  status: InvitationStatus;
  expiresAt: string;
  createdAt: string;
}

const roleName = (key: string) => DEFAULT_ROLES.find((r) => r.key === key)?.name ?? key;

export class InvitationService {
  constructor(
    private readonly ctx: AppContext,
    private readonly repos: IamRepositories,
    private readonly sessions: SessionService,
  ) {}

  private view(row: InvitationRow): InvitationView {
    return {
      id: row.id,
      email: row.email,
      role: row.role,
      departmentId: row.department_id,
      status: invitationStatus(row, iso(this.ctx.clock.now())),
      expiresAt: row.expires_at,
      createdAt: row.created_at,
    };
  }

  async list(actor: Actor, status: InvitationStatus | undefined, page: number, pageSize: number): Promise<Page<InvitationView>> {
    const now = iso(this.ctx.clock.now());
    const { items, total } = await this.repos.invitations.list(this.ctx.db, actor.orgId, status, now, page, pageSize);
    return { items: items.map((r) => this.view(r)), total, page, pageSize };
  }

  /**
   * Creates the invitation and, in the same transaction, queues its e-mail; without SMTP the
   * link is returned so the administrator can pass it on.
   */
  async invite(actor: Actor, input: { email: string; role: string; departmentId?: string | null }) {
    const email = normaliseEmail(input.email);
    if (!isRoleKey(input.role)) throw new AppError('VALIDATION', 'Unknown role.', [{ path: 'role', message: 'not a role' }]);
    const token = randomSecret(24);
    const link = `${this.ctx.config.baseUrl}/invite/accept?token=${token}`;
    const org = await this.ctx.db.selectFrom('organisations').select('name').where('id', '=', actor.orgId).executeTakeFirstOrThrow();
    const invitation = await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await assertMayGrant(trx, this.repos, actor, input.role);
      const now = this.ctx.clock.now();
      if (await this.repos.users.emailTaken(trx, email)) {
        throw new AppError('CONFLICT', 'A user with this e-mail address already exists.', [{ path: 'email', message: 'already a user' }]);
      }
      if (await this.repos.invitations.pendingFor(trx, actor.orgId, email, iso(now))) {
        throw new AppError('CONFLICT', 'This person already has a pending invitation. Revoke it to send a new one.', [
          { path: 'email', message: 'pending invitation exists' },
        ]);
      }
      if (input.departmentId) {
        const d = await trx
          .selectFrom('departments')
          .select('id')
          .where('org_id', '=', actor.orgId)
          .where('id', '=', input.departmentId)
          .executeTakeFirst();
        if (!d) throw new AppError('VALIDATION', 'Unknown department.', [{ path: 'departmentId', message: 'not found' }]);
      }
      const row: InvitationRow = {
        id: newId(),
        org_id: actor.orgId,
        email,
        role: input.role,
        department_id: input.departmentId ?? null,
        token_hash: sha256(token),
        invited_by: actor.userId,
        created_at: iso(now),
        expires_at: iso(addMinutes(now, INVITATION_DAYS * 24 * 60)),
        accepted_at: null,
        revoked_at: null,
      };
      await this.repos.invitations.insert(trx, row);
      await audit({
        action: 'invitation.create',
        entityType: 'invitation',
        entityId: row.id,
        after: { email, role: row.role, departmentId: row.department_id },
      });
      if (this.ctx.mailer.enabled) {
        await this.ctx.jobs.enqueue(
          'send-email',
          {
            to: email,
            subject: `You are invited to CityShield — ${org.name}`,
            text: `${actor.name} invited you to join ${org.name} on CityShield as ${roleName(row.role)}.\n\nAccept the invitation within ${INVITATION_DAYS} days:\n${link}\n\nIf you did not expect this, ignore this e-mail.`,
          },
          { key: `invitation:${row.id}`, orgId: actor.orgId },
          trx,
        );
      }
      return row;
    });
    return { invitation: this.view(invitation), link: this.ctx.mailer.enabled ? undefined : link };
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const row = await this.repos.invitations.find(trx, actor.orgId, id);
      if (!row) throw notFound('The invitation');
      if (row.accepted_at) throw new AppError('CONFLICT', 'This invitation was already accepted.');
      await this.repos.invitations.revoke(trx, actor.orgId, id, iso(this.ctx.clock.now()));
      await audit({ action: 'invitation.revoke', entityType: 'invitation', entityId: id, before: { email: row.email } });
    });
  }

  private async usable(token: string): Promise<InvitationRow> {
    const row = await this.repos.invitations.findByHash(this.ctx.db, sha256(token));
    if (!row || invitationStatus(row, iso(this.ctx.clock.now())) !== 'pending') {
      throw new AppError('GONE', 'This invitation is invalid, used, revoked or expired. Ask your administrator for a new one.');
    }
    return row;
  }

  async lookup(token: string) {
    const row = await this.usable(token);
    const org = await this.ctx.db.selectFrom('organisations').select('name').where('id', '=', row.org_id).executeTakeFirstOrThrow();
    return { email: row.email, orgName: org.name, role: row.role, roleName: roleName(row.role) };
  }

  async accept(token: string, name: string, password: string, meta: RequestMeta) {
    const row = await this.usable(token);
    assertAcceptablePassword(password, { email: row.email, name });
    const hash = await hashPassword(password);
    return changeWithAudit(this.ctx, { orgId: row.org_id, userId: null, email: row.email, ip: meta.ip }, async (trx, audit) => {
      const now = iso(this.ctx.clock.now());
      if ((await this.repos.invitations.markAccepted(trx, row.id, now)) !== 1) {
        throw new AppError('GONE', 'This invitation was already used, revoked or has expired.');
      }
      if (await this.repos.users.emailTaken(trx, row.email))
        throw new AppError('CONFLICT', 'A user with this e-mail address already exists.');
      const user = {
        id: newId(),
        org_id: row.org_id,
        email: row.email,
        name,
        role: row.role,
        kind: 'person',
        department_id: row.department_id,
        password_hash: hash,
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        last_login_at: now,
        password_changed_at: now,
        created_at: now,
        updated_at: now,
      };
      await this.repos.users.insert(trx, user);
      await audit({ action: 'invitation.accept', entityType: 'invitation', entityId: row.id });
      await audit({ action: 'user.create', entityType: 'user', entityId: user.id, after: { email: user.email, name, role: user.role } });
      const session = await this.sessions.create(trx, user, meta);
      return { user, cookie: session.cookie, csrfToken: session.row.csrf_token };
    });
  }
}
