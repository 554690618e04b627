/** The risk register's pure rules: the threat catalogue, the risk matrix and scenario suggestions. */
export * from './matrix.js';
export * from './suggest.js';
export * from './threats.js';
