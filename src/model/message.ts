import * as z from 'zod';
import { SMS_ENCODINGS } from '../segments.js';
import { Id, MessageBody, Timestamp } from './common.js';
import { SmsNumber } from './number.js';

export const CHANNELS = ['sms', 'chat'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const DIRECTIONS = ['inbound', 'outbound'] as const;
export const Direction = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof Direction>;

/**
 * Outbound: scheduled → queued → sending → sent → delivered | undelivered | failed, or canceled.
 * Inbound: received. `unknown`: the engine stopped between marking a message as sending and hearing back from the
 * carrier, or the carrier did not answer within the engine's carrier timeout, so it may or may not have gone; it is
 * held for review instead of being sent blindly again (an answer that comes later still moves it on).
 */
export const MESSAGE_STATUSES = [
  'scheduled', 'queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'canceled', 'received', 'unknown',
] as const;
export const MessageStatus = z.enum(MESSAGE_STATUSES);
export type MessageStatus = z.infer<typeof MessageStatus>;

/** Statuses after which nothing changes. */
export const FINAL_MESSAGE_STATUSES: ReadonlySet<MessageStatus> = new Set(['delivered', 'undelivered', 'failed', 'canceled', 'received']);

const RANK: Record<MessageStatus, number> = {
  scheduled: 0, queued: 1, sending: 2, unknown: 3, sent: 4, delivered: 5, undelivered: 5, failed: 5, canceled: 5, received: 5,
};

/**
 * True when a message may move from `from` to `to`: status only moves forward, a final status never changes, a late
 * or duplicate report is ignored. Cancel is only possible before sending.
 *
 * @example
 * canTransition('sent', 'delivered') // true
 * canTransition('delivered', 'sent') // false: a late report
 * canTransition('sending', 'canceled') // false: too late to cancel
 */
export function canTransition(from: MessageStatus, to: MessageStatus): boolean {
  if (FINAL_MESSAGE_STATUSES.has(from)) return false;
  if (to === 'canceled') return from === 'scheduled' || from === 'queued';
  if (to === 'received') return false;
  return RANK[to] > RANK[from];
}

export const MessageError = z.object({ code: z.string(), message: z.string() });
export type MessageError = z.infer<typeof MessageError>;

export const Message = z.object({
  id: Id,
  /**
   * Null for a campaign's message (a recipient's reply starts a conversation without it), and for what the service
   * sends outside a thread: the answer to STOP, START or HELP, an inbound SMS forwarded to a mobile.
   */
  conversationId: Id.nullable(),
  direction: Direction,
  channel: Channel,
  /** E.164, an alpha tag, or (chat) a user id. */
  from: z.string(),
  /** E.164 or (chat) a user id. */
  to: z.string(),
  body: z.string(),
  encoding: z.enum(SMS_ENCODINGS),
  segments: z.number().int().nonnegative(),
  status: MessageStatus,
  error: MessageError.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  sendAt: Timestamp.nullable(),
  campaignId: Id.nullable(),
  /** The user who sent it (outbound). */
  senderId: Id.nullable(),
  numberId: Id.nullable(),
  providerId: z.string().nullable(),
});
export type Message = z.infer<typeof Message>;

/**
 * What a user sends: to a conversation they can see, or to a number from one of their numbers (or an alpha tag,
 * one-way), or a chat to another user. `sendAt` schedules it.
 */
export const MessageSend = z.union([
  z.object({
    conversationId: Id,
    body: MessageBody,
    sendAt: Timestamp.optional(),
    /** For a conversation on a group number, nothing to choose; kept for symmetry. */
  }),
  z.object({
    channel: z.literal('sms'),
    to: z.string().min(1).max(40),
    /** The sender's number; required when the user has several. */
    numberId: Id.optional(),
    /** Send one-way from an alpha tag instead of a number. */
    alphaTag: z.string().optional(),
    body: MessageBody,
    sendAt: Timestamp.optional(),
  }),
  z.object({
    channel: z.literal('chat'),
    toUserId: Id,
    body: MessageBody,
  }),
]);
export type MessageSend = z.input<typeof MessageSend>;

/** Whether a user may send now, and from what: the composer says why not instead of failing on send. */
export const SendCapabilities = z.object({
  canSend: z.boolean(),
  /** Why not: 'role.admin' | 'number.none'. */
  reason: z.string().nullable(),
  numbers: z.array(SmsNumber),
  alphaTags: z.array(z.string()),
  blockDirectSends: z.boolean(),
  defaultCountry: z.string(),
});
export type SendCapabilities = z.infer<typeof SendCapabilities>;
