import { CredentialRepository } from './credential.repository.js';
import { InvitationRepository } from './invitation.repository.js';
import { RoleRepository } from './role.repository.js';
import { SessionRepository } from './session.repository.js';
import { TokenRepository } from './token.repository.js';
import { UserRepository } from './user.repository.js';

export interface IamRepositories {
  users: UserRepository;
  sessions: SessionRepository;
  tokens: TokenRepository;
  invitations: InvitationRepository;
  credentials: CredentialRepository;
  roles: RoleRepository;
}

export const createIamRepositories = (): IamRepositories => ({
  users: new UserRepository(),
  sessions: new SessionRepository(),
  tokens: new TokenRepository(),
  invitations: new InvitationRepository(),
  credentials: new CredentialRepository(),
  roles: new RoleRepository(),
});
