export * from './audit/audit-chain.js';
export * from './iam/password-policy.js';
export * from './iam/permissions.js';
