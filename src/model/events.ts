import type { BlocklistEntry } from './blocklist.js';
import type { Campaign, CampaignCounts } from './campaign.js';
import type { ContactMatch } from './contact.js';
import type { Conversation } from './conversation.js';
import type { Message } from './message.js';
import type { Template } from './template.js';

/** Live events, each as the receiving user is allowed to see it. `id` increases; SSE resumes from it. */
export interface SmsEventMap {
  'message.received': { message: Message; conversation: Conversation | null };
  'message.status': { message: Message };
  'conversation.updated': { conversation: Conversation; removed?: boolean };
  'campaign.progress': { campaignId: string; counts: CampaignCounts };
  'campaign.status': { campaign: Campaign };
  'blocklist.changed': { e164: string; action: 'added' | 'removed'; entry: BlocklistEntry };
  /**
   * A contact was created, changed or removed: sent to those who see it (a global contact to everyone, a personal
   * one to its owner). `numbers` holds every number the change touched (before and after it), each with how the
   * receiving user now recognises it (their personal contacts first, then global ones; null for an unknown number).
   */
  'contact.changed': { contactId: string; action: 'created' | 'updated' | 'removed'; numbers: ContactNumberChange[] };
  /**
   * A template was created, changed or removed: sent to those who may use it (a global template to everyone in the
   * organisation, a personal one to its owner only). `template` is the template as saved, or as it was when removed.
   */
  'template.changed': { action: 'created' | 'updated' | 'removed'; template: Template };
}

/** A number a contact change touched, and how the receiving user recognises it now. */
export interface ContactNumberChange {
  e164: string;
  contact: ContactMatch | null;
}

export type SmsEventType = keyof SmsEventMap;

export const SMS_EVENT_TYPES = [
  'message.received', 'message.status', 'conversation.updated', 'campaign.progress', 'campaign.status', 'blocklist.changed',
  'contact.changed', 'template.changed',
] as const satisfies readonly SmsEventType[];

export type SmsEvent<T extends SmsEventType = SmsEventType> = {
  [K in T]: { id: number; type: K; at: string; data: SmsEventMap[K] };
}[T];
