import { defineElement } from '../internal/define-element.js';
import { SmsConversation } from './conversation.js';

defineElement('sms-conversation', SmsConversation);

declare global {
  interface HTMLElementTagNameMap {
    'sms-conversation': SmsConversation;
  }
}
