import type { LocalBackend, SmsBackend, SmsClient } from '../../src/index.js';
import { clientFor, createEmptyBackend } from './backends.js';

/** The reasons the large blocklist's imported numbers carry, in turn. */
const IMPORT_REASONS = ['Carrier deactivated number', 'Do-not-contact register', 'Wrong number', 'Asked not to be contacted'];

export interface LargeWorld {
  /** A client of the administrator (named "Jordan Lee" in the directory). */
  admin: SmsClient;
  /** A client of the user of the empty backend. */
  user: SmsClient;
  /** How long seeding took, in milliseconds. */
  seedMs: number;
}

const blocklists = new Map<number, Promise<LargeWorld>>();
const lists = new Map<number, Promise<LargeWorld & { listId: string }>>();

function mobile(index: number): string {
  return `+6141${String(index).padStart(7, '0')}`;
}

/** The world with its seeding time, also logged for whoever opens the story. */
function seeded<T extends object>(what: string, size: number, world: T, started: number): T & { seedMs: number } {
  const seedMs = Math.round(performance.now() - started);
  console.info(`Large ${what}: ${size.toLocaleString('en')} numbers seeded in ${seedMs} ms`);
  return { ...world, seedMs };
}

async function namedWorld() {
  const { backend, user, admin } = await createEmptyBackend();
  const adminClient = clientFor(backend, admin);
  await adminClient.directory.me();
  await adminClient.directory.updateUser(admin.userId, { name: 'Jordan Lee' });
  return { backend: backend as LocalBackend, admin: adminClient, user: clientFor(backend, user) };
}

/**
 * A fresh backend whose blocklist holds `size` numbers: imported ones (through `client.blocklist.import`, 500 a call,
 * as the element imports), then a few blocked by hand and a few opt-out replies. Built once per size and page.
 *
 * @example
 * const { admin, seedMs } = await largeBlocklist(100_000);
 */
export function largeBlocklist(size: number): Promise<LargeWorld> {
  let world = blocklists.get(size);
  if (!world) blocklists.set(size, (world = seedBlocklist(size)));
  return world;
}

async function seedBlocklist(size: number): Promise<LargeWorld> {
  const started = performance.now();
  const { backend, admin, user } = await namedWorld();
  const extra = Math.min(10, size);
  for (let start = 0; start < size - 2 * extra; start += 500) {
    const count = Math.min(500, size - 2 * extra - start);
    const entries = Array.from({ length: count }, (_, offset) => ({
      e164: mobile(start + offset), reason: IMPORT_REASONS[(start + offset) % IMPORT_REASONS.length]!, line: start + offset + 2,
    }));
    await admin.blocklist.import({ entries });
  }
  for (let index = 0; index < extra; index++) {
    await admin.blocklist.add({ e164: mobile(size + index), reason: 'Asked by phone not to be contacted' });
    await backend.inbound.sms({
      providerId: `large-${size}-${index}`, from: mobile(size + extra + index), to: '+61480000900', body: index % 2 ? 'Stop' : 'UNSUBSCRIBE', receivedAt: new Date().toISOString(),
    });
  }
  await backend.idle();
  return seeded('blocklist', size, { admin, user }, started);
}

/**
 * A fresh backend with one list of `size` numbers (merge fields first_name and suburb) made by the user, imported
 * through `client.lists.import` 5,000 a call. Built once per size and page.
 *
 * @example
 * const { user, listId } = await largeList(100_000);
 */
export function largeList(size: number): Promise<LargeWorld & { listId: string }> {
  let world = lists.get(size);
  if (!world) lists.set(size, (world = seedList(size)));
  return world;
}

async function seedList(size: number): Promise<LargeWorld & { listId: string }> {
  const started = performance.now();
  const { admin, user } = await namedWorld();
  const list = await user.lists.create({ name: `Every customer (${size.toLocaleString('en')})` });
  for (let start = 0; start < size; start += 5000) {
    const entries = Array.from({ length: Math.min(5000, size - start) }, (_, offset) => ({
      e164: mobile(start + offset), fields: { first_name: `Customer ${start + offset + 1}`, suburb: (start + offset) % 2 ? 'Bondi' : 'Manly' }, line: start + offset + 2,
    }));
    await user.lists.import(list.id, { fileName: 'every-customer.csv', columns: ['first_name', 'suburb'], entries, errors: [], duplicates: 0 });
  }
  return seeded('list', size, { admin, user, listId: list.id }, started);
}

/**
 * A backend whose file imports go as over a slow connection: the file is taken a twentieth at a time over `ms`,
 * each step told to the caller's `onProgress`, before the engine imports it (the list manager's "Sending…" bar).
 */
export function slowFileImports(backend: SmsBackend, ms = 4000): SmsBackend {
  return {
    ...backend,
    lists: {
      ...backend.lists,
      importFile: async (principal, id, { onProgress, ...input }) => {
        const totalBytes = input.file.size;
        for (let step = 1; step <= 20; step++) {
          await new Promise((resolve) => setTimeout(resolve, ms / 20));
          onProgress?.({ bytes: Math.round((totalBytes * step) / 20), totalBytes });
        }
        return backend.lists.importFile!(principal, id, input);
      },
    },
  };
}
