import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BackendHarness } from '../backend.contract.js';
import { record, rejects, withWorld } from './world.js';

export function templatesContract(h: BackendHarness): void {
  describe('templates', () => {
    it('keeps global templates written by administrators, read by all, with their merge fields', withWorld(h, async (w) => {
      const global = await w.admin.templates.create({ scope: 'global', name: 'Appointment', body: 'Hi {{first_name}}, see you at {{time}}.' });
      assert.deepEqual(global.fields, ['first_name', 'time']);
      assert.equal(global.ownerId, null);
      for (const client of [w.alice, w.carol]) assert.deepEqual((await client.templates.list()).items.map((template) => template.id), [global.id]);
      await rejects(w.alice.templates.create({ scope: 'global', name: 'Mine', body: 'x' }), 'PermissionError');
      await rejects(w.alice.templates.update(global.id, { body: 'Changed' }), 'PermissionError');
      await rejects(w.alice.templates.remove(global.id), 'PermissionError');
      const updated = await w.admin.templates.update(global.id, { body: 'Hi {{name}}' });
      assert.deepEqual(updated.fields, ['name']);
      await w.admin.templates.remove(global.id);
      await rejects(w.alice.templates.get(global.id), 'NotFoundError');
    }));

    it('keeps personal templates to their owner', withWorld(h, async (w) => {
      const global = await w.admin.templates.create({ scope: 'global', name: 'Global', body: 'Hello' });
      const mine = await w.alice.templates.create({ scope: 'personal', name: 'Sign-off', body: 'Cheers, Alice' });
      assert.equal(mine.ownerId, 'alice');
      assert.deepEqual((await w.alice.templates.list()).items.map((template) => template.id).sort(), [global.id, mine.id].sort());
      assert.deepEqual((await w.alice.templates.list({ scope: 'personal' })).items.map((template) => template.id), [mine.id]);
      assert.deepEqual((await w.alice.templates.list({ scope: 'global' })).items.map((template) => template.id), [global.id]);
      assert.deepEqual((await w.bob.templates.list()).items.map((template) => template.id), [global.id]);
      await rejects(w.bob.templates.get(mine.id), 'NotFoundError');
      await rejects(w.bob.templates.update(mine.id, { name: 'Stolen' }), 'NotFoundError');
      await rejects(w.bob.templates.remove(mine.id), 'NotFoundError');
      assert.equal((await w.alice.templates.update(mine.id, { name: 'Signature' })).name, 'Signature');
      await w.alice.templates.remove(mine.id);
      assert.deepEqual((await w.alice.templates.list({ scope: 'personal' })).items, []);
    }));

    it('tells a user of global template changes and of their own, never of another user\'s personal ones', withWorld(h, async (w) => {
      const [alice, bob, admin] = [record(w.alice, 'template.changed'), record(w.bob, 'template.changed'), record(w.admin, 'template.changed')];
      const seen = (events: typeof alice.events) => events.map(({ action, template }) => `${action} ${template.name}`);

      const hours = await w.admin.templates.create({ scope: 'global', name: 'Hours', body: 'Open 9 to 5.' });
      const mine = await w.alice.templates.create({ scope: 'personal', name: 'Sign-off', body: 'Cheers, {{me}}' });
      const bobs = await w.bob.templates.create({ scope: 'personal', name: 'Bye', body: 'Bye' });
      await w.alice.templates.update(mine.id, { name: 'Signature' });
      await w.admin.templates.update(hours.id, { body: 'Open 8 to 6.' });
      await w.bob.templates.remove(bobs.id);
      await w.alice.templates.remove(mine.id);
      await w.admin.templates.remove(hours.id);
      await w.fx.settle();

      assert.deepEqual(seen(alice.events), ['created Hours', 'created Sign-off', 'updated Signature', 'updated Hours', 'removed Signature', 'removed Hours']);
      assert.deepEqual(seen(bob.events), ['created Hours', 'created Bye', 'updated Hours', 'removed Bye', 'removed Hours']);
      assert.deepEqual(seen(admin.events), ['created Hours', 'updated Hours', 'removed Hours'], 'global templates only');
      const updated = alice.events.find((event) => event.action === 'updated' && event.template.id === hours.id);
      assert.equal(updated?.template.body, 'Open 8 to 6.', 'the template as saved');
      assert.deepEqual(updated?.template.fields, []);
      for (const recorded of [alice, bob, admin]) recorded.stop();
    }));
  });
}
