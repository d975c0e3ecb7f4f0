import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BackendHarness } from '../backend.contract.js';
import { NUMBERS, handset, rejects, withWorld } from './world.js';

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

    it('finds users in the chat directory by name', withWorld(h, async (w) => {
      const found = await w.alice.directory.search({ query: 'car' });
      assert.deepEqual(found.items.map((user) => user.id), ['carol']);
      assert.equal(found.items[0]?.extension, '203');
      const everyone = await w.alice.directory.search();
      assert.deepEqual(everyone.items.map((user) => user.name), ['Alice Adams', 'Bob Brown', 'Carol Chen', 'Dave Diaz', 'Erin Evans']);
    }));
  });
}
