import { defineElement } from '../internal/define-element.js';
import { SmsNewConversation } from './new-conversation.js';

defineElement('sms-new-conversation', SmsNewConversation);

declare global {
  interface HTMLElementTagNameMap {
    'sms-new-conversation': SmsNewConversation;
  }
}
