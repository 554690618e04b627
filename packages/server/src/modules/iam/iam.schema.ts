import { ROLE_KEYS } from '@cityshield/core';
import { z } from 'zod';
import { ZEmail, ZId, ZName, ZPassword } from '../../http/common.schema.js';

export const ZRoleKey = z.enum(ROLE_KEYS);

export const ZMe = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  roleName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  /** IANA zone for dates and deadlines, readable by every member (GET /organisation needs org:read). */
  orgTimeZone: z.string(),
  departmentId: z.string().nullable(),
  permissions: z.array(z.string()),
});
export const ZMeResponse = z.object({ user: ZMe, csrfToken: z.string() });
export type TMe = z.infer<typeof ZMe>;

export const ZLoginBody = z.strictObject({ email: ZEmail, password: ZPassword });
export const ZSetupBody = z.strictObject({
  token: z.string().min(10).max(200),
  organisationName: ZName,
  name: ZName,
  email: ZEmail,
  password: ZPassword,
});
export const ZResetRequestBody = z.strictObject({ email: ZEmail });
export const ZResetCompleteBody = z.strictObject({ token: z.string().min(10).max(200), password: ZPassword });
export const ZChangePasswordBody = z.strictObject({ currentPassword: ZPassword, newPassword: ZPassword });
export const ZTokenQuery = z.strictObject({ token: z.string().min(10).max(200) });
export const ZAcceptInvitationBody = z.strictObject({ token: z.string().min(10).max(200), name: ZName, password: ZPassword });

export const ZSession = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});

export const ZUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  kind: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  status: z.enum(['active', 'disabled', 'locked']),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export const ZUserListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  q: z.string().trim().max(200).optional(),
  role: ZRoleKey.optional(),
  kind: z.enum(['person', 'service']).optional(),
});
export const ZUserPatch = z
  .strictObject({
    name: ZName.optional(),
    role: ZRoleKey.optional(),
    departmentId: ZId.nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');
export const ZServiceAccountBody = z.strictObject({ name: ZName, role: ZRoleKey });

export const ZInvitation = z.object({
  id: z.string(),
  email: z.string(),
  role: z.string(),
  departmentId: z.string().nullable(),
  status: z.enum(['pending', 'accepted', 'expired', 'revoked']),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export const ZInvitationListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  status: z.enum(['pending', 'accepted', 'expired', 'revoked']).optional(),
});
export const ZInviteBody = z.strictObject({ email: ZEmail, role: ZRoleKey, departmentId: ZId.nullable().optional() });
export const ZInviteResponse = z.object({ invitation: ZInvitation, link: z.string().optional() });
export const ZInvitationLookup = z.object({ email: z.string(), orgName: z.string(), role: z.string(), roleName: z.string() });

export const ZToken = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string(),
  permissions: z.array(z.string()),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const ZCreateTokenBody = z.strictObject({
  name: ZName,
  permissions: z.array(z.string().max(100)).max(100),
  expiresInDays: z.number().int().min(1).max(365),
  serviceAccountId: ZId.optional(),
});
export const ZRole = z.object({ key: z.string(), name: z.string(), description: z.string(), permissions: z.array(z.string()) });
