import type { Campaign, CampaignStatus, Principal } from '../../src/model/index.js';

/** What a person can do with a campaign from the list. */
export type CampaignAction = 'edit' | 'start' | 'stop' | 'unschedule' | 'restart' | 'duplicate' | 'delete';

/** The owner's actions by status, in the order the buttons show them. */
const OWNER_ACTIONS: Record<CampaignStatus, readonly CampaignAction[]> = {
  draft: ['edit', 'start', 'duplicate', 'delete'],
  // Editing a scheduled campaign takes it back to draft (the editor says so).
  scheduled: ['edit', 'unschedule', 'duplicate'],
  running: ['stop', 'duplicate'],
  stopped: ['restart', 'duplicate'],
  failed: ['restart', 'duplicate'],
  completed: ['duplicate'],
};

/** Administrators see every campaign and may stop one (or take a scheduled one back to draft), never start one. */
const ADMIN_ACTIONS: Record<CampaignStatus, readonly CampaignAction[]> = {
  draft: [],
  scheduled: ['unschedule'],
  running: ['stop'],
  stopped: [],
  failed: [],
  completed: [],
};

/**
 * The actions a principal may take on a campaign, after the engine's rules (src/engine/campaigns.ts): the owner
 * edits, starts, stops, restarts, duplicates and deletes by status; an administrator only stops; anyone else nothing.
 *
 * @example
 * actionsFor({ status: 'draft', ownerId: 'u1' }, { userId: 'u1', role: 'user' }) // ['edit', 'start', 'duplicate', 'delete']
 */
export function actionsFor(campaign: Pick<Campaign, 'status' | 'ownerId'>, principal: Pick<Principal, 'role' | 'userId'>): readonly CampaignAction[] {
  if (principal.role === 'admin') return ADMIN_ACTIONS[campaign.status];
  return campaign.ownerId === principal.userId ? OWNER_ACTIONS[campaign.status] : [];
}

/** Actions that ask first: they send, stop sending, or delete. */
export const CONFIRMED_ACTIONS: ReadonlySet<CampaignAction> = new Set(['start', 'stop', 'unschedule', 'restart', 'delete']);

/** Recipients that are done with: neither waiting nor being sent. */
export function processedCount(counts: Campaign['counts']): number {
  return Math.max(0, counts.total - counts.pending - counts.sending);
}
