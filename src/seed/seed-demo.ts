import type { SmsClient } from '../client.js';
import { createSmsClient } from '../client.js';
import { ValidationError } from '../errors/validation-error.js';
import type { Principal } from '../model/index.js';
import type { InboundSms } from '../ports/carrier.js';
import {
  DEMO_CONTACTS, DEMO_DEPARTMENTS, DEMO_EXTENSIONS, DEMO_FIRST_NAMES, DEMO_NUMBERS, DEMO_SETTINGS, DEMO_SUBURBS, DEMO_THREADS, DEMO_USERS, demoMobile,
} from './demo-data.js';

export interface SeedDemoOptions {
  /** Delivers an SMS as if a handset sent it (a local backend's `inbound.sms`). Without it there is no inbound history. */
  inject?: (sms: InboundSms) => Promise<void>;
  /** Moves the backend's clock forward (a manual clock's `advance`), so that history spreads over the past week. */
  advance?: (ms: number) => Promise<void>;
  /** The backend's time. @default Date.now */
  now?: () => number;
  /** Waits until sends and reports in flight have settled. */
  settle?: () => Promise<void>;
  /**
   * Adds a thread of this many messages on the support number, for the long-conversation stories and benchmarks.
   * @default 0
   */
  largeThread?: number;
  /**
   * Recipients in the "Customers" list.
   * @default 240
   */
  listSize?: number;
  /**
   * Which block of demo SMS numbers the organisation gets: block 1 is +61 480 000 1xx, block 2 +61 480 000 2xx. A
   * number belongs to one organisation, so that each seeded organisation needs a block of its own.
   * @default 1
   */
  numberBlock?: number;
  /**
   * The domain of the organisation's e-mail addresses (its users', its routing's).
   * @default 'acme.example'
   */
  emailDomain?: string;
}

export type DemoUserKey = (typeof DEMO_USERS)[number]['key'];

/** What the seed created, by name, so that stories, tests and the demo can pick things out. */
export interface DemoWorld {
  principals: Record<'admin' | DemoUserKey, Principal>;
  numbers: Record<(typeof DEMO_NUMBERS)[number]['key'], string>;
  extensions: Record<(typeof DEMO_EXTENSIONS)[number]['key'], string>;
  departments: Record<(typeof DEMO_DEPARTMENTS)[number]['key'], string>;
  lists: { customers: string; onCall: string };
  campaigns: Record<'draft' | 'scheduled' | 'completed' | 'stopped' | 'failed' | 'running', string>;
  largeThread: string | null;
}

const DAY = 86_400_000;
const MINUTE = 60_000;

/** A demo number in the organisation's block (see `SeedDemoOptions.numberBlock`). */
function inBlock(e164: string, block: number): string {
  return e164.replace(/^\+614800001/, `+61480000${block}`);
}

/**
 * Fills a backend with a small, believable organisation: two departments, extensions, users, numbers (one a group
 * number, one user with two), contacts, conversations with history over the past week, chat, predefined lists, a
 * blocklist with an opt-out, templates, keywords (one turned off), number routing, and campaigns in every status. `client` must act
 * for an administrator; users act through clients made on the same backend.
 *
 * @example
 * const world = await seedDemo(adminClient, { inject: backend.inbound.sms, advance: (ms) => clock.advance(ms), now: clock.now, settle: backend.idle });
 * const alice = createSmsClient({ backend, principal: world.principals.alice });
 */
export async function seedDemo(client: SmsClient, options: SeedDemoOptions = {}): Promise<DemoWorld> {
  if (client.principal.role !== 'admin') throw new ValidationError('seedDemo needs a client acting for an administrator.', { field: 'client' });
  const admin = client;
  const { organisationId } = client.principal;
  const block = options.numberBlock ?? 1;
  const domain = options.emailDomain ?? 'acme.example';
  const mail = (address: string) => address.replace(/@acme\.example$/, `@${domain}`);
  // A short code belongs to one organisation too: each block gets its own.
  const shortCode = block === 1 ? DEMO_SETTINGS.shortCode : `${DEMO_SETTINGS.shortCode}${block}`;
  const numberOf = (key: (typeof DEMO_NUMBERS)[number]['key']) => inBlock(DEMO_NUMBERS.find((number) => number.key === key)!.e164, block);
  const now = options.now ?? Date.now;
  const settle = options.settle ?? (async () => undefined);
  const start = now();
  const at = async (offsetMs: number): Promise<void> => {
    await settle();
    const wait = start + offsetMs - now();
    if (options.advance && wait > 0) await options.advance(wait);
  };
  let providerSeq = 0;
  const inject = async (from: string, to: string, body: string): Promise<void> => {
    if (!options.inject) return;
    await options.inject({ providerId: `demo-in-${++providerSeq}`, from, to, body, receivedAt: new Date(now()).toISOString() });
  };

  // History is written without a rate limit, so that waiting for sends never waits for the clock.
  await admin.settings.update({ ...DEMO_SETTINGS, shortCode, segmentsPerSecond: 0 });
  const departments = {} as DemoWorld['departments'];
  for (const department of DEMO_DEPARTMENTS) {
    departments[department.key] = (await admin.directory.createDepartment({ name: department.name, costCode: department.costCode, alphaTags: [...department.alphaTags] })).id;
  }
  const extensions = {} as DemoWorld['extensions'];
  for (const extension of DEMO_EXTENSIONS) {
    extensions[extension.key] = (await admin.directory.createExtension({ number: extension.number, name: extension.name, departmentId: departments[extension.department] })).id;
  }
  const principals = { admin: admin.principal } as DemoWorld['principals'];
  for (const user of DEMO_USERS) {
    const extensionIds = user.extensions.map((key) => extensions[key]);
    const created = await admin.directory.createUser({
      id: `demo-${user.key}`, name: user.name, email: mail(user.email), role: user.role, departmentId: departments[user.department], extensionIds,
    });
    principals[user.key] = { ...(organisationId && { organisationId }), userId: created.id, role: 'user', extensionId: extensionIds[0]!, departmentId: departments[user.department] };
  }
  const as = (key: DemoUserKey) => createSmsClient({ backend: admin.backend, principal: principals[key] });
  const numbers = {} as DemoWorld['numbers'];
  for (const number of DEMO_NUMBERS) {
    numbers[number.key] = (await admin.numbers.create({ e164: numberOf(number.key), label: number.label, extensionIds: number.extensions.map((key) => extensions[key]) })).id;
  }
  await admin.numbers.setRouting(numbers.support, { email: mail('support@acme.example') });
  await admin.numbers.setRouting(numbers.afterHours, { autoReply: 'Thanks for your message. Our after-hours team will reply within 30 minutes.' });

  for (const contact of DEMO_CONTACTS) {
    await admin.contacts.create({ scope: 'global', name: contact.name, company: contact.company, numbers: contact.numbers.map((number) => ({ ...number })) });
  }
  await as('alice').contacts.create({ scope: 'personal', name: 'Mum', numbers: [{ e164: '+61401000001', label: 'Mobile' }] });

  await admin.templates.create({ scope: 'global', name: 'Appointment reminder', body: 'Hi {{first_name}}, a reminder of your appointment on {{date}}. Reply STOP to opt out.' });
  await admin.templates.create({ scope: 'global', name: 'Office closed', body: 'Our office is closed today. For urgent matters call 1300 000 000.' });
  await as('alice').templates.create({ scope: 'personal', name: 'Running late', body: 'Running about 15 minutes late, sorry!' });

  await admin.keywords.create({
    keyword: 'PARKING', routes: { portal: principals.alice.userId, email: mail('facilities@acme.example') }, autoReply: 'Thanks, facilities will look into it.',
  });
  await admin.keywords.create({
    keyword: 'QUOTE', routes: { portal: principals.ben.userId, mobile: '+61412000202' },
    autoReply: 'Thanks for asking! A member of our sales team will call you back within one business day with your quote. If it is urgent, call 1300 000 000 and mention your reference from this message.',
  });
  await admin.keywords.create({ keyword: 'JOBS', routes: { email: mail('careers@acme.example') }, autoReply: null, enabled: false });

  // Lists: a customer list with merge fields, and a short on-call list.
  const customers = await as('alice').lists.create({ name: 'Customers – Sydney' });
  const size = options.listSize ?? 240;
  const entries = Array.from({ length: size }, (_, index) => ({
    e164: demoMobile(index),
    fields: { first_name: DEMO_FIRST_NAMES[index % DEMO_FIRST_NAMES.length]!, suburb: DEMO_SUBURBS[index % DEMO_SUBURBS.length]! },
    line: index + 2,
  }));
  await as('alice').lists.import(customers.id, { fileName: 'customers-sydney.csv', columns: ['first_name', 'suburb'], entries, errors: [], duplicates: 0 });
  const onCall = await as('chloe').lists.create({ name: 'Support on call' });
  for (const [index, name] of ['Chloe', 'Dev', 'Sam'].entries()) await as('chloe').lists.addEntry(onCall.id, { e164: demoMobile(10_000 + index), fields: { first_name: name } });

  await admin.blocklist.add({ e164: demoMobile(3), reason: 'Asked by phone not to be contacted' });
  await admin.blocklist.import({ entries: [{ e164: demoMobile(7), reason: 'Carrier deactivated number', line: 2 }] });

  // A week of conversations, each thread on its calendar day (local time), so that none straddles midnight whatever
  // the time the seed runs: the past days now, today's after the campaigns of yesterday.
  const endOfWeek = start + 7 * DAY;
  const onDay = (daysAgo: number, minutes: number): number => {
    const day = new Date(endOfWeek);
    day.setHours(0, 0, 0, 0);
    day.setDate(day.getDate() - daysAgo);
    return day.getTime() + minutes * MINUTE - start;
  };
  const threads = [...DEMO_THREADS].sort((a, b) => b.daysAgo - a.daysAgo);
  const playThread = async (thread: (typeof DEMO_THREADS)[number]): Promise<void> => {
    const user = as(thread.sender);
    const numberE164 = numberOf(thread.number);
    for (const [direction, body] of thread.lines) {
      if (direction === 'in') await inject(thread.peer, numberE164, body);
      else await user.messages.send({ channel: 'sms', to: thread.peer, numberId: numbers[thread.number], body });
      await at(now() - start + 3 * MINUTE);
    }
  };
  for (const [index, thread] of threads.filter((candidate) => candidate.daysAgo > 0).entries()) {
    await at(onDay(thread.daysAgo, 9 * 60 + index * 37));
    await playThread(thread);
  }
  await at(6 * DAY + 14 * 60 * MINUTE);
  await as('alice').messages.send({ channel: 'chat', toUserId: principals.ben.userId, body: 'Can you cover the sales line at lunch?' });
  await as('ben').messages.send({ channel: 'chat', toUserId: principals.alice.userId, body: 'Sure, from 12 to 1.' });
  await as('chloe').messages.send({ channel: 'chat', toUserId: principals.dev.userId, body: 'Harbour Dental is back up — thanks for the quick call.' });
  await inject(demoMobile(11), shortCode, 'ACME PARKING A grey van is blocking bay 4');

  const rating = extensions.x201;
  const campaign = (name: string, body: string, listId = customers.id) =>
    as('alice').campaigns.create({ name, sender: { type: 'number', numberId: numbers.sales }, body, ratingExtensionId: rating, recipients: { listId } });

  const completed = await campaign('Winter sale', 'Hi {{first_name}}, our winter sale starts Monday in {{suburb}}. Reply STOP to opt out.');
  await as('alice').campaigns.start(completed.id);
  await at(6 * DAY + 15 * 60 * MINUTE);
  // A recipient of the sale opts out: the blocklist fills itself.
  await inject(demoMobile(5), numberOf('sales'), 'STOP');

  const stopped = await campaign('Stocktake notice', 'Hi {{first_name}}, our {{suburb}} store closes early on Friday for stocktake.');
  await as('alice').campaigns.start(stopped.id);
  await as('alice').campaigns.stop(stopped.id);

  // A campaign scheduled from a number that is taken out of service before it is due: it fails.
  const promoExtension = await admin.directory.createExtension({ number: '299', name: 'Promotions', departmentId: departments.sales });
  await admin.directory.updateUser(principals.ben.userId, { extensionIds: [extensions.x202, promoExtension.id] });
  const doomed = await admin.numbers.create({ e164: inBlock('+61480000199', block), label: 'Temporary promo line', extensionIds: [promoExtension.id] });
  const failed = await as('ben').campaigns.create({
    name: 'Pop-up event', sender: { type: 'number', numberId: doomed.id }, body: 'Pop-up store this weekend!', ratingExtensionId: extensions.x202, recipients: { listId: customers.id },
  });
  await as('ben').campaigns.schedule(failed.id, new Date(now() + 30 * MINUTE).toISOString());
  await admin.numbers.remove(doomed.id);
  await at(6 * DAY + 16 * 60 * MINUTE);

  const draft = await as('alice').campaigns.create({ name: 'Spring launch (draft)', sender: { type: 'alpha', tag: 'ACME' }, body: 'Spring range lands next week. ', ratingExtensionId: rating, recipients: { listId: customers.id } });
  const scheduled = await campaign('Christmas hours', 'Hi {{first_name}}, our Christmas trading hours are on the website.');
  await as('alice').campaigns.schedule(scheduled.id, new Date(start + 14 * DAY).toISOString());

  for (const [index, thread] of threads.filter((candidate) => candidate.daysAgo === 0).entries()) {
    await at(Math.max(7 * DAY - 4 * 60 * MINUTE, onDay(0, 1)) + index * 37 * MINUTE);
    await playThread(thread);
  }

  let largeThread: string | null = null;
  if (options.largeThread && options.largeThread > 0) largeThread = await seedLargeThread(as('dev'), options, numbers.dev, at, start, now);

  await at(7 * DAY - 5 * MINUTE);
  await as('alice').conversations.unread();
  await settle();
  // Last, a campaign left running at the demo's rate: nothing waits for it.
  await admin.settings.update({ segmentsPerSecond: DEMO_SETTINGS.segmentsPerSecond });
  const running = await campaign('Flash sale today', 'Hi {{first_name}}, 20% off everything in {{suburb}} today only!');
  await as('alice').campaigns.start(running.id);

  return {
    principals, numbers, extensions, departments, lists: { customers: customers.id, onCall: onCall.id },
    campaigns: { draft: draft.id, scheduled: scheduled.id, completed: completed.id, stopped: stopped.id, failed: failed.id, running: running.id },
    largeThread,
  };
}

async function seedLargeThread(
  dev: SmsClient,
  options: SeedDemoOptions,
  numberId: string,
  at: (offset: number) => Promise<void>,
  start: number,
  now: () => number,
): Promise<string> {
  const peer = '+61478901234';
  const total = options.largeThread!;
  const number = inBlock(DEMO_NUMBERS.find((candidate) => candidate.key === 'dev')!.e164, options.numberBlock ?? 1);
  // Spread over most of the last day of the demo week.
  const base = now() - start;
  const span = Math.max(7 * DAY - 30 * MINUTE - base, 0);
  for (let index = 0; index < total; index++) {
    if (index % 50 === 0) await at(base + Math.floor((index / total) * span));
    const body = `Message ${index + 1} of ${total}: ${index % 7 === 0 ? 'a longer line of text to vary the height of the bubbles in the view, as real threads do' : 'ok'}`;
    if (index % 2 === 0 && options.inject) {
      await options.inject({ providerId: `demo-large-${index}`, from: peer, to: number, body, receivedAt: new Date(now()).toISOString() });
    } else {
      await dev.messages.send({ channel: 'sms', to: peer, numberId, body });
    }
  }
  const conversation = await dev.conversations.open({ channel: 'sms', peer, numberId });
  return conversation.id;
}
