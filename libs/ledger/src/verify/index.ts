/**
 * The verifier's core: pure TypeScript over `node:crypto` (SHA-256, Ed25519) and `fetch`, with no Nest,
 * database or file system, so that the command line and, later, a browser page can share it.
 */
export type { ChainProblem } from '../entry/ledger-hash';
export { checkEntry, GENESIS_HASH } from '../entry/ledger-hash';
export * from '../merkle/merkle';
export * from './checkpoint-note';
export * from './entry-stream-checker';
export * from './export-format';
export * from './graphql-source';
export * from './verify-ledger';
export * from './receipt-check';
