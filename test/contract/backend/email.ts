import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BackendHarness } from '../backend.contract.js';
import { NUMBERS, handset, needs, sentTo, withWorld } from './world.js';

export function emailContract(h: BackendHarness): void {
  describe('e-mail to SMS', () => {
    it('sends the subject, and only the subject, to the number in the To address\'s local part', needs(h, 'emailToSms'), withWorld(h, async (w) => {
      const result = await w.fx.emailToSms!({ from: 'Alice Adams <Alice@Example.com>', to: '61412000001@sms.example.com', subject: 'Parcel at reception', text: 'Sent from my phone' });
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.message.from, NUMBERS.alice);
      assert.equal(result.message.to, handset(1));
      await w.fx.settle();
      assert.deepEqual(sentTo(w.fx, handset(1)).map((sms) => [sms.from, sms.body]), [[NUMBERS.alice, 'Parcel at reception']]);
      const [conversation] = (await w.alice.conversations.list()).items;
      assert.equal(conversation?.lastMessage?.body, 'Parcel at reception');
      const national = await w.fx.emailToSms!({ from: 'alice@example.com', to: '0412000002@sms.example.com', subject: 'Hi' });
      assert.ok(national.ok);
      assert.equal(national.message.to, handset(2));
    }));

    it('refuses with a code: unknown sender, administrator, bad recipient, empty subject, no number, blocked', needs(h, 'emailToSms'), withWorld(h, async (w) => {
      await w.admin.directory.createUser({ id: 'boss', name: 'The Boss', email: 'boss@example.com', role: 'admin' });
      const cases: [Parameters<NonNullable<typeof w.fx.emailToSms>>[0], string][] = [
        [{ from: 'stranger@example.com', to: '61412000001@sms.example.com', subject: 'Hi' }, 'email.unknown_sender'],
        [{ from: 'boss@example.com', to: '61412000001@sms.example.com', subject: 'Hi' }, 'email.not_a_sender'],
        [{ from: 'alice@example.com', to: 'reception@sms.example.com', subject: 'Hi' }, 'email.invalid_recipient'],
        [{ from: 'alice@example.com', to: '61412000001@sms.example.com', subject: '   ', text: 'The body is not used' }, 'email.empty'],
        [{ from: 'erin@example.com', to: '61412000001@sms.example.com', subject: 'Hi' }, 'email.no_number'],
      ];
      for (const [email, code] of cases) {
        const result = await w.fx.emailToSms!(email);
        assert.equal(result.ok, false, code);
        if (!result.ok) {
          assert.equal(result.code, code);
          assert.ok(result.reason.length > 0);
        }
      }
      await w.admin.settings.update({ blockDirectSends: true });
      await w.admin.blocklist.add({ e164: handset(1) });
      const blocked = await w.fx.emailToSms!({ from: 'alice@example.com', to: '61412000001@sms.example.com', subject: 'Hi' });
      assert.equal(blocked.ok, false);
      await w.fx.settle();
      assert.deepEqual(w.fx.sent(), []);
    }));
  });
}
