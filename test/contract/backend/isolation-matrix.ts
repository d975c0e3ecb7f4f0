import assert from 'node:assert/strict';
import { type SmsClient, createSmsClient } from '../../../src/client.js';
import type { Page } from '../../../src/model/index.js';
import type { SmsBackend } from '../../../src/ports/backend.js';
import { toCsv } from '../../../src/recipients/to-csv.js';
import type { Side } from './isolation-sides.js';
import { all, handset, type rejects } from './world.js';

/** The resource groups an organisation's people call (operators' `organisations` is not one of them). */
export type Group = Exclude<keyof SmsBackend, 'subscribe' | 'close' | 'organisations'>;

type Call<T = unknown> = (a: Side, b: Side) => Promise<T>;

/**
 * One call made by organisation `a` while organisation `b` holds clashing records:
 * - `sees`: a read of a's own records; its answer shows some of them (or passes `check`) and nothing of b's;
 * - `misses`: a read aimed at b's records (b's ids, numbers, words); its answer shows nothing of b's;
 * - `refused`: a call naming b's ids; it fails as an unknown id would in a (`NotFoundError`, or the error given);
 * - `keeps`: a write of a's, which may clash with b's records; it succeeds and its answer shows nothing of b's.
 * Whatever the kind, b is unchanged afterwards, and none of b's people hears of it.
 */
export type Probe =
  | { kind: 'sees'; call: Call; check?: (result: unknown, a: Side) => void }
  | { kind: 'misses'; call: Call }
  | { kind: 'refused'; call: Call; error: Parameters<typeof rejects>[1]; expected: Record<string, unknown> }
  | { kind: 'keeps'; call: Call };

export const PROBE_KINDS = ['sees', 'misses', 'refused', 'keeps'] as const satisfies readonly Probe['kind'][];

function sees<T>(call: Call<T>, check?: (result: T, a: Side) => void): Probe {
  return { kind: 'sees', call, ...(check && { check: check as (result: unknown, a: Side) => void }) };
}

function misses(call: Call): Probe {
  return { kind: 'misses', call };
}

function refused(call: Call, error: Parameters<typeof rejects>[1] = 'NotFoundError', expected: Record<string, unknown> = {}): Probe {
  return { kind: 'refused', call, error, expected };
}

function keeps(call: Call): Probe {
  return { kind: 'keeps', call };
}

/** A call refused on b's global record (by a's administrator) and on its personal one (by a's alice, whose id b's shares). */
function refusedOnBoth(records: 'contacts' | 'templates', call: (client: SmsClient, id: string) => Promise<unknown>): [Probe, Probe] {
  return [refused((a, b) => call(a.org.admin, b.records[records].global)), refused((a, b) => call(a.org.alice, b.records[records].personal))];
}

/** An export as the components write it: every page of a list, as CSV. */
async function exported<T>(page: (cursor: string | undefined) => Promise<Page<T>>, row: (item: T) => Record<string, unknown>, columns: string[]): Promise<string> {
  return toCsv((await all(page)).map(row), columns);
}

/** A number free in a's range (the world's numbers end in 1 to 4). */
function freeNumber(a: Side): string {
  return `${a.org.num.alice.e164.slice(0, -1)}9`;
}

const LATER = '2099-01-01T00:00:00.000Z';
const HANDSETS = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(handset);

/**
 * Every method of every resource group of the client, with the probes that seal it. The type asks for an entry per
 * method of `SmsClient`: a method added to the port without probes here does not compile.
 */
export const MATRIX: { readonly [G in Group]: { readonly [M in keyof SmsClient[G]]: readonly [Probe, ...Probe[]] } } = {
  directory: {
    search: [sees((a) => a.org.alice.directory.search()), sees((a) => a.org.alice.directory.search({ query: 'Alice' }))],
    get: [sees((a) => a.org.alice.directory.get(a.records.onlyUser)), refused((a, b) => a.org.alice.directory.get(b.records.onlyUser))],
    me: [sees((a) => a.org.alice.directory.me())],
    supportAccess: [
      sees(
        async (a) => {
          // An operator looks into the organisation for support: the look is its administrators' to read, and no one else's.
          const support = createSmsClient({ backend: a.org.admin.backend, principal: { organisationId: a.org.id, userId: 'operator', role: 'operator' } });
          await support.conversations.list();
          return a.org.admin.directory.supportAccess();
        },
        (result) => assert.deepEqual(result.items.map((access) => access.action), ['conversations.list'], 'its own look, and not the other organisation\'s'),
      ),
    ],
    users: [sees((a) => a.org.admin.directory.users()), sees((a) => a.org.admin.directory.users({ query: 'only' }))],
    createUser: [
      refused((a, b) => a.org.admin.directory.createUser({ name: 'Fay', role: 'user', extensionIds: [b.org.ext.spare] })),
      refused((a, b) => a.org.admin.directory.createUser({ name: 'Fay', role: 'user', departmentId: b.org.dep.sales })),
      keeps((a, b) => a.org.admin.directory.createUser({ id: b.records.onlyUser, name: 'Same id, other person', role: 'user' })),
    ],
    updateUser: [
      refused((a, b) => a.org.admin.directory.updateUser(b.records.onlyUser, { name: 'Taken' })),
      refused((a, b) => a.org.admin.directory.updateUser('erin', { extensionIds: [b.org.ext.spare] })),
      refused((a, b) => a.org.admin.directory.updateUser('erin', { departmentId: b.org.dep.sales })),
    ],
    removeUser: [refused((a, b) => a.org.admin.directory.removeUser(b.records.onlyUser))],
    extensions: [sees((a) => a.org.alice.directory.extensions({ chargeable: true })), sees((a) => a.org.admin.directory.extensions())],
    createExtension: [
      refused((a, b) => a.org.admin.directory.createExtension({ number: '299', name: 'Elsewhere', departmentId: b.org.dep.sales })),
      keeps((a) => a.org.admin.directory.createExtension({ number: '208', name: 'New desk', departmentId: a.org.dep.sales })),
    ],
    updateExtension: [
      refused((a, b) => a.org.admin.directory.updateExtension(b.org.ext.spare, { name: 'Taken' })),
      refused((a, b) => a.org.admin.directory.updateExtension(a.org.ext.spare, { departmentId: b.org.dep.sales })),
    ],
    removeExtension: [refused((a, b) => a.org.admin.directory.removeExtension(b.org.ext.spare))],
    departments: [sees((a) => a.org.alice.directory.departments())],
    createDepartment: [keeps((a) => a.org.admin.directory.createDepartment({ name: 'Sales' }))],
    updateDepartment: [refused((a, b) => a.org.admin.directory.updateDepartment(b.org.dep.sales, { name: 'Taken' }))],
  },
  numbers: {
    list: [
      sees((a) => a.org.admin.numbers.list()),
      sees((a) => a.org.alice.numbers.list()),
      misses((a, b) => a.org.admin.numbers.list({ query: b.org.num.alice.e164, includeRemoved: true })),
    ],
    get: [
      sees((a) => a.org.admin.numbers.get(a.org.num.group.id)),
      refused((a, b) => a.org.admin.numbers.get(b.org.num.alice.id)),
      refused((a, b) => a.org.alice.numbers.get(b.org.num.alice.id)),
    ],
    create: [
      refused((a, b) => a.org.admin.numbers.create({ e164: b.org.num.dave2.e164 }), 'ConflictError', { code: 'number.taken' }),
      keeps((a) => a.org.admin.numbers.create({ e164: freeNumber(a), label: 'Spare' })),
    ],
    update: [
      refused((a, b) => a.org.admin.numbers.update(b.org.num.alice.id, { label: 'Taken' })),
      refused((a, b) => a.org.admin.numbers.update(a.org.num.dave2.id, { extensionIds: [b.org.ext.spare] })),
    ],
    assign: [
      refused((a, b) => a.org.admin.numbers.assign(b.org.num.dave2.id, a.org.ext.spare)),
      refused((a, b) => a.org.admin.numbers.assign(a.org.num.dave2.id, b.org.ext.spare)),
    ],
    unassign: [
      refused((a, b) => a.org.admin.numbers.unassign(b.org.num.group.id, b.org.ext.bob)),
      refused((a, b) => a.org.admin.numbers.unassign(a.org.num.group.id, b.org.ext.bob)),
    ],
    remove: [refused((a, b) => a.org.admin.numbers.remove(b.org.num.dave2.id))],
    setRouting: [
      refused((a, b) => a.org.admin.numbers.setRouting(b.org.num.alice.id, { autoReply: 'Taken' })),
      refused((a, b) => a.org.alice.numbers.setRouting(b.org.num.alice.id, { portal: false })),
    ],
  },
  contacts: {
    list: [
      sees((a) => a.org.alice.contacts.list()),
      sees((a) => a.org.alice.contacts.list({ query: 'Customer' })),
      sees((a) => a.org.admin.contacts.list({ scope: 'global' })),
      misses((a, b) => a.org.alice.contacts.list({ query: b.records.marker })),
    ],
    get: [
      sees((a) => a.org.alice.contacts.get(a.records.contacts.personal)),
      refused((a, b) => a.org.alice.contacts.get(b.records.contacts.global)),
      refused((a, b) => a.org.alice.contacts.get(b.records.contacts.personal)),
    ],
    create: [keeps((a) => a.org.alice.contacts.create({ scope: 'personal', name: 'Customer One', numbers: [{ e164: handset(1) }] }))],
    update: refusedOnBoth('contacts', (client, id) => client.contacts.update(id, { name: 'Taken' })),
    remove: refusedOnBoth('contacts', (client, id) => client.contacts.remove(id)),
    import: [
      keeps((a) => a.org.admin.contacts.import({ scope: 'global', rows: [{ line: 2, name: 'Customer One', e164: handset(3), label: 'Work' }] })),
      keeps((a) => a.org.alice.contacts.import({ scope: 'personal', rows: [{ line: 2, name: 'Customer Two', e164: handset(3) }] })),
    ],
    resolve: [
      sees((a) => a.org.alice.contacts.resolve(handset(1))),
      sees((a) => a.org.alice.contacts.resolve(handset(2))),
      misses((a) => a.org.bob.contacts.resolve(handset(2))),
    ],
  },
  conversations: {
    list: [
      sees((a) => a.org.alice.conversations.list()),
      sees((a) => a.org.admin.conversations.list()),
      sees((a) => a.org.bob.conversations.list({ filter: 'chat' })),
      sees((a) => a.org.alice.conversations.list({ query: 'Hello' })),
      misses((a, b) => a.org.alice.conversations.list({ query: b.records.marker })),
      misses((a, b) => a.org.admin.conversations.list({ numberId: b.org.num.alice.id })),
    ],
    get: [
      sees((a) => a.org.alice.conversations.get(a.records.inbound.conversationId)),
      refused((a, b) => a.org.alice.conversations.get(b.records.inbound.conversationId)),
      refused((a, b) => a.org.alice.conversations.get(b.records.chat.conversationId)),
    ],
    open: [
      sees((a) => a.org.alice.conversations.open({ channel: 'chat', userId: 'bob' })),
      refused((a, b) => a.org.alice.conversations.open({ channel: 'sms', peer: handset(8), numberId: b.org.num.alice.id })),
      refused((a, b) => a.org.alice.conversations.open({ channel: 'chat', userId: b.records.onlyUser })),
    ],
    markRead: [
      refused((a, b) => a.org.alice.conversations.markRead(b.records.inbound.conversationId)),
      refused((a, b) => a.org.bob.conversations.markRead(b.records.chat.conversationId)),
    ],
    setMuted: [
      refused((a, b) => a.org.alice.conversations.setMuted(b.records.inbound.conversationId, true)),
      refused((a, b) => a.org.bob.conversations.setMuted(b.records.chat.conversationId, true)),
    ],
    remove: [
      refused((a, b) => a.org.alice.conversations.remove(b.records.inbound.conversationId)),
      refused((a, b) => a.org.bob.conversations.remove(b.records.chat.conversationId)),
    ],
    // Bob has one chat unread in each organisation: two would be the other's too.
    unread: [sees((a) => a.org.bob.conversations.unread(), (summary) => assert.deepEqual([summary.conversations, summary.messages], [1, 1]))],
  },
  messages: {
    list: [
      sees((a) => a.org.alice.messages.list(a.records.inbound.conversationId)),
      sees((a) => a.org.bob.messages.list(a.records.chat.conversationId)),
      refused((a, b) => a.org.alice.messages.list(b.records.inbound.conversationId)),
      refused((a, b) => a.org.bob.messages.list(b.records.chat.conversationId)),
    ],
    get: [
      sees((a) => a.org.alice.messages.get(a.records.inbound.messageId)),
      refused((a, b) => a.org.alice.messages.get(b.records.inbound.messageId)),
      refused((a, b) => a.org.bob.messages.get(b.records.chat.messageId)),
      refused((a, b) => a.org.alice.messages.get(b.scheduled)),
    ],
    send: [
      refused((a, b) => a.org.alice.messages.send({ conversationId: b.records.inbound.conversationId, body: 'Taken' })),
      refused((a, b) => a.org.alice.messages.send({ conversationId: b.records.chat.conversationId, body: 'Taken' })),
      refused((a, b) => a.org.alice.messages.send({ channel: 'sms', to: handset(9), numberId: b.org.num.alice.id, body: 'Taken' })),
      refused((a, b) => a.org.alice.messages.send({ channel: 'chat', toUserId: b.records.onlyUser, body: 'Taken' })),
      keeps((a) => a.org.alice.messages.send({ channel: 'chat', toUserId: 'bob', body: 'Hi again' })),
      keeps((a) => a.org.alice.messages.send({ conversationId: a.records.inbound.conversationId, body: 'Thanks' })),
    ],
    cancel: [refused((a, b) => a.org.alice.messages.cancel(b.scheduled))],
    retry: [refused((a, b) => a.org.alice.messages.retry(b.records.inbound.messageId))],
    capabilities: [sees((a) => a.org.alice.messages.capabilities())],
  },
  campaigns: {
    list: [
      sees((a) => a.org.alice.campaigns.list()),
      sees((a) => a.org.admin.campaigns.list()),
      sees((a) => a.org.alice.campaigns.list({ query: 'Spring' })),
    ],
    get: [
      sees((a) => a.org.alice.campaigns.get(a.records.campaign)),
      refused((a, b) => a.org.alice.campaigns.get(b.records.campaign)),
      refused((a, b) => a.org.admin.campaigns.get(b.started)),
    ],
    create: [
      refused((a, b) => a.org.alice.campaigns.create({ name: 'Taken', recipients: { listId: b.records.lists.sales } })),
      refused((a, b) => a.org.alice.campaigns.create({ name: 'Taken', recipients: { uploadId: b.records.upload } })),
      refused((a, b) => a.org.alice.campaigns.create({ name: 'Taken', ratingExtensionId: b.org.ext.alice })),
      refused((a, b) => a.org.alice.campaigns.create({ name: 'Taken', sender: { type: 'number', numberId: b.org.num.alice.id } })),
      keeps((a) => a.org.alice.campaigns.create({ name: 'Spring sale', recipients: { listId: a.records.lists.sales } })),
    ],
    update: [
      refused((a, b) => a.org.alice.campaigns.update(b.records.campaign, { name: 'Taken' })),
      refused((a, b) => a.org.alice.campaigns.update(a.records.campaign, { recipients: { listId: b.records.lists.sales } })),
      refused((a, b) => a.org.alice.campaigns.update(a.records.campaign, { sender: { type: 'number', numberId: b.org.num.alice.id } })),
    ],
    remove: [refused((a, b) => a.org.alice.campaigns.remove(b.records.campaign))],
    duplicate: [refused((a, b) => a.org.alice.campaigns.duplicate(b.records.campaign))],
    validate: [
      sees((a) => a.org.alice.campaigns.validate(a.records.campaign), (validation) => assert.deepEqual(validation.issues, [])),
      refused((a, b) => a.org.alice.campaigns.validate(b.records.campaign)),
    ],
    // Each organisation's list holds handsets 1 to 4: only its own blocklist holds any back.
    estimate: [
      sees((a) => a.org.alice.campaigns.estimate(a.records.campaign), (estimate, a) => assert.equal(estimate.blocked, a.records.blocked.length)),
      refused((a, b) => a.org.alice.campaigns.estimate(b.records.campaign)),
    ],
    estimateDraft: [
      sees(
        (a) => a.org.alice.campaigns.estimateDraft({ name: 'Check', sender: { type: 'number', numberId: a.org.num.alice.id }, body: 'Hi', recipients: { listId: a.records.lists.sales } }),
        (draft, a) => assert.equal(draft.estimate.blocked, a.records.blocked.length),
      ),
      refused((a, b) => a.org.alice.campaigns.estimateDraft({ recipients: { listId: b.records.lists.sales } })),
      refused((a, b) => a.org.alice.campaigns.estimateDraft({ sender: { type: 'number', numberId: b.org.num.alice.id } })),
    ],
    schedule: [refused((a, b) => a.org.alice.campaigns.schedule(b.records.campaign, LATER))],
    start: [refused((a, b) => a.org.alice.campaigns.start(b.records.campaign))],
    stop: [refused((a, b) => a.org.admin.campaigns.stop(b.started)), refused((a, b) => a.org.alice.campaigns.stop(b.records.campaign))],
    restart: [refused((a, b) => a.org.alice.campaigns.restart(b.started))],
    recipients: [
      sees((a) => a.org.alice.campaigns.recipients(a.started)),
      sees((a) => exported((cursor) => a.org.alice.campaigns.recipients(a.started, { cursor }), (row) => ({ phone: row.e164, state: row.state, ...row.fields }), ['phone', 'state', 'first_name'])),
      refused((a, b) => a.org.alice.campaigns.recipients(b.started)),
    ],
    createUpload: [
      keeps((a) => a.org.alice.campaigns.createUpload({ name: 'again.csv', columns: ['phone'], phoneColumn: 'phone', recipients: [{ e164: handset(6), fields: {}, line: 2 }], errors: [], duplicates: [] })),
    ],
    getUpload: [
      sees((a) => a.org.alice.campaigns.getUpload(a.records.upload)),
      refused((a, b) => a.org.alice.campaigns.getUpload(b.records.upload)),
      refused((a, b) => a.org.admin.campaigns.getUpload(b.records.upload)),
    ],
  },
  lists: {
    list: [sees((a) => a.org.alice.lists.list()), sees((a) => a.org.admin.lists.list()), sees((a) => a.org.alice.lists.list({ query: 'Customers' }))],
    get: [
      sees((a) => a.org.alice.lists.get(a.records.lists.sales)),
      refused((a, b) => a.org.alice.lists.get(b.records.lists.sales)),
      refused((a, b) => a.org.admin.lists.get(b.records.lists.shared)),
    ],
    create: [keeps((a) => a.org.alice.lists.create({ name: 'Customers' }))],
    rename: [refused((a, b) => a.org.alice.lists.rename(b.records.lists.sales, 'Taken'))],
    remove: [refused((a, b) => a.org.alice.lists.remove(b.records.lists.sales)), refused((a, b) => a.org.admin.lists.remove(b.records.lists.shared))],
    entries: [
      sees((a) => a.org.alice.lists.entries(a.records.lists.sales)),
      sees((a) => exported((cursor) => a.org.alice.lists.entries(a.records.lists.sales, { cursor }), (entry) => ({ phone: entry.e164, ...entry.fields }), ['phone', 'first_name'])),
      misses((a, b) => a.org.alice.lists.entries(a.records.lists.sales, { query: b.records.marker })),
      refused((a, b) => a.org.alice.lists.entries(b.records.lists.sales)),
    ],
    addEntry: [refused((a, b) => a.org.alice.lists.addEntry(b.records.lists.sales, { e164: handset(9) }))],
    updateEntry: [
      refused((a, b) => a.org.alice.lists.updateEntry(b.records.lists.sales, b.records.lists.entry, { fields: { first_name: 'Taken' } })),
      refused((a, b) => a.org.alice.lists.updateEntry(a.records.lists.sales, b.records.lists.entry, { fields: { first_name: 'Taken' } })),
    ],
    removeEntry: [
      refused((a, b) => a.org.alice.lists.removeEntry(b.records.lists.sales, b.records.lists.entry)),
      refused((a, b) => a.org.alice.lists.removeEntry(a.records.lists.sales, b.records.lists.entry)),
    ],
    import: [
      refused((a, b) => a.org.alice.lists.import(b.records.lists.sales, { fileName: 'x.csv', columns: [], entries: [{ e164: handset(9), fields: {}, line: 2 }], errors: [], duplicates: 0 })),
    ],
  },
  blocklist: {
    list: [
      sees((a) => a.org.alice.blocklist.list()),
      sees((a) => a.org.admin.blocklist.list({ source: 'manual' })),
      sees((a) => exported((cursor) => a.org.admin.blocklist.list({ cursor }), (entry) => ({ ...entry }), ['e164', 'source', 'reason', 'addedBy', 'addedAt'])),
      misses((a, b) => a.org.admin.blocklist.list({ query: b.records.blocked[0] })),
    ],
    check: [sees((a) => a.org.alice.blocklist.check(HANDSETS), (blocked, a) => assert.deepEqual([...blocked].sort(), [...a.records.blocked].sort()))],
    add: [keeps((a, b) => a.org.admin.blocklist.add({ e164: b.records.blocked[0]!, reason: 'Also here' }))],
    remove: [refused((a, b) => a.org.admin.blocklist.remove(b.records.blocked[0]!))],
    import: [keeps((a, b) => a.org.admin.blocklist.import({ entries: [{ e164: b.records.blocked.at(-1)!, line: 2 }] }))],
    history: [sees((a) => a.org.admin.blocklist.history()), misses((a, b) => a.org.admin.blocklist.history({ e164: b.records.blocked[0] }))],
  },
  templates: {
    list: [
      sees((a) => a.org.alice.templates.list()),
      sees((a) => a.org.alice.templates.list({ query: 'Welcome' })),
      sees((a) => a.org.admin.templates.list({ scope: 'global' })),
    ],
    get: [
      sees((a) => a.org.alice.templates.get(a.records.templates.personal)),
      refused((a, b) => a.org.alice.templates.get(b.records.templates.global)),
      refused((a, b) => a.org.alice.templates.get(b.records.templates.personal)),
    ],
    create: [keeps((a) => a.org.alice.templates.create({ scope: 'personal', name: 'Welcome', body: 'Hello again' }))],
    update: refusedOnBoth('templates', (client, id) => client.templates.update(id, { body: 'Taken' })),
    remove: refusedOnBoth('templates', (client, id) => client.templates.remove(id)),
  },
  keywords: {
    list: [sees((a) => a.org.admin.keywords.list())],
    get: [sees((a) => a.org.admin.keywords.get(a.records.keyword)), refused((a, b) => a.org.admin.keywords.get(b.records.keyword))],
    create: [
      refused((a, b) => a.org.admin.keywords.create({ keyword: 'BAND', routes: { portal: b.records.onlyUser } })),
      keeps((a) => a.org.admin.keywords.create({ keyword: 'BAND' })),
    ],
    update: [
      refused((a, b) => a.org.admin.keywords.update(b.records.keyword, { autoReply: 'Taken' })),
      refused((a, b) => a.org.admin.keywords.update(a.records.keyword, { routes: { portal: b.records.onlyUser } })),
    ],
    remove: [refused((a, b) => a.org.admin.keywords.remove(b.records.keyword))],
  },
  usage: {
    summary: [sees((a) => a.org.admin.usage.summary()), sees((a) => a.org.alice.usage.summary())],
    rows: [
      sees((a) => a.org.admin.usage.rows()),
      sees((a) => a.org.alice.usage.rows()),
      misses((a, b) => a.org.admin.usage.rows({ extensionId: b.org.ext.alice })),
      misses((a, b) => a.org.admin.usage.rows({ departmentId: b.org.dep.sales })),
    ],
  },
  settings: {
    get: [sees((a) => a.org.alice.settings.get())],
    update: [
      refused((a, b) => a.org.admin.settings.update({ shortCode: b.records.shortCode }), 'ConflictError', { code: 'settings.short_code_taken' }),
      keeps((a) => a.org.admin.settings.update({ rate: 9 })),
    ],
  },
};
