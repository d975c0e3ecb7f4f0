import { runPostgresBackendContract } from '../fixtures/postgres-backend.js';

// PGlite, in a `memory://` instance closed after the file. The server's run is a file of its own
// (backend-postgres-server.test.ts), so that the two run side by side.
runPostgresBackendContract('pglite');
