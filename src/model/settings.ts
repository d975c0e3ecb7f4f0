import * as z from 'zod';
import { MinorUnits } from './common.js';

/** Backend-wide settings an administrator can change. */
export const Settings = z.object({
  /** ISO 3166 country for numbers typed without a country code. */
  defaultCountry: z.string().regex(/^[A-Z]{2}$/).default('US'),
  /** Some carriers require the blocklist to stop direct messages too, not only campaigns. */
  blockDirectSends: z.boolean().default(false),
  /** Sent once when a number opts out (null: no confirmation). */
  optOutConfirmation: z.string().min(1).max(320).nullable().default('You have been unsubscribed and will receive no more messages. Reply START to resubscribe.'),
  /** Sent when a number opts back in (null: none). */
  optInConfirmation: z.string().min(1).max(320).nullable().default('You have been resubscribed. Reply STOP to unsubscribe.'),
  /** The answer to HELP (null: none). */
  helpReply: z.string().min(1).max(320).nullable().default('Reply STOP to unsubscribe, START to resubscribe.'),
  /** Extra words per class, e.g. `{ 'opt-out': ['ARRET'] }`. */
  keywords: z.object({
    'opt-out': z.array(z.string()).default([]),
    'opt-in': z.array(z.string()).default([]),
    help: z.array(z.string()).default([]),
  }).default({ 'opt-out': [], 'opt-in': [], help: [] }),
  /** The shared short code inbound keywords arrive on, and the prefix before the keyword ("OXFORD CHORUS ..."). */
  shortCode: z.string().max(20).nullable().default(null),
  keywordPrefix: z.string().max(20).nullable().default(null),
  /** Price of one segment (or one message) in minor units. */
  rate: MinorUnits.default(4),
  currency: z.string().length(3).default('USD'),
  chargePer: z.enum(['segment', 'message']).default('segment'),
  /** Campaign throughput per sender, in segments per second (0: as fast as the carrier allows). */
  segmentsPerSecond: z.number().nonnegative().max(10_000).default(10),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsUpdate = Settings.partial();
export type SettingsUpdate = z.input<typeof SettingsUpdate>;
