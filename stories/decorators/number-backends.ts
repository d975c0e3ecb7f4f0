import type { SmsClient } from '../../src/index.js';
import { clientFor, createEmptyBackend } from './backends.js';

/**
 * A fresh organisation with its extension and people but no SMS number in service (the empty backend's one number
 * removed): the empty state of `<sms-number-manager>`, for its administrator or its user.
 */
export async function withoutNumbers(role: 'user' | 'admin'): Promise<{ client: SmsClient }> {
  const empty = await createEmptyBackend();
  await clientFor(empty.backend, empty.admin).numbers.remove(empty.numberId);
  return { client: clientFor(empty.backend, role === 'admin' ? empty.admin : empty.user) };
}
