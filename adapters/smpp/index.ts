/**
 * pbx-sms/adapters/smpp: a carrier over SMPP 3.4, for operators and aggregators, on the npm package `smpp` (an
 * optional peer dependency: `npm install smpp`). Node only.
 * @packageDocumentation
 */
export { createSmppCarrier } from './carrier.js';
export type { SmppCarrier, SmppCarrierStats } from './carrier.js';
export type { ConnectionState } from './connection.js';
export type { AddressType, SmppCarrierOptions, SmppTls } from './options.js';
export { MESSAGE_STATES, parseReceipt, parseReceiptText } from './receipts.js';
export type { MessageState, Receipt, ReceiptFields } from './receipts.js';
export { ESM_CLASS_UDHI, MAX_PARTS, splitSms } from './split.js';
export type { DataCoding, SmppParts } from './split.js';
