import { after, before } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { createPostgresStore } from '../../adapters/postgres-store/index.js';
import { runStoreContract } from '../contract/store.contract.js';

let pglite: PGlite;
let sequence = 0;
before(async () => {
  pglite = await PGlite.create('memory://');
});
after(async () => {
  await pglite.close();
});

runStoreContract({
  name: 'postgres (PGlite)',
  create: () => createPostgresStore({ pglite, schema: `contract_${++sequence}` }),
  cleanup: async () => {
    await pglite.exec(`DROP SCHEMA contract_${sequence} CASCADE; DROP OWNED BY contract_${sequence}_app, contract_${sequence}_across; DROP ROLE contract_${sequence}_app; DROP ROLE contract_${sequence}_across;`);
  },
});
