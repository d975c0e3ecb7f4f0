import assert from 'node:assert/strict';
import type { SmsClient } from '../../../src/client.js';
import type { Campaign, CampaignDraft, CampaignStatus } from '../../../src/model/index.js';
import { parseRecipients } from '../../../src/recipients/parse.js';
import type { BackendFixture } from '../backend.contract.js';
import { type World, advanceUntil, handset } from './world.js';

export interface Row {
  e164: string;
  fields?: Record<string, string>;
}

/** `count` handsets from `first`, each with a `first_name` merge field. */
export function rows(count: number, first = 1): Row[] {
  return Array.from({ length: count }, (_, index) => ({ e164: handset(first + index), fields: { first_name: `Person${first + index}` } }));
}

/** A predefined list holding these rows, imported in one go. */
export async function makeList(client: SmsClient, entries: Row[], name = 'Customers'): Promise<string> {
  const list = await client.lists.create({ name });
  const columns = [...new Set(entries.flatMap((entry) => Object.keys(entry.fields ?? {})))];
  const report = await client.lists.import(list.id, {
    fileName: `${name}.csv`, columns, errors: [], duplicates: 0,
    entries: entries.map((entry, index) => ({ e164: entry.e164, fields: entry.fields ?? {}, line: index + 2 })),
  });
  assert.equal(report.added, entries.length);
  return list.id;
}

/** An upload parsed from CSV text as a browser would, with `parseRecipients`. */
export async function makeUpload(client: SmsClient, csv: string, name = 'upload.csv'): Promise<string> {
  const parsed = await parseRecipients(csv, { defaultCountry: 'AU' });
  const upload = await client.campaigns.createUpload({
    name, columns: parsed.columns, phoneColumn: parsed.phoneColumn, recipients: parsed.recipients, errors: parsed.errors, duplicates: parsed.duplicates,
  });
  return upload.id;
}

/** A complete draft from alice's number to a list. */
export async function draftFor(client: SmsClient, numberId: string, listId: string, extra: Partial<CampaignDraft> = {}): Promise<Campaign> {
  return client.campaigns.create({ name: 'Spring sale', sender: { type: 'number', numberId }, body: 'Hi {{first_name}}, 20% off this week.', recipients: { listId }, ...extra });
}

/**
 * Alice's campaign from her number to these rows (or that many handsets), started; at `perSecond` segments a second
 * when given.
 */
export async function startCampaign(w: World, entries: Row[] | number, options: { perSecond?: number; draft?: Partial<CampaignDraft> } = {}): Promise<Campaign> {
  if (options.perSecond !== undefined) await w.admin.settings.update({ segmentsPerSecond: options.perSecond });
  const listId = await makeList(w.alice, typeof entries === 'number' ? rows(entries) : entries);
  const campaign = await draftFor(w.alice, w.num.alice.id, listId, options.draft);
  return w.alice.campaigns.start(campaign.id);
}

/** Lets time pass until the campaign reaches one of these statuses. */
export async function untilStatus(fx: BackendFixture, client: SmsClient, id: string, ...statuses: CampaignStatus[]): Promise<Campaign> {
  await advanceUntil(fx, async () => statuses.includes((await client.campaigns.get(id)).status));
  await fx.settle();
  return client.campaigns.get(id);
}
