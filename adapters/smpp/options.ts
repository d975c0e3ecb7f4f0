import * as z from 'zod';
import { parseInput } from '../../src/engine/validate.js';

/** A type of number (TON) and numbering plan (NPI), as SMPP 3.4 codes them (section 5.2.5 and 5.2.6). */
export interface AddressType {
  /** Type of number: 0 unknown, 1 international, 2 national, 3 network specific, 4 subscriber, 5 alphanumeric, 6 abbreviated. */
  ton: number;
  /** Numbering plan: 0 unknown, 1 ISDN (E.164), 3 data, 4 telex, 6 land mobile, 8 national, 9 private. */
  npi: number;
}

/** TLS for the bind: `true` for the system's trusted roots, or Node's `tls.connect` options (`ca`, `servername`...). */
export type SmppTls = boolean | { [option: string]: unknown };

export interface SmppCarrierOptions {
  /** The SMSC's host name or address. */
  host: string;
  /**
   * The SMSC's port.
   * @default 2775 (3550 with `tls`)
   */
  port?: number;
  /** The account's `system_id` (at most 15 characters). */
  systemId: string;
  /** The account's password (at most 8 characters, as SMPP 3.4 allows). */
  password: string;
  /**
   * The `system_type` the SMSC expects, if any (at most 12 characters).
   * @default ''
   */
  systemType?: string;
  /**
   * Bind over TLS.
   * @default false
   */
  tls?: SmppTls;
  /**
   * TON and NPI of a sender that is a phone number: the number goes as its digits without the `+`, which is the
   * international form when `ton` is 1. An alphanumeric sender always goes with TON 5 and NPI 0.
   * @default { ton: 1, npi: 1 }
   */
  source?: AddressType;
  /**
   * TON and NPI of a sender that is a short code (3 to 8 digits).
   * @default { ton: 3, npi: 0 }
   */
  shortCode?: AddressType;
  /**
   * The most submit_sm (one per part) waiting for their response at once.
   * @default 10
   */
  windowSize?: number;
  /**
   * The most submit_sm (one per part) per second, over any one second; 0 means no cap. The carrier also declares it as
   * its `segmentsPerSecondPerSender`, so that the engine paces campaigns to it.
   * @default 0
   */
  tps?: number;
  /**
   * How often an enquire_link checks the bind, in ms.
   * @default 30_000
   */
  enquireLinkMs?: number;
  /**
   * The wait before binding again after the connection dropped or a bind failed: `minMs` first, doubled at each failure
   * up to `maxMs` (each wait drawn between half and all of it).
   * @default { minMs: 1000, maxMs: 30_000 }
   */
  reconnect?: { minMs?: number; maxMs?: number };
  /**
   * How long the SMSC may take to answer a request (bind, submit_sm, enquire_link) before the bind is deemed dead,
   * dropped and made again, and how long a connection may take to be made.
   * @default 10_000
   */
  responseTimeoutMs?: number;
  /**
   * How long a send may wait for its first part to go (for the bind, a window slot, the TPS cap or the end of
   * throttling) before it fails with a retryable `carrier.unavailable`. Keep it below the engine's `carrierTimeoutMs`.
   * @default 10_000
   */
  queueTimeoutMs?: number;
  /**
   * Concatenated inbound messages: parts that do not all arrive within `timeoutMs` of the first are dropped (and
   * counted in `stats.partsDropped`); at most `maxMessages` are pending at once (the oldest is dropped).
   * @default { timeoutMs: 120_000, maxMessages: 1000 }
   */
  reassembly?: { timeoutMs?: number; maxMessages?: number };
  /**
   * Whether the account may send from alphanumeric senders.
   * @default true
   */
  alphaTags?: boolean;
}

const Ton = z.number().int().min(0).max(6);
const Npi = z.number().int().min(0).max(18);
const Ms = (max: number) => z.number().int().positive().max(max);

/** The options with every default applied and every value checked. */
export const SmppConfig = z.object({
  host: z.string().min(1).max(253),
  port: z.number().int().min(1).max(65_535).optional(),
  systemId: z.string().min(1).max(15).regex(/^[\x20-\x7e]*$/, 'printable ASCII'),
  password: z.string().max(8).regex(/^[\x20-\x7e]*$/, 'printable ASCII'),
  systemType: z.string().max(12).regex(/^[\x20-\x7e]*$/, 'printable ASCII').default(''),
  tls: z.union([z.boolean(), z.record(z.string(), z.unknown())]).default(false),
  source: z.object({ ton: Ton, npi: Npi }).default({ ton: 1, npi: 1 }),
  shortCode: z.object({ ton: Ton, npi: Npi }).default({ ton: 3, npi: 0 }),
  windowSize: z.number().int().min(1).max(1000).default(10),
  tps: z.number().min(0).max(100_000).default(0),
  enquireLinkMs: Ms(3_600_000).default(30_000),
  reconnect: z.object({ minMs: Ms(3_600_000).default(1000), maxMs: Ms(3_600_000).default(30_000) })
    .refine((value) => value.minMs <= value.maxMs, { message: 'minMs must not exceed maxMs', path: ['maxMs'] })
    .default({ minMs: 1000, maxMs: 30_000 }),
  responseTimeoutMs: Ms(600_000).default(10_000),
  queueTimeoutMs: Ms(3_600_000).default(10_000),
  reassembly: z.object({ timeoutMs: Ms(86_400_000).default(120_000), maxMessages: z.number().int().min(1).max(1_000_000).default(1000) })
    .default({ timeoutMs: 120_000, maxMessages: 1000 }),
  alphaTags: z.boolean().default(true),
});
export type SmppConfig = z.infer<typeof SmppConfig>;

/** Applies the defaults; a bad option is a `ValidationError` naming it. */
export function resolveOptions(options: SmppCarrierOptions): SmppConfig {
  return parseInput(SmppConfig, options, 'options');
}
