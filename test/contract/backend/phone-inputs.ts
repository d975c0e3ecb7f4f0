import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BackendHarness } from '../backend.contract.js';
import { makeList, rows } from './campaign-helpers.js';
import { type World, withWorld } from './world.js';

/** Numbers as an administrator or a user types them in Australia (the world's default country), and their E.164. */
const TYPED = [
  ['0480 000 199', '+61480000199'],
  ['+61 480 000 199', '+61480000199'],
  ['(04) 1234-5678', '+61412345678'],
] as const;

/** Every input that takes a phone number: gives it as typed, returns the number as stored. */
type PhoneInput = [what: string, store: (w: World, typed: string) => Promise<string | null | undefined>];

const INPUTS: PhoneInput[] = [
  ['an SMS number', async (w, typed) => (await w.admin.numbers.create({ e164: typed })).e164],
  ['the mobile a number\'s replies go to', async (w, typed) => (await w.alice.numbers.setRouting(w.num.alice.id, { mobile: typed })).mobile],
  ['a contact\'s number', async (w, typed) => (await w.alice.contacts.create({ scope: 'personal', name: 'Ann', numbers: [{ e164: typed }] })).numbers[0]?.e164],
  ['an edited contact\'s number', async (w, typed) => {
    const contact = await w.admin.contacts.create({ scope: 'global', name: 'Reception', numbers: [{ e164: '+61412000001' }] });
    return (await w.admin.contacts.update(contact.id, { numbers: [{ e164: typed }] })).numbers[0]?.e164;
  }],
  ['a blocked number', async (w, typed) => (await w.admin.blocklist.add({ e164: typed })).e164],
  ['a new user\'s mobile', async (w, typed) => (await w.admin.directory.createUser({ name: 'Fay', role: 'user', mobile: typed })).mobile],
  ['an edited user\'s mobile', async (w, typed) => (await w.admin.directory.updateUser('alice', { mobile: typed })).mobile],
  ['a keyword routed to a mobile', async (w, typed) => (await w.admin.keywords.create({ keyword: 'CHORUS', routes: { mobile: typed } })).routes.mobile],
  ['a keyword re-routed to a mobile', async (w, typed) => {
    const rule = await w.admin.keywords.create({ keyword: 'CHORUS' });
    return (await w.admin.keywords.update(rule.id, { routes: { mobile: typed } })).routes.mobile;
  }],
  ['a list entry', async (w, typed) => (await w.alice.lists.addEntry(await makeList(w.alice, rows(1)), { e164: typed })).e164],
  ['an edited list entry', async (w, typed) => {
    const listId = await makeList(w.alice, rows(1));
    const [entry] = (await w.alice.lists.entries(listId)).items;
    return (await w.alice.lists.updateEntry(listId, entry!.id, { e164: typed })).e164;
  }],
  ['the peer of a conversation', async (w, typed) => (await w.alice.conversations.open({ channel: 'sms', peer: typed })).peer],
  ['the recipient of a message', async (w, typed) => (await w.alice.messages.send({ channel: 'sms', to: typed, body: 'Hi' })).to],
];

export function phoneInputsContract(h: BackendHarness): void {
  describe('phone numbers as typed', () => {
    for (const [what, store] of INPUTS) {
      it(`stores ${what} typed in national or spaced international form in E.164`, withWorld(h, async (w) => {
        for (const [typed, e164] of TYPED) {
          assert.equal(await store(w, typed), e164, `${what} typed as "${typed}"`);
          // Each input may hold a number once: clear it for the next form.
          await w.admin.blocklist.remove(e164).catch(() => undefined);
          for (const number of (await w.admin.numbers.list({ query: e164.slice(1) })).items) await w.admin.numbers.remove(number.id);
          for (const rule of (await w.admin.keywords.list()).items) await w.admin.keywords.remove(rule.id);
        }
        await w.fx.settle();
      }));
    }
  });
}
