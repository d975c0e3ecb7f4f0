import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { createHttpBackend } from '../../adapters/http/index.js';
import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { type ListeningServer, createRestServer } from '../../adapters/rest-server/index.js';
import { createSimulatedCarrier } from '../../adapters/simulated-carrier/index.js';
import { createSmsClient, type SmsClient } from '../../src/client.js';
import { createLocalBackend, type LocalBackend } from '../../src/engine/local-backend.js';
import { isRecipientFileError } from '../../src/errors/recipient-file-error.js';
import { authenticate, tokenFor } from '../fixtures/http-backend.js';
import { salesDesk } from '../fixtures/sales-desk.js';

/** The server's cap, below the engine's (128 MiB): the server refuses first. */
const FILE_BYTES = 32 * 1024;
const CSV = 'mobile,name\n0412 000 001,Ann\n0412 000 002,Ben\n';

/**
 * Sends headers announcing `length` bytes and only `sent` of them, then waits (at most 5 s) for the answer: a server
 * that read the whole body first would never answer.
 */
function partialUpload(url: string, path: string, headers: Record<string, string>, sent: number): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const call = request(`${url}${path}`, { method: 'POST', headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        clearTimeout(timer);
        call.destroy();
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> });
      });
    });
    const timer = setTimeout(() => {
      call.destroy();
      reject(new Error('No answer within 5 s: the server waited for the whole body.'));
    }, 5000);
    call.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    call.write('mobile\n' + '0412 000 001\n'.repeat(Math.ceil(sent / 13)));
  });
}

describe('REST server: recipient files sent as they are', () => {
  let backend: LocalBackend;
  let server: ListeningServer;
  let alice: SmsClient;
  let auth: Record<string, string>;

  before(async () => {
    backend = createLocalBackend({ store: createMemoryStore(), carrier: createSimulatedCarrier({ latencyMs: 0 }), settings: { defaultCountry: 'AU' } });
    alice = (await salesDesk(backend)).alice;
    server = await createRestServer({ backend, authenticate, limits: { fileBytes: FILE_BYTES } }).listen({ hostname: '127.0.0.1' });
    auth = { authorization: `Bearer ${tokenFor(alice.principal)}` };
  });

  after(async () => {
    await server.close();
    await backend.close();
  });

  it('refuses a body over the cap with 413 from its Content-Length, before reading it, writing nothing', async () => {
    const list = await alice.lists.create({ name: 'Too big' });
    const answer = await partialUpload(server.url, `/v1/lists/${list.id}/file-imports`, { ...auth, 'content-type': 'text/csv', 'content-length': String(100 * 1024 * 1024) }, 1024);
    assert.deepEqual([answer.status, answer.body.name, answer.body.code], [413, 'RecipientFileError', 'recipients.too_large']);
    assert.equal((await alice.lists.get(list.id)).entryCount, 0);
    // Over the HTTP backend, the same refusal is the error the engine throws.
    const http = createSmsClient({ backend: createHttpBackend({ baseUrl: server.url, token: tokenFor }), principal: alice.principal });
    const error = await http.campaigns.uploadFile!({ file: new Blob(['x'.repeat(FILE_BYTES + 1)]) }).catch((failure: unknown) => failure);
    assert.ok(isRecipientFileError(error) && error.code === 'recipients.too_large', String(error));
  });

  it('refuses a body without a Content-Length (411) or of another media type (415)', async () => {
    const list = await alice.lists.create({ name: 'Refused' });
    const url = `${server.url}/v1/lists/${list.id}/file-imports`;
    const chunked = await fetch(url, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: new Blob([CSV]).stream(), duplex: 'half' } as RequestInit);
    assert.equal(chunked.status, 411);
    const json = await fetch(url, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ entries: [] }) });
    assert.equal(json.status, 415);
    assert.equal((await alice.lists.get(list.id)).entryCount, 0);
  });

  it('replays an import sent again with its Idempotency-Key, importing once', async () => {
    const list = await alice.lists.create({ name: 'Once' });
    const send = () => fetch(`${server.url}/v1/lists/${list.id}/file-imports?fileName=once.csv`, {
      method: 'POST', headers: { ...auth, 'content-type': 'text/csv', 'idempotency-key': 'import-1' }, body: new Blob([CSV]),
    });
    const first = await send();
    const again = await send();
    assert.deepEqual([first.status, again.status, again.headers.get('idempotent-replayed')], [201, 201, 'true']);
    assert.deepEqual(await again.json(), await first.json());
    const stored = await alice.lists.get(list.id);
    assert.deepEqual([stored.entryCount, stored.lastImport?.added, stored.lastImport?.fileName], [2, 2, 'once.csv']);
  });
});
