import * as z from 'zod';
import { CARRIER_ADDRESS_MAX_LENGTH } from '../../src/model/carrier.js';

/** A provider SID: two capital letters and 32 hex digits (`SM…` for a message, `AC…` for an account). */
export const Sid = z.string().regex(/^[A-Z]{2}[0-9a-fA-F]{32}$/, 'two letters and 32 hex digits');
export type Sid = z.infer<typeof Sid>;

/** The Messages resource as the API answers a create: only what the adapter reads. */
export const MessageResource = z.object({
  sid: Sid,
  status: z.string().max(32),
});
export type MessageResource = z.infer<typeof MessageResource>;

/** An API error body: `{ code, message, more_info, status }`. */
export const ApiError = z.object({
  code: z.number().int().nullish(),
  message: z.string().max(2000),
  more_info: z.string().max(2000).nullish(),
  status: z.number().int().nullish(),
});
export type ApiError = z.infer<typeof ApiError>;

/** A phone number, short code, alpha tag or channel address, as the provider writes it in a webhook. */
const Address = z.string().min(1).max(CARRIER_ADDRESS_MAX_LENGTH);
/** Twilio's error codes are numbers of up to 5 digits. */
const ErrorCode = z.string().regex(/^\d{1,6}$/, 'digits');

/** The form of an inbound message webhook: what the engine takes (MMS media are not read, only the text). */
export const InboundWebhook = z.object({
  MessageSid: Sid,
  AccountSid: Sid,
  From: Address,
  To: Address,
  Body: z.string().default(''),
  NumMedia: z.string().regex(/^\d{1,2}$/).optional(),
});
export type InboundWebhook = z.infer<typeof InboundWebhook>;

/** The form of a status callback. Statuses the port has no use for (`queued`, `sending`...) are taken and ignored. */
export const StatusWebhook = z.object({
  MessageSid: Sid,
  AccountSid: Sid,
  MessageStatus: z.string().regex(/^[a-z_]{1,32}$/, 'a status'),
  ErrorCode: z.union([ErrorCode, z.literal('')]).optional(),
});
export type StatusWebhook = z.infer<typeof StatusWebhook>;
