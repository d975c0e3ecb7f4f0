import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { createSimulatedCarrier } from '../../adapters/simulated-carrier/index.js';
import { createSmsClient } from '../../src/client.js';
import { type ProvisionUser, createLocalBackend } from '../../src/index.js';
import type { Principal } from '../../src/model/index.js';

/** A backend whose host provisions users through `provision`, with an administrator, a department and ext 201. */
async function hostWith(provision: ProvisionUser) {
  const backend = createLocalBackend({ store: createMemoryStore(), carrier: createSimulatedCarrier({ latencyMs: 0 }), provisionUser: provision });
  const admin = createSmsClient({ backend, principal: { userId: 'admin', role: 'admin' } });
  const departmentId = (await admin.directory.createDepartment({ name: 'Sales' })).id;
  const extensionId = (await admin.directory.createExtension({ number: '201', name: 'Desk', departmentId })).id;
  return { backend, admin, departmentId, extensionId };
}

describe('createLocalBackend({ provisionUser })', () => {
  it('stores the user the host gives for a principal it does not know, once', async () => {
    const asked: Principal[] = [];
    const { backend, admin, departmentId, extensionId } = await hostWith((principal) => {
      asked.push(principal);
      return { name: 'Alice from the PBX', role: 'user', departmentId, extensionIds: [extensionId] };
    });
    const alice = createSmsClient({ backend, principal: { userId: 'alice', role: 'user', extensionId } });
    const [first, again] = await Promise.all([alice.directory.me(), alice.directory.me()]);
    assert.equal(first.name, 'Alice from the PBX');
    assert.deepEqual(again, first);
    assert.deepEqual(first.extensionIds, [extensionId]);
    await alice.directory.me();
    assert.ok(asked.length <= 2, 'asked only while the user was unknown');
    assert.deepEqual((await admin.directory.users()).items.map((user) => user.id).sort(), ['admin', 'alice']);
    await backend.close();
  });

  it('refuses the principal when the host returns null, or a role other than the claimed one', async () => {
    const { backend, admin } = await hostWith((principal) => (principal.userId === 'eve' ? { name: 'Eve', role: 'admin' } : null));
    const nobody = createSmsClient({ backend, principal: { userId: 'nobody', role: 'user' } });
    await assert.rejects(nobody.directory.me(), { name: 'PermissionError', code: 'permission.unknown_user' });
    const eve = createSmsClient({ backend, principal: { userId: 'eve', role: 'user' } });
    await assert.rejects(eve.directory.me(), { name: 'PermissionError', code: 'permission.role_mismatch' });
    assert.deepEqual((await admin.directory.users()).items.map((user) => user.id), ['admin']);
    await backend.close();
  });

  it('stores nothing when the host names an extension that does not exist', async () => {
    const { backend, admin } = await hostWith(() => ({ name: 'Ghost', role: 'user', extensionIds: ['no-such-extension'] }));
    const ghost = createSmsClient({ backend, principal: { userId: 'ghost', role: 'user' } });
    await assert.rejects(ghost.directory.me(), { name: 'NotFoundError' });
    assert.deepEqual((await admin.directory.users()).items.map((user) => user.id), ['admin']);
    await backend.close();
  });

  it('still checks the claim against the user it provisioned', async () => {
    const { backend, departmentId } = await hostWith(() => ({ name: 'Bob', role: 'user', departmentId, extensionIds: [] }));
    const bob = createSmsClient({ backend, principal: { userId: 'bob', role: 'user', extensionId: 'x-not-his' } });
    await assert.rejects(bob.directory.me(), { name: 'PermissionError', code: 'permission.extension_not_assigned' });
    await backend.close();
  });
});
