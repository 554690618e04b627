import type { Actor, AppContext } from '../../context.js';
import type { SessionRow, UserRow } from '../../db/schema.js';
import { addMinutes, iso, newId, randomSecret, sha256 } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import type { IamRepositories } from './iam.repositories.js';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/** Server-side sessions: the cookie holds a random id, the database only its SHA-256. */
export class SessionService {
  constructor(
    private readonly ctx: AppContext,
    private readonly repos: IamRepositories,
  ) {}

  async create(db: Executor, user: UserRow, meta: RequestMeta): Promise<{ cookie: string; row: SessionRow }> {
    const now = this.ctx.clock.now();
    const cookie = randomSecret(32);
    const row: SessionRow = {
      id_hash: sha256(cookie),
      public_id: newId(),
      org_id: user.org_id,
      user_id: user.id,
      csrf_token: randomSecret(24),
      created_at: iso(now),
      last_seen_at: iso(now),
      idle_expires_at: iso(addMinutes(now, this.ctx.config.SESSION_IDLE_MINUTES)),
      absolute_expires_at: iso(addMinutes(now, this.ctx.config.SESSION_ABSOLUTE_HOURS * 60)),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    };
    await this.repos.sessions.insert(db, row);
    return { cookie, row };
  }

  /** Resolves a cookie to an actor, enforcing idle and absolute timeouts and disabled users. */
  async resolve(cookie: string, ip: string | null): Promise<{ actor: Actor; session: SessionRow } | null> {
    const db = this.ctx.db;
    const idHash = sha256(cookie);
    const session = await this.repos.sessions.findByHash(db, idHash);
    if (!session) return null;
    const now = this.ctx.clock.now();
    const nowIso = iso(now);
    if (session.idle_expires_at < nowIso || session.absolute_expires_at < nowIso) {
      await this.repos.sessions.deleteByHash(db, idHash);
      return null;
    }
    const user = await this.repos.users.findByIdForAuth(db, session.user_id);
    if (!user || user.disabled) return null;
    // Sliding idle expiry, written at most once a minute to keep reads cheap.
    if (now.getTime() - Date.parse(session.last_seen_at) > 60_000) {
      await this.repos.sessions.touch(db, idHash, nowIso, iso(addMinutes(now, this.ctx.config.SESSION_IDLE_MINUTES)));
    }
    const permissions = await this.repos.roles.permissionsOf(db, user.org_id, user.role);
    return {
      session,
      actor: {
        userId: user.id,
        orgId: user.org_id,
        email: user.email,
        name: user.name,
        role: user.role,
        permissions: new Set(permissions),
        via: 'session',
        sessionIdHash: idHash,
        ip,
      },
    };
  }
}
