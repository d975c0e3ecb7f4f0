import * as z from 'zod';
import { E164 } from './e164.js';
import { Id, Timestamp } from './common.js';

/** Where a keyword message goes: a user's portal inbox, an e-mail address, a mobile (forwarded by SMS). */
export const KeywordRoutes = z.object({
  portal: Id.nullable().default(null),
  email: z.email().nullable().default(null),
  mobile: E164.nullable().default(null),
});
export type KeywordRoutes = z.infer<typeof KeywordRoutes>;

/**
 * An inbound keyword: "PREFIX KEYWORD message" sent to the shared short code is routed and optionally answered.
 * Opt-out, opt-in and help words cannot be claimed.
 */
export const KeywordRule = z.object({
  id: Id,
  keyword: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,29}$/, 'A keyword is one word of letters, digits and hyphens'),
  routes: KeywordRoutes,
  autoReply: z.string().min(1).max(640).nullable(),
  enabled: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type KeywordRule = z.infer<typeof KeywordRule>;

export const KeywordRuleCreate = z.object({
  keyword: z.string().trim().min(1).max(30).transform((word) => word.toUpperCase()),
  routes: KeywordRoutes.partial().optional(),
  autoReply: z.string().min(1).max(640).nullable().optional(),
  enabled: z.boolean().optional(),
});
export type KeywordRuleCreate = z.input<typeof KeywordRuleCreate>;

export const KeywordRuleUpdate = KeywordRuleCreate.partial();
export type KeywordRuleUpdate = z.input<typeof KeywordRuleUpdate>;
