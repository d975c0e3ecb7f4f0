import type { StatusReport } from '../../src/ports/carrier.js';

/** The message states of SMPP 3.4 (section 5.2.28), by their value. */
export const MESSAGE_STATES = ['SCHEDULED', 'ENROUTE', 'DELIVERED', 'EXPIRED', 'DELETED', 'UNDELIVERABLE', 'ACCEPTED', 'UNKNOWN', 'REJECTED'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

/** The `stat:` words of the receipt text (SMPP 3.4, appendix B), and the full names some SMSCs write instead. */
const TEXT_STATES: Record<string, MessageState> = {
  SCHEDULED: 'SCHEDULED', ENROUTE: 'ENROUTE', DELIVRD: 'DELIVERED', DELIVERED: 'DELIVERED', EXPIRED: 'EXPIRED', DELETED: 'DELETED',
  UNDELIV: 'UNDELIVERABLE', UNDELIVERABLE: 'UNDELIVERABLE', ACCEPTD: 'ACCEPTED', ACCEPTED: 'ACCEPTED', UNKNOWN: 'UNKNOWN',
  REJECTD: 'REJECTED', REJECTED: 'REJECTED',
};

/** A delivery receipt: which message (the id the SMSC gave in submit_sm_resp), its state, and the error if any. */
export interface Receipt {
  messageId: string;
  state: MessageState;
  /** The SMSC's or network's error code (`err:` or `network_error_code`), null when none or all zeros. */
  error: string | null;
}

/** A message id as an SMSC writes it: 1 to 64 printable ASCII characters, no space. */
const MESSAGE_ID = /^[\x21-\x7e]{1,64}$/;
/** Receipt text is read up to this many characters; the rest (hostile or not) is ignored. */
const TEXT_MAX = 512;
const FIELD = /(?:^|\s)(id|sub|dlvrd|submit date|done date|stat|err):(\S*)/gi;

/**
 * Reads the text form of a delivery receipt, `id:… sub:… dlvrd:… submit date:… done date:… stat:DELIVRD err:…
 * text:…`: null unless it has one id and one known `stat`. What follows `text:` (the start of the message itself) is
 * never read, nor is a field given twice.
 *
 * @example
 * parseReceiptText('id:0123 sub:001 dlvrd:001 submit date:2501010900 done date:2501010901 stat:DELIVRD err:000 text:Hi')
 * // { messageId: '0123', state: 'DELIVERED', error: null }
 */
export function parseReceiptText(text: string): Receipt | null {
  const head = text.slice(0, TEXT_MAX).split(/(?:^|\s)text:/i)[0]!;
  const fields = new Map<string, string>();
  for (const [, key, value] of head.matchAll(FIELD)) {
    const name = key!.toLowerCase();
    if (fields.has(name)) return null;
    fields.set(name, value!);
  }
  const id = fields.get('id');
  const state = TEXT_STATES[(fields.get('stat') ?? '').toUpperCase()];
  if (id === undefined || !MESSAGE_ID.test(id) || state === undefined) return null;
  return { messageId: id, state, error: errorOf(fields.get('err')) };
}

/** What a deliver_sm says of a receipt, once checked for type (the caller's zod schema). */
export interface ReceiptFields {
  receiptedMessageId?: string;
  messageState?: number;
  networkErrorCode?: Uint8Array;
  text?: string;
}

/**
 * The receipt a deliver_sm carries: from its TLVs (`receipted_message_id` and `message_state`, with
 * `network_error_code`) when both are there and valid, else from its text. Null when neither is a receipt.
 */
export function parseReceipt(fields: ReceiptFields): Receipt | null {
  const { receiptedMessageId: id, messageState: value } = fields;
  const state = value === undefined ? undefined : MESSAGE_STATES[value];
  if (id !== undefined && MESSAGE_ID.test(id) && state !== undefined) {
    const code = fields.networkErrorCode;
    const error = code && code.length === 3 ? errorOf(`${code[0]}/${(code[1]! << 8) | code[2]!}`) : null;
    return { messageId: id, state, error: error ?? (fields.text === undefined ? null : parseReceiptText(fields.text)?.error ?? null) };
  }
  return fields.text === undefined ? null : parseReceiptText(fields.text);
}

function errorOf(value: string | undefined): string | null {
  if (value === undefined || !/^[\w/.-]{1,16}$/.test(value) || /^[0/]+$/.test(value)) return null;
  return value;
}

/** What each final state becomes in the engine; the others say the message is on its way (`sent`). */
const FINAL: Partial<Record<MessageState, StatusReport['status']>> = {
  DELIVERED: 'delivered', EXPIRED: 'undelivered', DELETED: 'undelivered', UNDELIVERABLE: 'undelivered', UNKNOWN: 'undelivered', REJECTED: 'failed',
};

/** True when the receipt ends the message's life: delivered, or not and never will be. */
export function isFinal(state: MessageState): boolean {
  return FINAL[state] !== undefined;
}

/** The status report a receipt becomes, for the message whose provider id is `providerId`. */
export function reportOf(receipt: Receipt, providerId: string, at: string): StatusReport {
  const status = FINAL[receipt.state] ?? 'sent';
  if (status === 'sent' || status === 'delivered') return { providerId, status, at };
  const code = receipt.error === null ? receipt.state : `${receipt.state}:${receipt.error}`;
  const detail = receipt.error === null ? '' : ` (error ${receipt.error})`;
  return { providerId, status, error: { code, message: `The SMSC reports the message ${receipt.state.toLowerCase()}${detail}.` }, at };
}
