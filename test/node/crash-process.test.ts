import { describe } from 'node:test';
import { crashProof } from '../fixtures/crash-proof.js';

/**
 * kill -9 in the middle of a campaign on the journal store (a memory store whose writes are appended to a file
 * synchronously before they take effect). The same proof over the Postgres store: crash-process-postgres.test.ts.
 */
describe('kill -9 in the middle of a campaign', () => {
  crashProof('journal store', { recipients: 20_000, env: () => ({}) });
});
