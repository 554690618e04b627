export * from './audit/audit-chain.js';
export * from './catalogs/built-in.js';
export * from './catalogs/diff.js';
export * from './catalogs/flatten.js';
export * from './classification/index.js';
export * from './iam/password-policy.js';
export * from './iam/permissions.js';
export * from './oscal/index.js';
