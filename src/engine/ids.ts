import { host } from '../internal/host.js';

/**
 * Sortable, unique ids: time in base 36, a counter within the millisecond, and a random part drawn once per engine
 * (so that two engines on one store never collide), behind a short prefix naming the kind (`msg_`, `cmp_`...).
 * Sorting ids sorts by creation within one engine.
 */
export function createIdGenerator(now: () => number): (prefix: string) => string {
  let last = 0;
  let counter = 0;
  const instance = random(8);
  return (prefix) => {
    const time = now();
    counter = time === last ? counter + 1 : 0;
    last = time;
    return `${prefix}_${time.toString(36).padStart(9, '0')}${counter.toString(36).padStart(4, '0')}${instance}`;
  };
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

function random(length: number): string {
  const bytes = new Uint8Array(length);
  if (host.crypto) host.crypto.getRandomValues(bytes);
  else for (let index = 0; index < length; index++) bytes[index] = Math.floor(Math.random() * 256);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % 36];
  return out;
}

/** The message id of a campaign recipient: derived, so that recovery and reports find one from the other. */
export function campaignMessageId(recipientId: string): string {
  return `cm_${recipientId}`;
}

/** The campaign recipient a message was sent to, from its id, or null for a message that is not a campaign's. */
export function recipientIdOfMessage(messageId: string): string | null {
  return messageId.startsWith('cm_') ? messageId.slice(3) : null;
}

/** The id of an uploaded file's row: the upload's id and the row's position, so that rows are read by position. */
export function uploadRowId(uploadId: string, index: number): string {
  return `${uploadId}:${index}`;
}

/** The id of a campaign's recipient: the campaign's id and the recipient's position, so that dispatch claims by position. */
export function campaignRecipientId(campaignId: string, index: number): string {
  return `${campaignId}:${index}`;
}
