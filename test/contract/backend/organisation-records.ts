import type { BackendFixture } from '../backend.contract.js';
import { handset } from './handsets.js';
import type { WorldOrganisation } from './world-organisation.js';

/** How one organisation's records differ from its twin's, which have the same names, numbers and owners. */
export interface RecordsSpec {
  /** A word in every text of the organisation (labels, bodies, merge fields, reasons): it shows a leak in the other. */
  marker: string;
  /** The handsets its administrator blocks. */
  blocked: string[];
  /** The id of a user only this organisation has. */
  onlyUser: string;
  /** Its short code, which its keyword CHORUS arrives on. */
  shortCode: string;
}

/** The ids of what `seedRecords` made. */
export interface SeededRecords extends RecordsSpec {
  contacts: { global: string; personal: string };
  /** Sales' list "Customers" (handsets 1 to 4, a `first_name` each), one of its entries, and the shared list "Everyone". */
  lists: { sales: string; entry: string; shared: string };
  templates: { global: string; personal: string };
  /** The keyword CHORUS, to the portal of alice. */
  keyword: string;
  /** Alice's uploaded file (handsets 6 and 7). */
  upload: string;
  /** Alice's draft "Spring sale" to "Customers". */
  campaign: string;
  /** An SMS from handset 8 to alice's number. */
  inbound: { conversationId: string; messageId: string };
  /** A chat from alice to bob. */
  chat: { conversationId: string; messageId: string };
}

/**
 * Seeds an organisation with records that clash with its twin's: the same contact names and numbers, list and template
 * names, keyword, campaign name and chat between users of the same ids; its settings' answers (opt-out, help) carry its
 * marker. Nothing it does reaches the carrier.
 */
export async function seedRecords(fx: BackendFixture, org: WorldOrganisation, spec: RecordsSpec): Promise<SeededRecords> {
  const { admin, alice } = org;
  const { marker } = spec;
  await admin.settings.update({ shortCode: spec.shortCode, optOutConfirmation: `${marker}: you will get no more messages.`, helpReply: `${marker}: reply STOP to stop.` });
  await admin.directory.createUser({ id: spec.onlyUser, name: `${marker} only`, role: 'user', departmentId: org.dep.sales });
  const contacts = {
    global: (await admin.contacts.create({ scope: 'global', name: 'Customer One', numbers: [{ e164: handset(1), label: `${marker} mobile` }] })).id,
    personal: (await alice.contacts.create({ scope: 'personal', name: 'Customer Two', numbers: [{ e164: handset(2), label: `${marker} home` }] })).id,
  };
  const sales = await alice.lists.create({ name: 'Customers' });
  const entries = [1, 2, 3, 4].map((index) => ({ e164: handset(index), fields: { first_name: `${marker}${index}` }, line: index + 1 }));
  await alice.lists.import(sales.id, { fileName: 'customers.csv', columns: ['first_name'], entries, errors: [], duplicates: 0 });
  const [entry] = (await alice.lists.entries(sales.id)).items;
  const shared = await admin.lists.create({ name: 'Everyone' });
  await admin.lists.addEntry(shared.id, { e164: handset(5), fields: { first_name: `${marker}5` } });
  const templates = {
    global: (await admin.templates.create({ scope: 'global', name: 'Welcome', body: `Welcome to ${marker}` })).id,
    personal: (await alice.templates.create({ scope: 'personal', name: 'Welcome', body: `Hi {{first_name}}, ${marker} here` })).id,
  };
  const keyword = await admin.keywords.create({ keyword: 'CHORUS', routes: { portal: 'alice' }, autoReply: `${marker} chorus` });
  for (const e164 of spec.blocked) await admin.blocklist.add({ e164, reason: `${marker} block` });
  const upload = await alice.campaigns.createUpload({
    name: `${marker}.csv`, columns: ['phone', 'first_name'], phoneColumn: 'phone', errors: [], duplicates: [],
    recipients: [6, 7].map((index) => ({ e164: handset(index), fields: { first_name: `${marker}${index}` }, line: index - 4 })),
  });
  const campaign = await alice.campaigns.create({
    name: 'Spring sale', sender: { type: 'number', numberId: org.num.alice.id }, body: `Hi {{first_name}}, ${marker} sale`, recipients: { listId: sales.id },
  });
  await fx.inject({ from: handset(8), to: org.num.alice.e164, body: `Hello ${marker}` });
  await fx.settle();
  const [conversation] = (await alice.conversations.list()).items;
  const [received] = (await alice.messages.list(conversation!.id)).items;
  const chat = await alice.messages.send({ channel: 'chat', toUserId: 'bob', body: `Hi Bob, ${marker} here` });
  return {
    ...spec, contacts, lists: { sales: sales.id, entry: entry!.id, shared: shared.id }, templates, keyword: keyword.id, upload: upload.id,
    campaign: campaign.id, inbound: { conversationId: conversation!.id, messageId: received!.id }, chat: { conversationId: chat.conversationId!, messageId: chat.id },
  };
}
