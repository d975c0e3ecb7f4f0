import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BackendHarness } from '../backend.contract.js';
import { NUMBERS, handset, record, rejects, withWorld } from './world.js';

export function contactsContract(h: BackendHarness): void {
  describe('contacts', () => {
    it('keeps global contacts written by administrators and read by everyone', withWorld(h, async (w) => {
      const bob = await w.admin.contacts.create({ scope: 'global', name: 'Bob Smith', numbers: [{ e164: handset(1), label: 'Mobile' }] });
      assert.equal(bob.scope, 'global');
      assert.equal(bob.ownerId, null);
      for (const client of [w.alice, w.carol, w.admin]) {
        assert.deepEqual((await client.contacts.list()).items.map((contact) => contact.id), [bob.id]);
        assert.equal((await client.contacts.get(bob.id)).name, 'Bob Smith');
      }
      await rejects(w.alice.contacts.create({ scope: 'global', name: 'Mallory', numbers: [{ e164: handset(2) }] }), 'PermissionError');
      await rejects(w.alice.contacts.update(bob.id, { name: 'Bobby' }), 'PermissionError');
      await rejects(w.alice.contacts.remove(bob.id), 'PermissionError');
      assert.equal((await w.admin.contacts.update(bob.id, { name: 'Robert Smith' })).name, 'Robert Smith');
      await w.admin.contacts.remove(bob.id);
      await rejects(w.alice.contacts.get(bob.id), 'NotFoundError');
    }));

    it('keeps personal contacts to their owner', withWorld(h, async (w) => {
      const mum = await w.alice.contacts.create({ scope: 'personal', name: 'Mum', numbers: [{ e164: handset(3), label: 'Home' }] });
      assert.equal(mum.ownerId, 'alice');
      assert.deepEqual((await w.alice.contacts.list({ scope: 'personal' })).items.map((contact) => contact.id), [mum.id]);
      assert.deepEqual((await w.bob.contacts.list()).items, []);
      await rejects(w.bob.contacts.get(mum.id), 'NotFoundError');
      await rejects(w.bob.contacts.update(mum.id, { name: 'Not mine' }), 'NotFoundError');
      await rejects(w.bob.contacts.remove(mum.id), 'NotFoundError');
      assert.equal(await w.bob.contacts.resolve(handset(3)), null);
      assert.equal((await w.alice.contacts.update(mum.id, { name: 'Mother' })).name, 'Mother');
    }));

    it('recognises a number as "Name – Label", personal contacts first, unknown numbers as null', withWorld(h, async (w) => {
      await w.admin.contacts.create({ scope: 'global', name: 'Bob Smith', numbers: [{ e164: handset(1), label: 'Mobile' }, { e164: handset(2), label: 'Work' }] });
      assert.equal((await w.alice.contacts.resolve(handset(1)))?.display, 'Bob Smith – Mobile');
      assert.equal((await w.alice.contacts.resolve('0412 000 002'))?.display, 'Bob Smith – Work');
      await w.alice.contacts.create({ scope: 'personal', name: 'Bobby', numbers: [{ e164: handset(1), label: 'Cell' }] });
      assert.equal((await w.alice.contacts.resolve(handset(1)))?.display, 'Bobby – Cell');
      assert.equal((await w.carol.contacts.resolve(handset(1)))?.display, 'Bob Smith – Mobile');
      assert.equal(await w.alice.contacts.resolve(handset(9)), null);
    }));

    it('names the peer of a conversation after the contact', withWorld(h, async (w) => {
      await w.admin.contacts.create({ scope: 'global', name: 'Bob Smith', numbers: [{ e164: handset(1), label: 'Mobile' }] });
      await w.fx.inject({ from: handset(1), to: NUMBERS.alice, body: 'Hi' });
      await w.fx.inject({ from: handset(2), to: NUMBERS.alice, body: 'Who am I?' });
      await w.fx.settle();
      const byPeer = new Map((await w.alice.conversations.list()).items.map((conversation) => [conversation.peer, conversation]));
      assert.equal(byPeer.get(handset(1))?.peerName, 'Bob Smith – Mobile');
      assert.equal(byPeer.get(handset(2))?.peerName, null);
      assert.equal(byPeer.get(handset(2))?.contact, null);
    }));

    it('tells those who see a contact that it changed, with how each of them now recognises its numbers', withWorld(h, async (w) => {
      const [alice, bob, admin] = [record(w.alice, 'contact.changed'), record(w.bob, 'contact.changed'), record(w.admin, 'contact.changed')];
      const seen = (events: typeof alice.events) => events.map(({ action, numbers }) => [action, numbers.map(({ e164, contact }) => [e164, contact?.display ?? null])]);

      const mum = await w.alice.contacts.create({ scope: 'personal', name: 'Mum', numbers: [{ e164: handset(1), label: 'Home' }] });
      const shop = await w.admin.contacts.create({ scope: 'global', name: 'Shop', numbers: [{ e164: handset(1), label: 'Work' }, { e164: handset(2), label: 'Work' }] });
      await w.admin.contacts.update(shop.id, { name: 'The Shop', numbers: [{ e164: handset(3), label: 'Work' }] });
      await w.alice.contacts.remove(mum.id);
      await w.fx.settle();

      assert.deepEqual(alice.events.map((event) => event.contactId), [mum.id, shop.id, shop.id, mum.id]);
      assert.deepEqual(seen(alice.events), [
        ['created', [[handset(1), 'Mum – Home']]],
        ['created', [[handset(1), 'Mum – Home'], [handset(2), 'Shop – Work']]],
        ['updated', [[handset(1), 'Mum – Home'], [handset(2), null], [handset(3), 'The Shop – Work']]],
        ['removed', [[handset(1), null]]],
      ], 'her personal contact first; then the number is unknown again');
      assert.deepEqual(seen(bob.events), [
        ['created', [[handset(1), 'Shop – Work'], [handset(2), 'Shop – Work']]],
        ['updated', [[handset(1), null], [handset(2), null], [handset(3), 'The Shop – Work']]],
      ], 'global contacts to everyone, nobody else\'s personal ones');
      assert.deepEqual(seen(admin.events), seen(bob.events));
      for (const recorded of [alice, bob, admin]) recorded.stop();
    }));

    it('finds a contact by name, company or a number as it is typed', withWorld(h, async (w) => {
      const bob = await w.admin.contacts.create({ scope: 'global', name: 'Bob Smith', company: 'Acme Plumbing', numbers: [{ e164: handset(1) }, { e164: '+61298765432', label: 'Work' }] });
      await w.admin.contacts.create({ scope: 'global', name: 'Carla Diaz', numbers: [{ e164: handset(2) }] });
      const found = async (query: string) => (await w.alice.contacts.list({ query })).items.map((contact) => contact.id);
      for (const query of ['bob', 'PLUMB', '0412 000 001', '+61 412 000 001', '(02) 9876 5432', '9876 54', handset(1)]) {
        assert.deepEqual(await found(query), [bob.id], query);
      }
      assert.deepEqual(await found('0499 999 999'), []);
    }));

    it('imports a contact file: rows of one name make one contact, refused rows are told by line and the others kept', withWorld(h, async (w) => {
      const changed = record(w.alice, 'contact.changed');
      const before = await w.alice.contacts.create({ scope: 'personal', name: 'Mum', numbers: [{ e164: handset(1), label: 'Home' }] });
      const result = await w.alice.contacts.import({ scope: 'personal', rows: [
        { line: 2, name: 'Bob Smith', e164: '0412 000 002', label: 'Mobile', company: 'Acme' },
        { line: 3, name: '  bob smith ', e164: '+61 2 9876 5432', label: 'Work', email: 'bob@example.com' },
        { line: 4, name: '', e164: handset(3) },
        { line: 5, name: 'Eve', e164: 'call me' },
        { line: 6, name: 'MUM', e164: handset(4), label: '' },
        { line: 7, name: 'Eve', e164: handset(5), email: 'not an address' },
        { line: 8, name: 'Eve', e164: handset(6), label: 'Other' },
      ] });
      assert.deepEqual({ added: result.added, updated: result.updated }, { added: 2, updated: 1 });
      assert.deepEqual(result.errors.map(({ line, code }) => [line, code]), [[4, 'contact.name_missing'], [5, result.errors[1]!.code], [7, 'contact.email_invalid']]);
      assert.match(result.errors[1]!.code, /^phone\./);
      const mine = new Map((await w.alice.contacts.list({ scope: 'personal' })).items.map((contact) => [contact.name, contact]));
      assert.deepEqual([...mine.keys()].sort(), ['Bob Smith', 'Eve', 'Mum']);
      assert.deepEqual(mine.get('Bob Smith')?.numbers, [{ e164: handset(2), label: 'Mobile' }, { e164: '+61298765432', label: 'Work' }]);
      assert.equal(mine.get('Bob Smith')?.company, 'Acme');
      assert.equal(mine.get('Bob Smith')?.email, 'bob@example.com');
      assert.equal(mine.get('Mum')?.id, before.id, 'merged into the contact of that name');
      assert.deepEqual(mine.get('Mum')?.numbers, [{ e164: handset(1), label: 'Home' }, { e164: handset(4), label: 'Mobile' }]);
      assert.equal((await w.alice.contacts.resolve(handset(6)))?.display, 'Eve – Other');
      assert.deepEqual((await w.bob.contacts.list()).items, [], 'personal contacts stay their owner\'s');
      await w.fx.settle();
      assert.ok(changed.events.some((event) => event.numbers.some(({ e164, contact }) => e164 === handset(2) && contact?.display === 'Bob Smith – Mobile')));
      changed.stop();
      await rejects(w.alice.contacts.import({ scope: 'global', rows: [{ line: 2, name: 'Shop', e164: handset(7) }] }), 'PermissionError');
      await rejects(w.admin.contacts.import({ scope: 'personal', rows: [{ line: 2, name: 'Shop', e164: handset(7) }] }), 'PermissionError');
      const global = await w.admin.contacts.import({ scope: 'global', rows: [{ line: 2, name: 'Shop', e164: handset(7), label: 'Work' }] });
      assert.deepEqual(global, { added: 1, updated: 0, errors: [] });
      assert.equal((await w.carol.contacts.resolve(handset(7)))?.display, 'Shop – Work');
    }));

    it('finds users in the chat directory by name', withWorld(h, async (w) => {
      const found = await w.alice.directory.search({ query: 'car' });
      assert.deepEqual(found.items.map((user) => user.id), ['carol']);
      assert.equal(found.items[0]?.extension, '203');
      const everyone = await w.alice.directory.search();
      assert.deepEqual(everyone.items.map((user) => user.name), ['Alice Adams', 'Bob Brown', 'Carol Chen', 'Dave Diaz', 'Erin Evans']);
    }));

    it('looks up one person of the chat directory by id, as the colleague who sent a message', withWorld(h, async (w) => {
      const carol = await w.alice.directory.get('carol');
      assert.deepEqual([carol.id, carol.name, carol.extension], ['carol', 'Carol Chen', '203']);
      assert.deepEqual(await w.admin.directory.get('alice'), (await w.bob.directory.search({ query: 'Alice' })).items[0]);
      // Administrators are not in the chat directory, and an unknown id is unknown.
      await rejects(w.alice.directory.get(w.admin.principal.userId), 'NotFoundError');
      await rejects(w.alice.directory.get('nobody'), 'NotFoundError');
    }));
  });
}
