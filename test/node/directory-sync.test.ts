import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { createSimulatedCarrier } from '../../adapters/simulated-carrier/index.js';
import { type SmsClient, createLocalBackend, createSmsClient } from '../../src/index.js';

// The README's "Keeping the directory in sync with the PBX", as it is written there.

/** What the PBX knows: departments by name, extensions by their number, users by the PBX's own id. */
interface PbxDirectory {
  departments: { name: string; costCode?: string }[];
  extensions: { number: string; name: string; department: string }[];
  users: { id: string; name: string; email?: string; admin: boolean; department: string; extensions: string[] }[];
}

async function all<T>(page: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    items.push(...next.items);
    cursor = next.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** Makes the SMS directory what the PBX says: creates, updates and removes; run it on every change, or nightly. */
async function syncDirectory(admin: SmsClient, pbx: PbxDirectory): Promise<void> {
  const departments = new Map((await all((cursor) => admin.directory.departments({ cursor }))).map((d) => [d.name, d]));
  for (const { name, costCode } of pbx.departments) {
    const known = departments.get(name);
    if (!known) departments.set(name, await admin.directory.createDepartment({ name, costCode }));
    else if (known.costCode !== (costCode ?? null)) await admin.directory.updateDepartment(known.id, { costCode });
  }
  const departmentId = (name: string) => departments.get(name)!.id;

  const extensions = new Map((await all((cursor) => admin.directory.extensions({ cursor }))).map((e) => [e.number, e]));
  for (const { number, name, department } of pbx.extensions) {
    const known = extensions.get(number);
    if (!known) extensions.set(number, await admin.directory.createExtension({ number, name, departmentId: departmentId(department) }));
    else if (known.name !== name || known.departmentId !== departmentId(department)) {
      extensions.set(number, await admin.directory.updateExtension(known.id, { name, departmentId: departmentId(department) }));
    }
  }

  const users = new Map((await all((cursor) => admin.directory.users({ cursor }))).map((u) => [u.id, u]));
  for (const user of pbx.users) {
    const input = {
      name: user.name, email: user.email ?? null, role: user.admin ? ('admin' as const) : ('user' as const),
      departmentId: departmentId(user.department), extensionIds: user.extensions.map((number) => extensions.get(number)!.id),
    };
    if (users.has(user.id)) await admin.directory.updateUser(user.id, input);
    else await admin.directory.createUser({ id: user.id, ...input });
    users.delete(user.id);
  }
  // Whoever the PBX no longer has goes (the last administrator stays: the engine refuses to remove it).
  for (const gone of users.values()) if (gone.id !== admin.principal.userId) await admin.directory.removeUser(gone.id);
  const wanted = new Set(pbx.extensions.map((e) => e.number));
  for (const [number, extension] of extensions) if (!wanted.has(number)) await admin.directory.removeExtension(extension.id);
}

describe("README: keeping the directory in sync with the PBX", () => {
  it('shows this file\'s code as it is', () => {
    const source = readFileSync(new URL(import.meta.url), 'utf8');
    const code = source.slice(source.indexOf('/** What the PBX knows'), source.indexOf('describe(')).trim();
    assert.ok(readFileSync(new URL('../../README.md', import.meta.url), 'utf8').includes(code), 'the README shows the sync as this test runs it');
  });

  it('creates, updates and removes departments, extensions and users as the PBX says, and a second run changes nothing', async () => {
    const backend = createLocalBackend({ store: createMemoryStore(), carrier: createSimulatedCarrier({ seed: 1 }), settings: { defaultCountry: 'AU' } });
    try {
      const admin = createSmsClient({ backend, principal: { userId: 'pbx-sync', role: 'admin' } });
      const pbx: PbxDirectory = {
        departments: [{ name: 'Sales', costCode: 'CC-1' }, { name: 'Support' }],
        extensions: [{ number: '201', name: 'Alice', department: 'Sales' }, { number: '202', name: 'Ben', department: 'Sales' }, { number: '301', name: 'Chloé', department: 'Support' }],
        users: [
          { id: 'pbx-sync', name: 'PBX sync', admin: true, department: 'Support', extensions: [] },
          { id: 'alice', name: 'Alice Nguyen', email: 'alice@acme.example', admin: false, department: 'Sales', extensions: ['201'] },
          { id: 'ben', name: 'Ben Carter', admin: false, department: 'Sales', extensions: ['202'] },
        ],
      };
      await syncDirectory(admin, pbx);
      const users = async () => (await admin.directory.users()).items.map((u) => [u.id, u.name, u.extensionIds.length]).sort();
      assert.deepEqual(await users(), [['alice', 'Alice Nguyen', 1], ['ben', 'Ben Carter', 1], ['pbx-sync', 'PBX sync', 0]]);

      // Ben leaves, Alice is renamed and moves to 301, extension 202 goes, Support gets a cost code.
      pbx.users = [pbx.users[0]!, { ...pbx.users[1]!, name: 'Alice Martin', extensions: ['301'] }];
      pbx.extensions = pbx.extensions.filter((e) => e.number !== '202');
      pbx.departments[1] = { name: 'Support', costCode: 'CC-2' };
      await syncDirectory(admin, pbx);
      assert.deepEqual(await users(), [['alice', 'Alice Martin', 1], ['pbx-sync', 'PBX sync', 0]]);
      const extensions = (await admin.directory.extensions()).items;
      assert.deepEqual(extensions.map((e) => e.number).sort(), ['201', '301']);
      const alice = (await admin.directory.users()).items.find((u) => u.id === 'alice')!;
      assert.deepEqual(alice.extensionIds, [extensions.find((e) => e.number === '301')!.id]);
      assert.equal((await admin.directory.departments()).items.find((d) => d.name === 'Support')!.costCode, 'CC-2');

      const before = JSON.stringify([await admin.directory.users(), await admin.directory.extensions(), await admin.directory.departments()]);
      await syncDirectory(admin, pbx);
      assert.equal(JSON.stringify([await admin.directory.users(), await admin.directory.extensions(), await admin.directory.departments()]), before);
    } finally {
      await backend.close();
    }
  });
});
