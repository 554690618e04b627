import type { AppContext } from './context.js';
import { AuditService } from './modules/audit/audit.service.js';
import { CatalogService } from './modules/catalogs/catalog.service.js';
import { ClassificationService } from './modules/classification/classification.service.js';
import { AccountService } from './modules/iam/account.service.js';
import { AuthService } from './modules/iam/auth.service.js';
import { createIamRepositories, type IamRepositories } from './modules/iam/iam.repositories.js';
import { InvitationService } from './modules/iam/invitation.service.js';
import { SessionService } from './modules/iam/session.service.js';
import { TokenService } from './modules/iam/token.service.js';
import { UserService } from './modules/iam/user.service.js';
import { OrganisationService } from './modules/organisation/organisation.service.js';
import { SystemService } from './modules/registry/system.service.js';

/** Every use-case service of the process, wired once from the context. */
export interface Services {
  repos: IamRepositories;
  sessions: SessionService;
  auth: AuthService;
  account: AccountService;
  users: UserService;
  invitations: InvitationService;
  tokens: TokenService;
  organisation: OrganisationService;
  audit: AuditService;
  catalogs: CatalogService;
  systems: SystemService;
  classification: ClassificationService;
}

export function createServices(ctx: AppContext): Services {
  const repos = createIamRepositories();
  const sessions = new SessionService(ctx, repos);
  const systems = new SystemService(ctx);
  return {
    repos,
    sessions,
    auth: new AuthService(ctx, repos, sessions),
    account: new AccountService(ctx, repos, sessions),
    users: new UserService(ctx, repos),
    invitations: new InvitationService(ctx, repos, sessions),
    tokens: new TokenService(ctx, repos),
    organisation: new OrganisationService(ctx),
    audit: new AuditService(ctx.db, ctx.audit),
    catalogs: new CatalogService(ctx),
    systems,
    classification: new ClassificationService(ctx, systems),
  };
}
