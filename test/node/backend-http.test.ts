import { runBackendContract } from '../contract/backend.contract.js';
import { createHttpFixture } from '../fixtures/http-backend.js';

runBackendContract({
  name: 'HTTP backend ↔ REST server on 127.0.0.1 ↔ local engine + memory store, manual clock',
  capabilities: { manualClock: true, emailToSms: true, crash: true },
  createBackend: (options = {}) => createHttpFixture(options.carrier),
});
