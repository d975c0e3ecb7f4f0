// `npm start`: the real thing in one Node process. The engine over the Postgres store (PGlite under PBX_SMS_DATA, or
// the PostgreSQL server at DATABASE_URL), the simulated carrier, the demo organisations seeded on the first start
// only, the REST API under /v1 with its live events, and the demo portal, which talks to that API through the HTTP
// backend as any host portal would. PORT and HOST choose where it listens; it prints the URL.
import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import { openDemoBackend, openDemoEngine } from '../../adapters/demo/index.js';
import { createRestServer } from '../../adapters/rest-server/index.js';
import { jwtAuthenticator } from '../../adapters/rest-server/jwt.js';
import { createDemoAssets } from './assets.js';
import { readEnv } from './env.js';
import { signInPeople } from './people.js';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, signInRoutes } from './sign-in.js';
import { openStorage } from './storage.js';
import { textsInRoute } from './texts-in.js';

/** What the live demo changes over the seed: a slow campaign rate, so that a running campaign is seen running. */
const LIVE_OPTIONS = { settings: { segmentsPerSecond: 2 } } as const;

const env = readEnv();
const log = (line: string) => console.log(line);
const storage = await openStorage(env, log);
const demo = storage.seeded ? await openDemoBackend(storage.store, storage.seeded, LIVE_OPTIONS) : await openDemoEngine(storage.store, LIVE_OPTIONS);

// Tokens are signed with a key of this process: a restart signs everyone out, and the portal signs them in again.
const secret = new Uint8Array(randomBytes(32));
const authenticate = jwtAuthenticator({ secret, issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
const api = createRestServer({ backend: demo.backend, authenticate, idempotency: { store: storage.store } });
const assets = await createDemoAssets();
const signIn = signInRoutes({ secret, people: () => signInPeople(demo.backend, demo.operator) });
const textsIn = textsInRoute({ backend: demo.backend, carrier: demo.carrier, authenticate });

async function handle(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (path === '/v1' || path.startsWith('/v1/')) return api.fetch(request);
  if (path === '/demo/texts-in' && request.method === 'POST') return textsIn(request);
  const demoRoute = await signIn(request, path);
  if (demoRoute) return demoRoute;
  if (path === '/favicon.ico') return new Response(null, { status: 204 });
  if (request.method === 'GET' || request.method === 'HEAD') {
    const asset = await assets.serve(path);
    if (asset) return asset;
  }
  return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

const server = serve({ fetch: handle, port: env.PORT, hostname: env.HOST }, (info) => {
  log(`pbx-sms: http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${info.port}/  (data: ${storage.where}; API: /v1, reference: /v1/reference)`);
});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.close();
  await api.close();
  await demo.backend.close();
  await storage.store.close();
  await assets.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
