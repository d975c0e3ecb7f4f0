// A web-test-runner plugin that gives browser tests a real REST server (test/fixtures/wire-world.ts): the command
// `wire-server-open` ({ origin }) opens a fresh one on 127.0.0.1 at a free port and answers its URL, tokens and ids;
// `wire-server-close` ({ url }) closes it. Servers live in the test runner's process, so they end with it however the
// run ends; those a test left open are closed when the runner stops. Nothing starts unless a test asks.
import { tsImport } from 'tsx/esm/api';

const OPEN_TIMEOUT_MS = 20_000;

export function wireServerPlugin() {
  /** Open worlds by URL. */
  const worlds = new Map();
  let fixture;

  async function open(payload) {
    if (typeof payload?.origin !== 'string') throw new Error('wire-server-open needs { origin }: the page\'s origin, which the server allows.');
    fixture ??= tsImport('../test/fixtures/wire-world.ts', import.meta.url);
    const { openWireWorld } = await fixture;
    let timer;
    const timeout = new Promise((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`The wire server did not open within ${OPEN_TIMEOUT_MS} ms.`)), OPEN_TIMEOUT_MS);
    });
    const opening = openWireWorld({ origin: payload.origin });
    try {
      const world = await Promise.race([opening, timeout]);
      worlds.set(world.info.url, world);
      return world.info;
    } catch (error) {
      void opening.then((world) => world.close(), () => undefined);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async function close(url) {
    const world = worlds.get(url);
    worlds.delete(url);
    await world?.close();
    return world !== undefined;
  }

  return {
    name: 'wire-server',
    async executeCommand({ command, payload }) {
      if (command === 'wire-server-open') return open(payload);
      if (command === 'wire-server-close') return close(payload?.url);
      return undefined;
    },
    async serverStop() {
      await Promise.all([...worlds.keys()].map(close));
    },
  };
}
