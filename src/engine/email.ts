import { isSmsError } from '../errors/sms-error.js';
import type { Message, Principal } from '../model/index.js';
import type { MessagesApi } from '../ports/backend.js';
import type { EngineContext } from './context.js';
import { tryPhone } from './phones.js';

/** An e-mail to the e-mail-to-SMS gateway: the recipient is the To address's local part, the text the subject. */
export interface InboundEmail {
  from: string;
  to: string;
  subject: string;
}

export type EmailToSmsResult =
  | { ok: true; message: Message }
  | { ok: false; code: string; reason: string };

/** The bare address of an e-mail header value (`Alice <alice@acme.example>` → `alice@acme.example`), lowercase. */
export function emailAddress(value: string): string {
  const angle = /<([^>]+)>/.exec(value);
  return (angle?.[1] ?? value).trim().toLowerCase();
}

/**
 * E-mail to SMS: the sender must be a user allowed to send, the recipient is the To address's local part
 * (`61400123456@sms.example.com`), the text is the subject only. Anything else is refused with a clear reason.
 */
export async function emailToSms(ctx: EngineContext, messages: MessagesApi, email: InboundEmail): Promise<EmailToSmsResult> {
  const refuse = (code: string, reason: string): EmailToSmsResult => ({ ok: false, code, reason });
  const from = emailAddress(email.from);
  const users = await ctx.db.users.find({ where: { email: from }, limit: 2 });
  const user = users.items[0];
  if (!user) return refuse('email.unknown_sender', `${from} is not the address of a user of the service.`);
  if (user.role !== 'user') return refuse('email.not_a_sender', 'Administrators cannot send messages.');
  const local = emailAddress(email.to).split('@')[0] ?? '';
  const { defaultCountry } = await ctx.settings();
  const to = tryPhone(local, defaultCountry) ?? tryPhone(`+${local}`, defaultCountry);
  if (!to) return refuse('email.invalid_recipient', `"${local}" in the To address is not a phone number.`);
  const body = email.subject.trim();
  if (!body) return refuse('email.empty', 'The subject is empty: the text of the SMS is taken from the subject only.');
  const principal: Principal = {
    userId: user.id, role: 'user', ...(user.extensionIds[0] && { extensionId: user.extensionIds[0] }), ...(user.departmentId && { departmentId: user.departmentId }),
  };
  try {
    const capabilities = await messages.capabilities(principal);
    const numberId = capabilities.numbers[0]?.id;
    if (!numberId) return refuse('email.no_number', 'No SMS number is assigned to your extension.');
    return { ok: true, message: await messages.send(principal, { channel: 'sms', to, numberId, body }) };
  } catch (error) {
    return refuse(isSmsError(error) ? error.code : 'email.failed', error instanceof Error ? error.message : 'The message could not be sent.');
  }
}
