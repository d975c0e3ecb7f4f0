import { runPostgresBackendContract } from '../fixtures/postgres-backend.js';

// The PostgreSQL server that `npm run test:node` starts (PBX_SMS_TEST_DATABASE_URL), through a pool of connections: the
// engine's store calls run side by side, as in production. A file of its own, so that it runs beside the PGlite one.
runPostgresBackendContract('server');
