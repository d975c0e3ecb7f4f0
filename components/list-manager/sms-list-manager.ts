import { defineElement } from '../internal/define-element.js';
import { SmsListManager } from './list-manager.js';

defineElement('sms-list-manager', SmsListManager);

declare global {
  interface HTMLElementTagNameMap {
    'sms-list-manager': SmsListManager;
  }
}
