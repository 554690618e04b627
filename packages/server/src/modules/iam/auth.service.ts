import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import type { UserRow } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { addMinutes, iso, normaliseEmail } from '../../util.js';
import type { IamRepositories } from './iam.repositories.js';
import { dummyVerify, verifyPassword } from './password.js';
import type { RequestMeta, SessionService } from './session.service.js';

const BAD_CREDENTIALS = 'The e-mail address or password is incorrect.';
const LOCKED = 'Too many failed attempts. Wait a few minutes and try again.';

export interface LoginResult {
  cookie: string;
  csrfToken: string;
  user: UserRow;
}

export class AuthService {
  constructor(
    private readonly ctx: AppContext,
    private readonly repos: IamRepositories,
    private readonly sessions: SessionService,
  ) {}

  /**
   * Unknown e-mail, wrong password, disabled account and service account all give the same
   * answer in the same time. Limits count failures in the database, so every process shares them:
   * per login name (then a temporary lockout) and per client address.
   */
  async login(emailInput: string, password: string, meta: RequestMeta): Promise<LoginResult> {
    const { db, config, clock } = this.ctx;
    const email = normaliseEmail(emailInput);
    const ip = meta.ip ?? 'unknown';
    const now = clock.now();
    const windowStart = iso(addMinutes(now, -config.LOGIN_LOCKOUT_MINUTES));
    const user = await this.repos.users.findByEmailForLogin(db, email);

    // A locked account answers at once and records nothing, so guessing cannot extend the lockout.
    if (user?.locked_until != null && user.locked_until > iso(now)) {
      await dummyVerify(password);
      throw new AppError('RATE_LIMITED', LOCKED);
    }
    // The attempt is written before it is judged: parallel guesses all count against the limits
    // (a read-then-write check would let a burst of requests through together).
    const attemptId = await this.repos.credentials.recordAttempt(db, email, ip, iso(now), false);
    if ((await this.repos.credentials.recentFailuresForIp(db, ip, windowStart)) > config.LOGIN_IP_MAX_FAILURES) {
      throw new AppError('RATE_LIMITED', 'Too many failed log-in attempts from your network. Try again later.');
    }
    const failures = await this.repos.credentials.recentFailuresForEmail(db, email, windowStart);
    if (failures > config.LOGIN_MAX_FAILURES) {
      await dummyVerify(password);
      throw new AppError('RATE_LIMITED', LOCKED);
    }

    const ok = user?.password_hash ? await verifyPassword(user.password_hash, password) : await dummyVerify(password);
    if (!user || !ok || user.disabled || user.kind !== 'person') {
      if (user) await this.recordFailure(user, email, failures);
      throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
    }

    return changeWithAudit(this.ctx, { orgId: user.org_id, userId: user.id, email: user.email, ip: meta.ip }, async (trx, audit) => {
      await this.repos.credentials.markSucceeded(trx, attemptId);
      await this.repos.users.update(trx, user.org_id, user.id, {
        failed_logins: 0,
        locked_until: null,
        last_login_at: iso(now),
      });
      const { cookie, row } = await this.sessions.create(trx, user, meta);
      await audit({ action: 'session.login', entityType: 'session', entityId: row.public_id, after: { userAgent: row.user_agent } });
      return { cookie, csrfToken: row.csrf_token, user };
    });
  }

  private async recordFailure(user: UserRow, email: string, failures: number): Promise<void> {
    const now = this.ctx.clock.now();
    const lockNow = failures >= this.ctx.config.LOGIN_MAX_FAILURES;
    await changeWithAudit(this.ctx, { orgId: user.org_id, userId: null, email, ip: null }, async (trx, audit) => {
      await this.repos.users.update(trx, user.org_id, user.id, {
        failed_logins: user.failed_logins + 1,
        ...(lockNow ? { locked_until: iso(addMinutes(now, this.ctx.config.LOGIN_LOCKOUT_MINUTES)) } : {}),
      });
      await audit({ action: lockNow ? 'user.locked' : 'session.login_failed', entityType: 'user', entityId: user.id });
    });
  }

  async logout(actor: Actor): Promise<void> {
    const idHash = actor.sessionIdHash;
    if (!idHash) return;
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await this.repos.sessions.deleteByHash(trx, idHash);
      await audit({ action: 'session.logout', entityType: 'user', entityId: actor.userId });
    });
  }

  /** Ends every session of the caller, including this one. */
  async logoutEverywhere(actor: Actor): Promise<number> {
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const n = await this.repos.sessions.deleteForUser(trx, actor.orgId, actor.userId);
      await audit({ action: 'session.logout_all', entityType: 'user', entityId: actor.userId, after: { ended: n } });
      return n;
    });
  }
}
