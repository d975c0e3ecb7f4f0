import type { SmsClient } from '../../../src/client.js';
import { SMS_EVENT_TYPES, type SmsEvent } from '../../../src/model/index.js';
import type { BackendFixture } from '../backend.contract.js';
import { untilStatus } from './campaign-helpers.js';
import { type RecordsSpec, type SeededRecords, seedRecords } from './organisation-records.js';
import { SHORT_CODE, type World, type WorldOrganisation, all, handset } from './world.js';

/** The world's own organisation's records, clashing with its twin's: it blocks handset 3 and has a user "yann". */
export const OWN_RECORDS: RecordsSpec = { marker: 'Acme', blocked: [handset(3)], onlyUser: 'yann', shortCode: SHORT_CODE };

const DAY = 86_400_000;

/** One organisation of the world with its seeded records, and what the matrix needs besides. */
export interface Side {
  org: WorldOrganisation;
  records: SeededRecords;
  /** Alice's SMS to handset 9, scheduled for tomorrow. */
  scheduled: string;
  /** A copy of alice's draft, started and run to completion (to "Customers" less the organisation's blocklist). */
  started: string;
}

/**
 * The world's two organisations as sides of the matrix, each seeded with clashing records (the twin's are the world's),
 * with a scheduled SMS and a completed campaign each.
 */
export async function sidesOf(w: World): Promise<[own: Side, twin: Side]> {
  const records = await seedRecords(w.fx, w, OWN_RECORDS);
  return [await completeSide(w.fx, w, records), await completeSide(w.fx, w.twin, w.twin.records)];
}

async function completeSide(fx: BackendFixture, org: WorldOrganisation, records: SeededRecords): Promise<Side> {
  const sendAt = new Date(fx.now() + DAY).toISOString();
  const scheduled = await org.alice.messages.send({ channel: 'sms', to: handset(9), body: `${records.marker} tomorrow`, sendAt });
  const copy = await org.alice.campaigns.duplicate(records.campaign);
  await org.alice.campaigns.start(copy.id);
  await untilStatus(fx, org.alice, copy.id, 'completed');
  return { org, records, scheduled: scheduled.id, started: copy.id };
}

function people(org: WorldOrganisation): Record<string, SmsClient> {
  const { admin, alice, bob, carol, dave, erin } = org;
  return { admin, alice, bob, carol, dave, erin };
}

/**
 * Everything an organisation holds, as its administrator and each of its users read it (reads only: nothing here
 * changes what it reads). Two equal snapshots: nothing changed in between.
 */
export async function snapshot(side: Side): Promise<Record<string, unknown>> {
  const { admin } = side.org;
  const view: Record<string, unknown> = {
    users: await all((cursor) => admin.directory.users({ cursor })),
    extensions: await all((cursor) => admin.directory.extensions({ cursor })),
    departments: await all((cursor) => admin.directory.departments({ cursor })),
    numbers: await all((cursor) => admin.numbers.list({ includeRemoved: true, cursor })),
    blocklist: await all((cursor) => admin.blocklist.list({ cursor })),
    blocklistHistory: await all((cursor) => admin.blocklist.history({ cursor })),
    keywords: await all((cursor) => admin.keywords.list({ cursor })),
    settings: await admin.settings.get(),
    usage: await admin.usage.summary(),
    upload: await side.org.alice.campaigns.getUpload(side.records.upload),
  };
  const campaigns = await all((cursor) => admin.campaigns.list({ cursor }));
  view.campaigns = await Promise.all(campaigns.map(async (campaign) => ({ campaign, recipients: await all((cursor) => admin.campaigns.recipients(campaign.id, { cursor })) })));
  const lists = await all((cursor) => admin.lists.list({ cursor }));
  view.lists = await Promise.all(lists.map(async (list) => ({ list, entries: await all((cursor) => admin.lists.entries(list.id, { cursor })) })));
  for (const [name, client] of Object.entries(people(side.org))) {
    const conversations = await all((cursor) => client.conversations.list({ cursor }));
    view[name] = {
      contacts: await all((cursor) => client.contacts.list({ cursor })),
      templates: await all((cursor) => client.templates.list({ cursor })),
      conversations: await Promise.all(conversations.map(async (conversation) => ({
        conversation, messages: await all((cursor) => client.messages.list(conversation.id, { cursor })),
      }))),
    };
  }
  return view;
}

/** The engine's ids (`cmp_…`, `msg_…`) in anything serialisable. */
const ENGINE_ID = /[a-z]+_[0-9a-z]{21}/g;

/** What shows an organisation's records anywhere: every id in its snapshot, and its marker. */
export function fingerprint(snapshotOf: Record<string, unknown>, marker: string): ReadonlySet<string> {
  return new Set([marker, ...(JSON.stringify(snapshotOf).match(ENGINE_ID) ?? [])]);
}

/** The prints of `prints` that `value` shows. */
export function shown(value: unknown, prints: ReadonlySet<string>): string[] {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  return [...prints].filter((print) => text.includes(print));
}

/** Every live event the administrator and each user of an organisation receive, of every type. */
export function listen(org: WorldOrganisation): { events: SmsEvent[]; stop(): void } {
  const events: SmsEvent[] = [];
  const stops = Object.values(people(org)).flatMap((client) => SMS_EVENT_TYPES.map((type) => client.on(type, (_data, event) => events.push(event as SmsEvent))));
  return { events, stop: () => stops.forEach((stop) => stop()) };
}

/** The events an organisation's users get when they resume from the start (SSE's Last-Event-ID 0). */
export async function replayed(fx: BackendFixture, org: WorldOrganisation): Promise<SmsEvent[]> {
  const events: SmsEvent[] = [];
  const stops = Object.values(org.principals).map((principal) => fx.backend.subscribe(principal, (event) => events.push(event), { after: 0 }));
  await fx.settle();
  stops.forEach((stop) => stop());
  return events;
}
