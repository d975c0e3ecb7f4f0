import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SmsClient } from '../../../src/client.js';
import type { Page, PageRequest } from '../../../src/model/index.js';
import type { SmsBackend } from '../../../src/ports/backend.js';
import type { BackendHarness } from '../backend.contract.js';
import { makeList, rows } from './campaign-helpers.js';
import { type World, handset, rejects, withWorld } from './world.js';

type ApiName = Exclude<keyof SmsBackend, 'subscribe' | 'close'>;

/** The methods of a client's group that return a page. */
type ListMethod<G extends ApiName> = {
  [M in keyof SmsClient[G]]: SmsClient[G][M] extends (...args: never[]) => Promise<Page<unknown>> ? M : never;
}[keyof SmsClient[G]];

interface Ids {
  conversationId: string;
  listId: string;
  campaignId: string;
}

type ListCall = (w: World, ids: Ids, query: PageRequest) => Promise<Page<unknown>>;

/**
 * How to call every list method of the client, with the client allowed to call it. The type asks for every method
 * returning a `Page`: a list method added to the port without an entry here does not compile.
 */
const LIST_CALLS: { [G in ApiName as ListMethod<G> extends never ? never : G]: { [M in ListMethod<G>]: ListCall } } = {
  directory: {
    search: (w, _ids, query) => w.alice.directory.search(query),
    users: (w, _ids, query) => w.admin.directory.users(query),
    extensions: (w, _ids, query) => w.alice.directory.extensions(query),
    departments: (w, _ids, query) => w.alice.directory.departments(query),
    supportAccess: (w, _ids, query) => w.admin.directory.supportAccess(query),
  },
  numbers: { list: (w, _ids, query) => w.alice.numbers.list(query) },
  contacts: { list: (w, _ids, query) => w.alice.contacts.list(query) },
  conversations: { list: (w, _ids, query) => w.alice.conversations.list(query) },
  messages: { list: (w, ids, query) => w.alice.messages.list(ids.conversationId, query) },
  campaigns: {
    list: (w, _ids, query) => w.alice.campaigns.list(query),
    recipients: (w, ids, query) => w.alice.campaigns.recipients(ids.campaignId, query),
  },
  lists: {
    list: (w, _ids, query) => w.alice.lists.list(query),
    entries: (w, ids, query) => w.alice.lists.entries(ids.listId, query),
  },
  blocklist: {
    list: (w, _ids, query) => w.admin.blocklist.list(query),
    history: (w, _ids, query) => w.admin.blocklist.history(query),
  },
  templates: { list: (w, _ids, query) => w.alice.templates.list(query) },
  keywords: { list: (w, _ids, query) => w.admin.keywords.list(query) },
  organisations: { list: (w, _ids, query) => w.operator.organisations.list(query) },
};

/** Out-of-bounds pages, the field each is refused on, and what the error's message says of the bound. */
const BAD_PAGES: [query: PageRequest, field: 'limit' | 'cursor', says: RegExp][] = [
  [{ limit: 501 }, 'limit', /500/],
  [{ limit: 10_000 }, 'limit', /500/],
  [{ limit: 0 }, 'limit', /1/],
  [{ limit: -1 }, 'limit', /1/],
  [{ limit: 2.5 }, 'limit', /whole/],
  [{ cursor: 'x'.repeat(513) }, 'cursor', /512/],
];

export function pagingContract(h: BackendHarness): void {
  describe('paging bounds', () => {
    it('refuses a limit outside 1 to 500, a fractional one and a cursor over 512 characters on every list method', withWorld(h, async (w) => {
      const message = await w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'Hello' });
      const ids: Ids = {
        conversationId: message.conversationId!,
        listId: await makeList(w.alice, rows(2)),
        campaignId: (await w.alice.campaigns.create({ name: 'Draft' })).id,
      };
      await w.fx.settle();
      const groups = Object.entries(LIST_CALLS) as [string, Record<string, ListCall>][];
      for (const [group, methods] of groups) {
        for (const [method, call] of Object.entries(methods)) {
          const name = `${group}.${method}`;
          for (const limit of [1, 500]) {
            const page = await call(w, ids, { limit });
            assert.ok(Array.isArray(page.items) && page.items.length <= limit, `${name} takes limit ${limit}`);
          }
          for (const [query, field, says] of BAD_PAGES) {
            const error = await rejects(call(w, ids, query), 'ValidationError', { field }).catch((failure: Error) => {
              throw new Error(`${name}(${JSON.stringify(query).slice(0, 40)}): ${failure.message}`);
            });
            assert.match(error.message, says, `${name}: the error says the bound of ${field}`);
          }
        }
      }
    }));
  });
}
