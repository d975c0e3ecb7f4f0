import type { E164 } from '../../../src/phone.js';
import type { BlocklistEntry } from '../../../src/model/blocklist.js';
import type {
  CampaignRecipientRecord, ConversationRecord, ContactRecord, UsageRecord,
} from '../../../src/ports/store.js';

/** Records of the port's own types for the suite, each built from a number and overrides. */

export const T0 = Date.parse('2025-03-01T00:00:00.000Z');

/** An ISO instant `seconds` after T0. */
export function at(seconds: number): string {
  return new Date(T0 + seconds * 1000).toISOString();
}

export function mobile(index: number): E164 {
  return `+614120${String(index).padStart(5, '0')}` as E164;
}

export function recipient(index: number, overrides: Partial<CampaignRecipientRecord> = {}): CampaignRecipientRecord {
  const campaignId = overrides.campaignId ?? 'c1';
  return {
    id: `${campaignId}:${String(index).padStart(6, '0')}`,
    campaignId,
    index,
    e164: mobile(index),
    fields: { first_name: `Ann${index}` },
    line: index + 2,
    state: 'pending',
    messageId: null,
    error: null,
    updatedAt: at(index),
    ...overrides,
  };
}

export function recipients(count: number, overrides: Partial<CampaignRecipientRecord> = {}): CampaignRecipientRecord[] {
  return Array.from({ length: count }, (_, index) => recipient(index, overrides));
}

export function blocked(index: number, overrides: Partial<BlocklistEntry> = {}): BlocklistEntry {
  return {
    e164: mobile(index),
    source: 'manual',
    reason: `Reason ${index}`,
    addedBy: 'u1',
    addedAt: at(index),
    message: null,
    ...overrides,
  };
}

export function conversation(id: string, overrides: Partial<ConversationRecord> = {}): ConversationRecord {
  return {
    id,
    channel: 'sms',
    numberId: 'n1',
    peer: mobile(1),
    participants: [],
    audience: ['number:n1', 'number:*'],
    threadKey: `sms:n1:${id}`,
    alphaTag: null,
    keyword: null,
    lastMessage: null,
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

export function contact(id: string, overrides: Partial<ContactRecord> = {}): ContactRecord {
  return {
    id,
    scope: 'global',
    ownerId: null,
    name: `Contact ${id}`,
    company: '',
    email: null,
    numbers: [{ e164: mobile(1), label: 'Mobile' }],
    e164s: [mobile(1)],
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

export function usage(id: string, overrides: Partial<UsageRecord> = {}): UsageRecord {
  return { id, month: '2025-03', extensionId: 'x1', departmentId: 'd1', messages: 0, segments: 0, cost: 0, inbound: 0, ...overrides };
}

/** The keys of records, in order. */
export function keys(records: readonly { id: string }[]): string[] {
  return records.map((record) => record.id);
}
