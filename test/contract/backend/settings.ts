import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BackendHarness } from '../backend.contract.js';
import { RATE, withWorld } from './world.js';

export function settingsContract(h: BackendHarness): void {
  describe('settings', () => {
    it('changes the settings given and keeps the others', withWorld(h, async (w) => {
      const before = await w.admin.settings.get();
      const after = await w.admin.settings.update({ helpReply: 'Call us.' });
      assert.deepEqual(after, { ...before, helpReply: 'Call us.' });
      assert.equal(after.rate, RATE);
      assert.equal(after.defaultCountry, 'AU');
      assert.deepEqual(await w.alice.settings.get(), after, 'users read them');
    }));
  });
}
