import { createContext } from '@lit/context';
import type { SmsClient } from '../../src/client.js';

/** The SmsClient that `<sms-provider>` gives every element inside it. A global key: works across bundles. */
export const smsClientContext = createContext<SmsClient | undefined>(Symbol.for('pbx-sms.client'));
