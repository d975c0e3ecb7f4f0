import { after, describe } from 'node:test';
import { crashProof } from '../fixtures/crash-proof.js';
import { POSTGRES_STORE_MODULE, PROOF_RECIPIENTS } from '../fixtures/engine-process.js';
import { freshSchema, schemasOn } from '../fixtures/postgres.js';

const server = schemasOn('server');
const schema = freshSchema('crash');

/**
 * kill -9 in the middle of a campaign over the Postgres store: PGlite with its data folder in the test's folder (one
 * process at a time opens it: its files survive the kill and are opened again), and a schema on the PostgreSQL server.
 * PROOF_RECIPIENTS recipients: 2,000 in `npm test`, the 20,000 with PBX_SMS_PROOF_RECIPIENTS=20000, as
 * dispatch over the Postgres store is slower than over the journal store.
 */
describe('kill -9 in the middle of a campaign, over the Postgres store', () => {
  after(() => server.drop({ schema }));
  crashProof('PGlite in a data folder', { recipients: PROOF_RECIPIENTS, env: () => ({ PBX_SMS_CRASH_STORE: POSTGRES_STORE_MODULE }) });
  crashProof('PostgreSQL server', { recipients: PROOF_RECIPIENTS, env: () => ({ PBX_SMS_CRASH_STORE: POSTGRES_STORE_MODULE, PBX_SMS_CRASH_SCHEMA: schema }) });
});
