import { defineElement } from '../internal/define-element.js';
import { SmsInbox } from './inbox.js';

defineElement('sms-inbox', SmsInbox);

declare global {
  interface HTMLElementTagNameMap {
    'sms-inbox': SmsInbox;
  }
}
