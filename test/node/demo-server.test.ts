import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

/** `npm start`'s server in a child process, on a free port of 127.0.0.1, over a data folder of the test's. */
interface Started {
  child: ChildProcess;
  url: string;
  output: string[];
}

const START_TIMEOUT_MS = 180_000;

async function start(dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PBX_SMS_DATA: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start in time:\n${output.join('')}`)), START_TIMEOUT_MS);
    const read = (chunk: Buffer) => {
      output.push(chunk.toString());
      const found = /pbx-sms: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output.join(''));
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}):\n${output.join('')}`));
    });
  });
  return { child, url, output };
}

async function stop(started: Started): Promise<void> {
  if (started.child.exitCode !== null) return;
  const exited = new Promise((resolve) => started.child.once('exit', resolve));
  started.child.kill('SIGTERM');
  const timer = setTimeout(() => started.child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

interface Person {
  key: string | null;
  organisationId: string | null;
  principal: { userId: string };
}

async function signIn(url: string, organisationId: string | null, userId: string): Promise<string> {
  const response = await fetch(new URL('/demo/sign-in', url), {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ organisationId, userId }),
  });
  assert.equal(response.status, 200);
  return ((await response.json()) as { token: string }).token;
}

/** Reads an event stream until `text` appears in it, or fails after `timeoutMs`. */
async function streamUntil(url: string, token: string, text: string, timeoutMs: number, opened: () => void): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(new URL('/v1/events', url), { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: controller.signal });
    assert.equal(response.status, 200);
    opened();
    const decoder = new TextDecoder();
    const reader = response.body!.getReader();
    let seen = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return seen;
      seen += decoder.decode(value, { stream: true });
      if (seen.includes(text)) return seen;
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

describe('npm start: the real server (engine, embedded PostgreSQL, REST API, demo portal)', () => {
  let dataDir: string;
  let server: Started;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pbx-sms-start-'));
    server = await start(dataDir);
  });

  after(async () => {
    if (server) await stop(server);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('seeds the demo organisations on the first start, and lists their people for the sign-in', async () => {
    assert.match(server.output.join(''), /First start: seeding/);
    const people = (await (await fetch(new URL('/demo/people', server.url))).json()) as Person[];
    const keys = people.filter((person) => person.organisationId === 'default').map((person) => person.key);
    assert.deepEqual(keys.sort(), ['admin', 'alice', 'ben', 'chloe', 'dev']);
    assert.ok(people.some((person) => person.organisationId === 'globex'));
    assert.ok(people.some((person) => person.key === 'operator'));
  });

  it('serves the portal page and its bundle, and nothing outside them', async () => {
    const page = await fetch(server.url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /name="pbx-sms-server"/);
    const bundle = await fetch(new URL('/main.js', server.url));
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
    await bundle.arrayBuffer();
    for (const path of ['/server/main.ts', '/server/env.ts', '/%2e%2e/package.json', '/..%2fpackage.json', '/portal.ts']) {
      const response = await fetch(new URL(path, server.url));
      assert.equal(response.status, 404, path);
      await response.arrayBuffer();
    }
  });

  it('refuses a sign-in that is not JSON, names no one, or names an organisation that is not there', async () => {
    const post = (body: string, type = 'application/json') => fetch(new URL('/demo/sign-in', server.url), { method: 'POST', headers: { 'content-type': type }, body });
    assert.equal((await post('{')).status, 400);
    assert.equal((await post('{"userId":"demo-alice"}')).status, 400);
    assert.equal((await post('{"organisationId":"default","userId":"nobody"}')).status, 404);
    assert.equal((await post('{"organisationId":"nowhere","userId":"demo-alice"}')).status, 404);
    assert.equal((await post('userId=demo-alice', 'application/x-www-form-urlencoded')).status, 415);
    assert.equal((await fetch(new URL('/v1/conversations', server.url))).status, 401);
  });

  it('signs the operator in for support in an organisation: reads only, each recorded in its trail', async () => {
    const token = await signIn(server.url, 'globex', 'demo-operator');
    const call = (path: string, init: RequestInit = {}) =>
      fetch(new URL(`/v1${path}`, server.url), { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
    const numbers = await call('/numbers');
    assert.equal(numbers.status, 200);
    await numbers.arrayBuffer();
    const write = await call('/numbers', { method: 'POST', body: JSON.stringify({ e164: '+61480000999', label: 'Support' }) });
    assert.equal(write.status, 403);
    await write.arrayBuffer();
    const admin = await signIn(server.url, 'globex', 'demo-admin');
    const trail = (await (await fetch(new URL('/v1/support-access', server.url), { headers: { authorization: `Bearer ${admin}` } })).json()) as { items: { operatorId: string; action: string }[] };
    assert.ok(trail.items.some((entry) => entry.operatorId === 'demo-operator' && entry.action === 'numbers.list'));
  });

  it('shows one person what another sends, live, and keeps it across a restart', async () => {
    const alice = await signIn(server.url, 'default', 'demo-alice');
    const ben = await signIn(server.url, 'default', 'demo-ben');
    const body = `Lunch at 12? ${Date.now()}`;
    let opened!: () => void;
    const streamOpen = new Promise<void>((resolve) => (opened = resolve));
    const received = streamUntil(server.url, ben, body, 30_000, opened);
    await streamOpen;
    const sent = await fetch(new URL('/v1/messages', server.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${alice}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'chat', toUserId: 'demo-ben', body }),
    });
    assert.equal(sent.status, 201, await sent.clone().text());
    assert.match(await received, /event: message\.received/);

    await stop(server);
    server = await start(dataDir);
    assert.doesNotMatch(server.output.join(''), /First start/);
    const again = await signIn(server.url, 'default', 'demo-ben');
    const conversations = (await (await fetch(new URL('/v1/conversations?limit=50', server.url), { headers: { authorization: `Bearer ${again}` } })).json()) as {
      items: { lastMessage: { body: string } | null }[];
    };
    assert.ok(conversations.items.some((conversation) => conversation.lastMessage?.body === body), 'the message survived the restart');
  });
});
