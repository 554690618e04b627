import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { AppError } from '../../errors.js';
import { addMinutes, iso, newId, normaliseEmail, randomSecret, sha256 } from '../../util.js';
import type { IamRepositories } from './iam.repositories.js';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './password.js';
import type { RequestMeta, SessionService } from './session.service.js';

export interface SetupInput {
  organisationName: string;
  name: string;
  email: string;
  password: string;
}

const SETUP_LINK_MINUTES = 60;
const RESET_LINK_MINUTES = 60;

/** First-run set-up, password changes and password resets. */
export class AccountService {
  constructor(
    private readonly ctx: AppContext,
    private readonly repos: IamRepositories,
    private readonly sessions: SessionService,
  ) {}

  needsSetup(): Promise<boolean> {
    return this.repos.users.anyAdminExists(this.ctx.db).then((exists) => !exists);
  }

  /** Issues a one-time set-up link, valid for an hour, while no administrator exists. */
  async issueSetupLink(): Promise<string | null> {
    if (!(await this.needsSetup())) return null;
    const token = randomSecret(24);
    const now = this.ctx.clock.now();
    await this.repos.credentials.insertOneTime(this.ctx.db, {
      tokenHash: sha256(token),
      purpose: 'setup',
      userId: null,
      createdAt: iso(now),
      expiresAt: iso(addMinutes(now, SETUP_LINK_MINUTES)),
    });
    return `${this.ctx.config.baseUrl}/setup?token=${token}`;
  }

  /** Creates an organisation with its first administrator; shared by the web set-up and the CLI. */
  async createOrganisationWithAdmin(input: SetupInput, meta: RequestMeta, opts: { setupToken?: string; startSession: boolean }) {
    const setupToken = opts.setupToken;
    const email = normaliseEmail(input.email);
    assertAcceptablePassword(input.password, { email, name: input.name, organisationName: input.organisationName });
    const hash = await hashPassword(input.password);
    const orgId = newId();
    const userId = newId();
    return changeWithAudit(this.ctx, { orgId, userId, email, ip: meta.ip }, async (trx, audit) => {
      const now = iso(this.ctx.clock.now());
      if (setupToken !== undefined) {
        // One set-up at a time across processes, so two links used at once cannot make two organisations.
        if (this.ctx.kind === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('first-run-setup'))`.execute(trx);
        // Checked inside the transaction so two browsers racing one link create one organisation.
        const used = await this.repos.credentials.consumeOneTime(trx, sha256(setupToken), 'setup', now);
        if (!used) throw new AppError('GONE', 'This set-up link is invalid, used or expired. Restart the server for a new one.');
        if (await this.repos.users.anyAdminExists(trx)) throw new AppError('CONFLICT', 'CityShield is already set up.');
      }
      if (await this.repos.users.emailTaken(trx, email)) {
        throw new AppError('CONFLICT', 'A user with this e-mail address already exists.', [{ path: 'email', message: 'already in use' }]);
      }
      const dupe = await trx.selectFrom('organisations').select('id').where('name', '=', input.organisationName).executeTakeFirst();
      if (dupe)
        throw new AppError('CONFLICT', 'An organisation with this name already exists.', [
          { path: 'organisationName', message: 'already in use' },
        ]);
      await trx
        .insertInto('organisations')
        .values({ id: orgId, name: input.organisationName, time_zone: 'Europe/Tallinn', created_at: now, updated_at: now })
        .execute();
      await this.repos.roles.seedDefaults(trx, orgId);
      const user = {
        id: userId,
        org_id: orgId,
        email,
        name: input.name,
        role: 'admin',
        kind: 'person',
        department_id: null,
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
      await audit({ action: 'organisation.create', entityType: 'organisation', entityId: orgId, after: { name: input.organisationName } });
      await audit({ action: 'user.create', entityType: 'user', entityId: userId, after: { email, name: input.name, role: 'admin' } });
      // The web set-up logs the new administrator in; the CLI only creates the account.
      const session = opts.startSession ? await this.sessions.create(trx, user, meta) : null;
      return { user, cookie: session?.cookie ?? null, csrfToken: session?.row.csrf_token ?? null };
    });
  }

  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    const user = await this.repos.users.find(this.ctx.db, actor.orgId, actor.userId);
    if (!user?.password_hash || !(await verifyPassword(user.password_hash, current))) {
      throw new AppError('VALIDATION', 'The current password is incorrect.', [{ path: 'currentPassword', message: 'incorrect' }]);
    }
    assertAcceptablePassword(next, { email: user.email, name: user.name }, 'newPassword');
    const hash = await hashPassword(next);
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const now = iso(this.ctx.clock.now());
      await this.repos.users.update(trx, actor.orgId, actor.userId, { password_hash: hash, password_changed_at: now, updated_at: now });
      // A changed password ends every other session: whoever knew the old one is logged out.
      const ended = await this.repos.sessions.deleteForUser(trx, actor.orgId, actor.userId, actor.sessionIdHash);
      await audit({ action: 'user.password_change', entityType: 'user', entityId: actor.userId, after: { otherSessionsEnded: ended } });
    });
  }

  /** Always succeeds from the caller's view, so the form does not reveal who has an account. */
  async requestReset(emailInput: string, meta: RequestMeta): Promise<void> {
    const email = normaliseEmail(emailInput);
    const user = await this.repos.users.findByEmailForLogin(this.ctx.db, email);
    if (!user || user.disabled || user.kind !== 'person' || !this.ctx.mailer.enabled) return;
    // A link e-mailed in the last five minutes stays the valid one: repeating the request neither
    // floods the mailbox nor lets a stranger keep replacing the link the owner is about to use.
    const since = iso(addMinutes(this.ctx.clock.now(), -5));
    if (await this.repos.credentials.recentUnused(this.ctx.db, user.id, 'password_reset', since)) return;
    const link = await this.createResetLink(user.id, user.org_id, { orgId: user.org_id, userId: null, email, ip: meta.ip });
    const now = this.ctx.clock.now();
    // One reset e-mail per user per 5-minute slot: repeated clicks do not flood the mailbox.
    const slot = Math.floor(now.getTime() / 300_000);
    await this.ctx.jobs.enqueue(
      'send-email',
      {
        to: email,
        subject: 'Reset your CityShield password',
        text: `Someone asked to reset the password of your CityShield account.\n\nTo choose a new password, open this link within ${RESET_LINK_MINUTES} minutes:\n${link}\n\nIf it was not you, ignore this e-mail; your password stays as it is.`,
      },
      { key: `reset:${user.id}:${slot}`, orgId: user.org_id },
    );
  }

  async createResetLink(
    userId: string,
    orgId: string,
    by: { orgId: string; userId: string | null; email: string | null; ip: string | null },
  ): Promise<string> {
    const token = randomSecret(24);
    await changeWithAudit(this.ctx, by, async (trx, audit) => {
      const now = this.ctx.clock.now();
      await this.repos.credentials.invalidateUserTokens(trx, userId, 'password_reset', iso(now));
      await this.repos.credentials.insertOneTime(trx, {
        tokenHash: sha256(token),
        purpose: 'password_reset',
        userId,
        createdAt: iso(now),
        expiresAt: iso(addMinutes(now, RESET_LINK_MINUTES)),
      });
      await audit({ orgId, action: 'user.password_reset_requested', entityType: 'user', entityId: userId });
    });
    return `${this.ctx.config.baseUrl}/reset-password/complete?token=${token}`;
  }

  async completeReset(token: string, password: string, meta: RequestMeta): Promise<void> {
    const peek = await this.repos.credentials.peekOneTime(this.ctx.db, sha256(token), 'password_reset');
    const user = peek?.user_id ? await this.repos.users.findByIdForAuth(this.ctx.db, peek.user_id) : undefined;
    if (!peek || !user) throw new AppError('GONE', 'This password-reset link is invalid, used or expired. Ask for a new one.');
    assertAcceptablePassword(password, { email: user.email, name: user.name });
    const hash = await hashPassword(password);
    await changeWithAudit(this.ctx, { orgId: user.org_id, userId: user.id, email: user.email, ip: meta.ip }, async (trx, audit) => {
      const now = iso(this.ctx.clock.now());
      const used = await this.repos.credentials.consumeOneTime(trx, sha256(token), 'password_reset', now);
      if (!used) throw new AppError('GONE', 'This password-reset link is invalid, used or expired. Ask for a new one.');
      await this.repos.users.update(trx, user.org_id, user.id, {
        password_hash: hash,
        password_changed_at: now,
        updated_at: now,
        failed_logins: 0,
        locked_until: null,
      });
      const ended = await this.repos.sessions.deleteForUser(trx, user.org_id, user.id);
      // Counts as a successful proof of identity: the failed-login counter starts again.
      await this.repos.credentials.recordAttempt(trx, user.email, meta.ip ?? 'unknown', now, true);
      await audit({ action: 'user.password_reset', entityType: 'user', entityId: user.id, after: { sessionsEnded: ended } });
    });
  }
}
