import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BackendHarness } from '../backend.contract.js';
import { SHORT_CODE, handset, rejects, sentTo, withWorld } from './world.js';

export function keywordsContract(h: BackendHarness): void {
  describe('inbound keywords', () => {
    it('refuses opt-out, opt-in and help words as keywords, and a keyword claimed twice', withWorld(h, async (w) => {
      for (const word of ['STOP', 'start', 'Help', 'UNSUBSCRIBE']) {
        await rejects(w.admin.keywords.create({ keyword: word }), 'ValidationError', { field: 'keyword' });
      }
      await w.admin.settings.update({ keywords: { 'opt-out': ['ARRET'], 'opt-in': [], help: [] } });
      await rejects(w.admin.keywords.create({ keyword: 'arret' }), 'ValidationError', { field: 'keyword' });
      const rule = await w.admin.keywords.create({ keyword: 'chorus' });
      assert.equal(rule.keyword, 'CHORUS');
      await rejects(w.admin.keywords.create({ keyword: 'CHORUS' }), 'ConflictError', { field: 'keyword' });
      await rejects(w.admin.keywords.update(rule.id, { keyword: 'STOP' }), 'ValidationError', { field: 'keyword' });
      assert.deepEqual((await w.admin.keywords.list()).items.map((item) => item.keyword), ['CHORUS']);
    }));

    it('routes "PREFIX KEYWORD message" on the short code to a portal inbox, e-mail and a mobile, with an auto-reply', withWorld(h, async (w) => {
      await w.admin.settings.update({ shortCode: SHORT_CODE, keywordPrefix: 'OXFORD' });
      await w.admin.keywords.create({
        keyword: 'CHORUS', routes: { portal: 'carol', email: 'choir@example.com', mobile: '0412 999 999' }, autoReply: 'Thanks for joining the chorus!',
      });
      await w.fx.inject({ from: handset(1), to: SHORT_CODE, body: 'oxford chorus I would like to sing' });
      await w.fx.settle();
      const [inbox] = (await w.carol.conversations.list()).items;
      assert.equal(inbox?.keyword, 'CHORUS');
      assert.equal(inbox?.readOnly, true);
      assert.equal(inbox?.unreadCount, 1);
      const thread = (await w.carol.messages.list(inbox!.id)).items.map((message) => [message.direction, message.body]);
      assert.deepEqual(thread, [['inbound', 'oxford chorus I would like to sing'], ['outbound', 'Thanks for joining the chorus!']]);
      await rejects(w.carol.messages.send({ conversationId: inbox!.id, body: 'Hi' }), 'StateError');
      assert.deepEqual((await w.bob.conversations.list()).items, [], 'only the routed user sees it');
      const [email] = w.fx.emails();
      assert.equal(email?.to, 'choir@example.com');
      assert.match(email?.text ?? '', /I would like to sing/);
      const forwarded = sentTo(w.fx, '+61412999999');
      assert.equal(forwarded.length, 1);
      assert.match(forwarded[0]!.body, /I would like to sing/);
      assert.deepEqual(sentTo(w.fx, handset(1)).map((sms) => [sms.from, sms.body]), [[SHORT_CODE, 'Thanks for joining the chorus!']]);
    }));

    it('updates one route of a rule without resetting the others', withWorld(h, async (w) => {
      const rule = await w.admin.keywords.create({ keyword: 'CHORUS', routes: { portal: 'carol', email: 'choir@example.com' }, autoReply: 'Thanks' });
      const updated = await w.admin.keywords.update(rule.id, { routes: { mobile: '0412 999 999' } });
      assert.deepEqual(updated.routes, { portal: 'carol', email: 'choir@example.com', mobile: '+61412999999' });
      assert.equal(updated.autoReply, 'Thanks');
      assert.equal((await w.admin.keywords.update(rule.id, { enabled: false })).routes.portal, 'carol');
      assert.deepEqual((await w.admin.keywords.get(rule.id)).routes, updated.routes);
    }));

    it('does not route a message without the prefix, an unknown keyword or a disabled rule', withWorld(h, async (w) => {
      await w.admin.settings.update({ shortCode: SHORT_CODE, keywordPrefix: 'OXFORD' });
      const rule = await w.admin.keywords.create({ keyword: 'CHORUS', routes: { email: 'choir@example.com' }, autoReply: 'Thanks' });
      await w.fx.inject({ from: handset(1), to: SHORT_CODE, body: 'CHORUS no prefix' });
      await w.fx.inject({ from: handset(1), to: SHORT_CODE, body: 'OXFORD BAND unknown keyword' });
      await w.admin.keywords.update(rule.id, { enabled: false });
      await w.fx.inject({ from: handset(1), to: SHORT_CODE, body: 'OXFORD CHORUS disabled' });
      await w.fx.settle();
      assert.deepEqual(w.fx.emails(), []);
      assert.deepEqual(sentTo(w.fx, handset(1)), []);
    }));

    it('honours STOP on the short code before any keyword', withWorld(h, async (w) => {
      await w.admin.settings.update({ shortCode: SHORT_CODE, keywordPrefix: null });
      await w.admin.keywords.create({ keyword: 'CHORUS', routes: { email: 'choir@example.com' }, autoReply: 'Thanks' });
      await w.fx.inject({ from: handset(1), to: SHORT_CODE, body: 'STOP' });
      await w.fx.settle();
      assert.deepEqual(await w.admin.blocklist.check([handset(1)]), [handset(1)]);
      await w.fx.inject({ from: handset(1), to: SHORT_CODE, body: 'CHORUS again' });
      await w.fx.settle();
      assert.equal(w.fx.emails().length, 1, 'still routed');
      assert.deepEqual(sentTo(w.fx, handset(1)).map((sms) => sms.from), [SHORT_CODE], 'the opt-out confirmation only: no auto-reply to a blocked number');
    }));
  });
}
