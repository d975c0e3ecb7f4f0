// Every event class the elements fire, one file each. Add a line per new event.
export { SmsGsmReplaceEvent } from './sms-gsm-replace-event.js';
export type { SmsGsmReplaceDetail } from './sms-gsm-replace-event.js';
