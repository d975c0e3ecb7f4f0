import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { createRestServer, jwtAuthenticator, mintToken } from '../../adapters/rest-server/index.js';
import { SECURITY_HEADERS } from '../../adapters/rest-server/security-headers.js';
import type { Principal } from '../../src/model/index.js';
import { REST_BASE_PATH, type RestOperation, restOperations } from '../../src/ports/rest-operations.js';
import type { BackendHarness } from '../contract/backend.contract.js';
import { type World, withWorld } from '../contract/backend/world.js';
import { seedRecords, type SeededRecords } from '../contract/backend/organisation-records.js';
import { createLocalFixture } from '../fixtures/local-backend.js';
import { type WriteRequest, ownerOf, refusedWriteStatus, writeRequests } from '../fixtures/rest-writes.js';

const SECRET = 'authz-matrix-secret-of-at-least-32-bytes!';
const OTHER_SECRET = 'another-secret-that-signed-nothing-here!!';
const ISSUER = 'https://portal.test';
const AUDIENCE = 'pbx-sms';
const MARKER = 'Acmesecret';
const CONCURRENCY = 8;

const harness: BackendHarness = {
  name: 'local',
  capabilities: { manualClock: true, emailToSms: true, crash: true },
  createBackend: (options = {}) => createLocalFixture(options.carrier),
};

type Caller = 'no token' | 'bad signature' | 'expired' | 'operator' | 'admin' | 'user' | 'other user' | 'other organisation';

/** The owner of the records is acme's alice; dave (same organisation, other numbers) and globex's alice are the others. */
async function bearers(w: World): Promise<Record<Caller, string | null>> {
  const mint = (principal: Principal, options: { secret?: string; clock?: { now(): number } } = {}) =>
    mintToken({ secret: options.secret ?? SECRET, issuer: ISSUER, audience: AUDIENCE, principal, ...(options.clock ? { clock: options.clock as never } : {}) });
  const hourAgo = { now: () => Date.now() - 3_600_000, setTimeout: () => 0, clearTimeout: () => undefined };
  return {
    'no token': null,
    'bad signature': await mint(w.principals.alice, { secret: OTHER_SECRET }),
    expired: await mint(w.principals.alice, { clock: hourAgo }),
    operator: await mint({ userId: 'operator', role: 'operator' }),
    admin: await mint(w.principals.admin),
    user: await mint(w.principals.alice),
    'other user': await mint(w.principals.dave),
    'other organisation': await mint(w.twin.principals.alice),
  };
}

/**
 * The operator's writes to an organisation, by method name, each to an organisation of its own made for it (the
 * operator may suspend or delete one: acme would end the matrix); the one to resume is suspended first.
 */
const SCRATCH_WRITES = ['update', 'suspend', 'resume', 'remove'] as const;

async function scratchOrganisations(w: World): Promise<Record<string, { id: string; name: string }>> {
  const made: Record<string, { id: string; name: string }> = {};
  for (const name of SCRATCH_WRITES) {
    const organisation = await w.operator.organisations.create({ id: `scratch-${name}`, name: `Scratch ${name}` });
    made[name] = { id: organisation.id, name: organisation.name };
  }
  await w.operator.organisations.suspend(made.resume!.id);
  return made;
}

/** The id each path parameter takes: one of the owner's (acme alice's) records, or `organisationId` for an organisation. */
function pathOf(operation: RestOperation, w: World, records: SeededRecords, organisationId = w.id): string {
  const byResource: Record<string, string> = {
    conversations: records.inbound.conversationId, messages: records.inbound.messageId, lists: records.lists.sales,
    campaigns: records.campaign, templates: records.templates.personal, contacts: records.contacts.personal,
    numbers: w.num.alice.id, users: 'alice', directory: records.onlyUser, extensions: w.ext.alice, departments: w.dep.sales, keywords: records.keyword,
    uploads: records.upload, organisations: organisationId, 'contact-matches': w.num.alice.e164, blocklist: w.num.alice.e164,
  };
  return operation.path.replace(/\/([a-z-]+)\/\{(\w+)\}/g, (_all, resource: string, name: string) => {
    if (name === 'entryId') return `/${resource}/${encodeURIComponent(records.lists.entry)}`;
    if (name === 'extensionId') return `/${resource}/${encodeURIComponent(w.ext.alice)}`;
    const value = byResource[resource];
    assert.ok(value, `no id for ${operation.path}: add the resource to the matrix`);
    return `/${resource}/${encodeURIComponent(value)}`;
  });
}

/**
 * What must never reach a caller: the ids and texts of alice's own records; for another organisation and the operator,
 * also acme's shared records (contacts, templates, lists, campaign, keyword). Acme's settings are not among them: the
 * operator manages organisations.
 */
function secretsOf(records: SeededRecords, caller: Caller): string[] {
  const alices = [records.contacts.personal, records.templates.personal, records.inbound.conversationId, records.inbound.messageId,
    records.chat.conversationId, records.chat.messageId, records.upload, `Hello ${MARKER}`, `${MARKER} home`, `${MARKER} here`];
  if (caller === 'other user') return alices;
  return [...alices, records.contacts.global, records.templates.global, records.lists.sales, records.lists.shared, records.campaign, records.keyword,
    `${MARKER} mobile`, `Welcome to ${MARKER}`, `${MARKER} sale`, `${MARKER} chorus`];
}

/** Everything of acme's a refused write aims at, read as its owners read it. */
async function ownersView(w: World, records: SeededRecords) {
  const { alice, admin } = w;
  return {
    contacts: [await alice.contacts.get(records.contacts.personal), await admin.contacts.get(records.contacts.global)],
    templates: [await alice.templates.get(records.templates.personal), await admin.templates.get(records.templates.global)],
    conversations: (await alice.conversations.list()).items,
    messages: (await alice.messages.list(records.inbound.conversationId)).items,
    chat: (await alice.messages.list(records.chat.conversationId)).items,
    campaigns: (await alice.campaigns.list()).items,
    upload: await alice.campaigns.getUpload(records.upload),
    lists: (await alice.lists.list()).items,
    entries: (await alice.lists.entries(records.lists.sales)).items,
    shared: (await admin.lists.entries(records.lists.shared)).items,
    personalContacts: (await alice.contacts.list({ scope: 'personal' })).items,
    personalTemplates: (await alice.templates.list({ scope: 'personal' })).items,
    blocklist: (await admin.blocklist.list()).items,
    keywords: (await admin.keywords.list()).items,
    numbers: (await admin.numbers.list()).items,
    routing: (await admin.numbers.get(w.num.alice.id)).routing,
    // When each was last seen changes with every request they make, refused or not.
    users: (await admin.directory.users()).items.map(({ lastSeenAt: _seen, ...user }) => user),
    extensions: (await admin.directory.extensions()).items,
    departments: (await admin.directory.departments()).items,
    settings: await admin.settings.get(),
    organisation: await w.operator.organisations.get(w.id),
  };
}

/** The request's body: each `body` argument is the whole of it, each `field` one member; both checked with their schema. */
function bodyOf(operation: RestOperation, request: WriteRequest, where: string): string | undefined {
  for (const argument of operation.args) {
    if (argument.in !== 'body' && argument.in !== 'field') continue;
    assert.ok(request.body, `${where}: no request body in writeRequests`);
    const value = argument.in === 'body' ? request.body : request.body[argument.name];
    const parsed = argument.schema.safeParse(value);
    assert.ok(parsed.success, `${where}: the example ${argument.name} is not valid: ${parsed.error?.message}`);
  }
  return request.body ? JSON.stringify(request.body) : undefined;
}

async function inBatches<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < items.length) await run(items[next++]!);
  }));
}

describe('REST server: the authorisation matrix', () => {
  it('answers every route of the table, for every caller: each write with a valid body gets its exact status and a refused one changes nothing; never another side\'s data', withWorld(harness, async (w) => {
    const records = await seedRecords(w.fx, w, { marker: MARKER, blocked: [], onlyUser: 'yuri', shortCode: '55190' });
    const server = createRestServer({ backend: w.fx.backend, authenticate: jwtAuthenticator({ secret: SECRET, issuer: ISSUER, audience: AUDIENCE }) });
    const tokens = await bearers(w);
    const callers = Object.keys(tokens) as Caller[];
    const routes = restOperations();
    const requests = writeRequests(w, records);
    const scratch = await scratchOrganisations(w);
    const failures: string[] = [];
    const call = async (caller: Caller, { group, name, operation }: (typeof routes)[number]) => {
      // A route taking a file as it is gets a small CSV file; the others JSON.
      const file = operation.args.some((arg) => arg.in === 'file');
      const headers: Record<string, string> = { 'content-type': file ? 'text/csv' : 'application/json' };
      if (tokens[caller]) headers.authorization = `Bearer ${tokens[caller]}`;
      const method = operation.method;
      const write = method !== 'GET';
      const ownOrganisation = caller === 'operator' && write && group === 'organisations' ? scratch[name] : undefined;
      const path = pathOf(operation, w, records, ownOrganisation?.id);
      let request = requests[`${group}.${name}`] ?? {};
      if (ownOrganisation && request.query) request = { query: { confirmName: ownOrganisation.name } };
      const body = file ? `mobile\n${w.num.alice.e164}\n` : bodyOf(operation, request, `${group}.${name}`);
      if (file) headers['content-length'] = String(Buffer.byteLength(body!));
      const query = request.query ? `?${new URLSearchParams(request.query)}` : '';
      const response = await server.fetch(new Request(`http://localhost${REST_BASE_PATH}${path}${query}`, { method, headers, body }));
      const text = await response.text();
      const where = `${caller} ${method} ${path} (${group}.${name}): ${response.status}`;
      if (response.headers.get('x-content-type-options') !== 'nosniff' || !response.headers.get('x-frame-options')) failures.push(`${where}: no security headers`);
      if (response.status >= 500) failures.push(`${where} ${text.slice(0, 200)}`);
      if (['no token', 'bad signature', 'expired'].includes(caller)) {
        if (response.status !== 401) failures.push(`${where}: expected 401`);
        return;
      }
      if (response.status === 401) failures.push(`${where}: a valid token refused`);
      if (caller === 'admin' || caller === 'user') return;
      if (write) {
        const expected = refusedWriteStatus(caller as 'operator' | 'other user' | 'other organisation', group, name, operation.status);
        if (response.status !== expected) failures.push(`${where}: expected ${expected} ${text.slice(0, 160)}`);
      }
      if (response.status < 300) {
        const leaked = secretsOf(records, caller).filter((secret) => text.includes(secret));
        if (leaked.length > 0) failures.push(`${where}: carries ${leaked.join(', ')}`);
        if (caller === 'other organisation' && /\{(id|entryId|extensionId)\}/.test(operation.path)) failures.push(`${where}: an acme id answered for globex`);
      }
    };
    const attackers = callers.filter((caller) => caller !== 'admin' && caller !== 'user');
    const started = Date.now();
    const before = await ownersView(w, records);
    await inBatches(attackers.flatMap((caller) => routes.map((route) => [caller, route] as const)), ([caller, route]) => call(caller, route));
    // The refused writes changed nothing of acme's, as its owners read it.
    assert.deepEqual(await ownersView(w, records), before);
    assert.deepEqual(failures.splice(0), []);
    // The same requests, from who has the right, succeed: what the others got was the answer about their rights, not
    // about the request (the operator's organisation writes above already succeeded, on organisations of their own).
    for (const { group, name, operation } of routes) {
      const request = requests[`${group}.${name}`];
      const owner = ownerOf(group, name);
      if (!request || owner === 'operator') continue;
      const response = await server.fetch(new Request(`http://localhost${REST_BASE_PATH}${pathOf(operation, w, records)}`, {
        method: operation.method, headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[owner]}` }, body: bodyOf(operation, request, `${group}.${name}`),
      }));
      if (response.status !== operation.status) failures.push(`${owner} ${operation.method} ${operation.path} (${group}.${name}): ${response.status}, expected ${operation.status} ${(await response.text()).slice(0, 160)}`);
    }
    await inBatches(['admin', 'user'].flatMap((caller) => routes.map((route) => [caller as Caller, route] as const)), ([caller, route]) => call(caller, route));
    assert.deepEqual(failures, []);
    assert.ok(routes.length > 90, `${routes.length} routes`);
    process.stdout.write(`# authz matrix: ${routes.length} routes × ${callers.length} callers in ${Date.now() - started} ms\n`);
    await server.close();
  }));

  it('gives a disallowed origin no Access-Control-Allow-Origin, and an allowed one its own', async () => {
    const server = createRestServer({ backend: {} as never, authenticate: () => null, cors: { origins: ['https://portal.example.com'] } });
    const preflight = (origin: string) => server.fetch(new Request('http://localhost/v1/messages', {
      method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    }));
    assert.equal((await preflight('https://evil.example.com')).headers.get('access-control-allow-origin'), null);
    assert.equal((await preflight('https://portal.example.com')).headers.get('access-control-allow-origin'), 'https://portal.example.com');
    const simple = await server.fetch(new Request('http://localhost/v1/me', { headers: { origin: 'https://evil.example.com' } }));
    assert.equal(simple.status, 401);
    assert.equal(simple.headers.get('access-control-allow-origin'), null);
  });

  it("gives every response the same security headers: routes, replays, problems, hono's own, with and without CORS", withWorld(harness, async (w) => {
    const server = createRestServer({ backend: w.fx.backend, authenticate: () => w.principals.alice, cors: { origins: ['https://portal.example.com'] } });
    const get = (path: string, headers: Record<string, string> = {}) => server.fetch(new Request(`http://localhost${path}`, { headers }));
    const send = () => server.fetch(new Request('http://localhost/v1/messages', {
      method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'headers-1' }, body: JSON.stringify({ channel: 'sms', to: '+61412000001', body: 'Hi' }),
    }));
    const answers = {
      route: await get('/v1/me'),
      'route, allowed origin': await get('/v1/me', { origin: 'https://portal.example.com' }),
      sent: await send(),
      replayed: await send(),
      'not found': await get('/v1/nothing-here'),
      document: await get('/v1/openapi.json'),
      preflight: await server.fetch(new Request('http://localhost/v1/messages', {
        method: 'OPTIONS', headers: { origin: 'https://portal.example.com', 'access-control-request-method': 'POST' },
      })),
    };
    for (const [what, response] of Object.entries(answers)) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) assert.equal(response.headers.get(name), value, `${what}: ${name}`);
      assert.equal(response.headers.get('x-powered-by'), null, what);
    }
    assert.deepEqual([answers.route.status, answers.route.headers.get('content-type'), answers.route.headers.get('access-control-allow-origin')], [200, 'application/json', null]);
    assert.equal(answers['route, allowed origin'].headers.get('access-control-allow-origin'), 'https://portal.example.com');
    assert.deepEqual([answers.sent.status, answers.replayed.status, answers.replayed.headers.get('idempotent-replayed')], [201, 201, 'true']);
    assert.equal(await answers.replayed.text(), await answers.sent.text());
    assert.equal(answers['not found'].status, 404);
    await server.close();
  }));

  it('refuses an Idempotency-Key with control characters or CR/LF, and never echoes it', withWorld(harness, async (w) => {
    const server = createRestServer({ backend: w.fx.backend, authenticate: () => w.principals.alice });
    const send = (key: string) => server.fetch(new Request('http://localhost/v1/messages', {
      method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify({ channel: 'sms', to: '+61412000001', body: 'Hi' }),
    }));
    for (const key of ['a\tb', 'é', 'k'.repeat(256)]) {
      const response = await send(key);
      assert.equal(response.status, 400, JSON.stringify(key));
      assert.equal(((await response.json()) as { field: string }).field, 'Idempotency-Key');
    }
    assert.deepEqual(w.fx.sent(), []);
    const listening = await server.listen({ hostname: '127.0.0.1' });
    try {
      const { port } = new URL(listening.url);
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write('POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nIdempotency-Key: a\rSet-Cookie: x=1\r\nContent-Length: 2\r\n\r\n{}');
        });
        let text = '';
        socket.setTimeout(5000, () => socket.destroy(new Error('no answer in 5 s')));
        socket.on('data', (chunk) => (text += chunk.toString('latin1')));
        socket.on('end', () => resolve(text));
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
      });
      assert.match(raw, /^HTTP\/1\.1 400/);
      assert.doesNotMatch(raw, /set-cookie/i);
    } finally {
      await listening.close();
    }
    assert.deepEqual(w.fx.sent(), []);
  }));
});
