import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { Clock } from '../../src/ports/carrier.js';
import type { PartReceipts } from './part-receipts.js';
import { parseReceipt } from './receipts.js';
import type { Reassembler } from './reassembly.js';
import type { SinkRelay } from './sink.js';
import { STATUS } from './status.js';
import { type ConcatInfo, concatFromSar, concatFromUdh } from './udh.js';

const Octet = z.number().int().min(0).max(255);
/** An SMPP address: printable ASCII, at most 20 characters (a C-Octet String of 21). */
const Address = z.string().max(20).regex(/^[\x20-\x7e]*$/);
/** A short message or payload as the `smpp` package decodes it: its UDH elements, and its text (or octets). */
const Decoded = z.object({
  udh: z.array(z.instanceof(Uint8Array)).max(32).optional(),
  message: z.union([z.string().max(65_535), z.instanceof(Uint8Array)]),
});

/** The fields of a deliver_sm the adapter reads, each checked before use: whatever the SMSC sends. */
export const DeliverSm = z.object({
  source_addr_ton: Octet,
  source_addr: Address,
  dest_addr_ton: Octet,
  destination_addr: Address,
  esm_class: Octet,
  short_message: Decoded.optional(),
  message_payload: Decoded.optional(),
  receipted_message_id: z.string().max(65).optional(),
  message_state: Octet.optional(),
  network_error_code: z.instanceof(Uint8Array).optional(),
  sar_msg_ref_num: z.number().optional(),
  sar_total_segments: z.number().optional(),
  sar_segment_seqnum: z.number().optional(),
});
export type DeliverSm = z.infer<typeof DeliverSm>;

/** The message type bits of esm_class (SMPP 3.4, 5.2.12): a delivery receipt, or an intermediate notification. */
const TYPE_MASK = 0x3c;
const RECEIPT_TYPES = new Set([0x04, 0x20]);
const TON_INTERNATIONAL = 1;

/** What deliver_sm handling counts. */
export interface DeliverCounts {
  /** deliver_sm answered with an error because they were malformed, or neither a receipt nor text. */
  deliversRefused: number;
  /** deliver_sm of a type the adapter does not use (SME or user acknowledgements), answered and dropped. */
  deliversIgnored: number;
}

export interface DeliverContext {
  relay: SinkRelay;
  parts: PartReceipts;
  reassembler: Reassembler;
  clock: Clock;
  counts: DeliverCounts;
}

/**
 * Handles one deliver_sm; resolves with the command status of its deliver_sm_resp. A delivery receipt becomes a status
 * report (the parts of a multi-part message under its first part's id); a mobile-originated message becomes an
 * inbound SMS, once all its parts are in. Malformed ones are answered ESME_RX_P_APPN (the SMSC should not send them
 * again), and ones the sink could not take ESME_RX_T_APPN (it should).
 */
export async function handleDeliver(pdu: Record<string, unknown>, context: DeliverContext): Promise<number> {
  const parsed = DeliverSm.safeParse(pdu);
  if (!parsed.success) return refuse(context);
  const deliver = parsed.data;
  const text = textOf(deliver);
  const at = new Date(context.clock.now()).toISOString();
  const type = deliver.esm_class & TYPE_MASK;
  if (RECEIPT_TYPES.has(type) || deliver.receipted_message_id !== undefined) {
    const receipt = parseReceipt({
      receiptedMessageId: deliver.receipted_message_id, messageState: deliver.message_state, networkErrorCode: deliver.network_error_code,
      text: typeof text === 'string' ? text : undefined,
    });
    if (!receipt) return refuse(context);
    const report = context.parts.report(receipt, at);
    return report === null || (await context.relay.status(report)) ? STATUS.ESME_ROK : STATUS.ESME_RX_T_APPN;
  }
  if (type !== 0) {
    context.counts.deliversIgnored += 1;
    return STATUS.ESME_ROK;
  }
  const from = addressOf(deliver.source_addr, deliver.source_addr_ton);
  const to = addressOf(deliver.destination_addr, deliver.dest_addr_ton);
  if (typeof text !== 'string' || from === '' || to === '') return refuse(context);
  const concat = concatOf(deliver);
  const body = concat && concat.total > 1 ? context.reassembler.add(`${from}\u0000${to}`, concat, text) : text;
  if (body === null) return STATUS.ESME_ROK;
  const taken = await context.relay.inbound({ providerId: `smpp-mo-${randomUUID()}`, from, to, body, receivedAt: at });
  return taken ? STATUS.ESME_ROK : STATUS.ESME_RX_T_APPN;
}

function refuse(context: DeliverContext): number {
  context.counts.deliversRefused += 1;
  return STATUS.ESME_RX_P_APPN;
}

/** The text of the short message, or of message_payload when that is where it is; octets when it is not text. */
function textOf(deliver: DeliverSm): string | Uint8Array | undefined {
  const short = deliver.short_message;
  if (short && (typeof short.message !== 'string' || short.message.length > 0)) return short.message;
  return deliver.message_payload?.message ?? short?.message;
}

function concatOf(deliver: DeliverSm): ConcatInfo | null {
  const udh = deliver.short_message?.udh ?? deliver.message_payload?.udh;
  return (udh ? concatFromUdh(udh) : null) ?? concatFromSar(deliver.sar_msg_ref_num, deliver.sar_total_segments, deliver.sar_segment_seqnum);
}

/** An international number (TON 1) gets its `+`; any other address stays as the SMSC wrote it. */
function addressOf(address: string, ton: number): string {
  const trimmed = address.trim();
  return ton === TON_INTERNATIONAL && /^\d{1,15}$/.test(trimmed) ? `+${trimmed}` : trimmed;
}
