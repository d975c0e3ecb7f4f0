import * as z from 'zod';
import { E164 } from './e164.js';
import { Id, SearchQuery, Timestamp } from './common.js';

/** Where replies to a user's own number go, and what answers them automatically. */
export const NumberRouting = z.object({
  /** Show replies in the portal inbox. */
  portal: z.boolean().default(true),
  /** Also e-mail them to this address. */
  email: z.email().nullable().default(null),
  /** Also forward them as SMS to this mobile. */
  mobile: E164.nullable().default(null),
  /** Answer each inbound message with this text (null: no auto-response). */
  autoReply: z.string().min(1).max(640).nullable().default(null),
});
export type NumberRouting = z.infer<typeof NumberRouting>;

/**
 * An SMS number in E.164. A number held by several extensions is a group number: all of them see, send and receive
 * its conversations. A removed number keeps its history (`removedAt` is set; it no longer sends).
 */
export const SmsNumber = z.object({
  id: Id,
  e164: E164,
  label: z.string().trim().max(100).default(''),
  extensionIds: z.array(Id).default([]),
  routing: NumberRouting.default(NumberRouting.parse({})),
  createdAt: Timestamp,
  removedAt: Timestamp.nullable().default(null),
});
export type SmsNumber = z.infer<typeof SmsNumber>;

/** `query` matches the number or its label; removed numbers are left out unless `includeRemoved`. */
export const NumberQuery = SearchQuery.extend({ includeRemoved: z.boolean().optional() });
export type NumberQuery = z.input<typeof NumberQuery>;

export const NumberCreate = z.object({
  /** The number as typed (`'0480 000 199'`, `'+61 480 000 199'`): the backend reads it in its default country and stores it in E.164. */
  e164: z.string().trim().min(1).max(40),
  label: z.string().trim().max(100).optional(),
  extensionIds: z.array(Id).optional(),
});
export type NumberCreate = z.input<typeof NumberCreate>;

export const NumberUpdate = z.object({
  label: z.string().trim().max(100).optional(),
  extensionIds: z.array(Id).optional(),
});
export type NumberUpdate = z.input<typeof NumberUpdate>;

export const NumberRoutingUpdate = NumberRouting.partial();
export type NumberRoutingUpdate = z.input<typeof NumberRoutingUpdate>;
