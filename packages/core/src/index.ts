export * from './iam/permissions.js';
export * from './iam/password-policy.js';
export * from './audit/audit-chain.js';
