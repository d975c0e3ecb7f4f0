import { defineElement } from '../internal/define-element.js';
import { SmsNumberManager } from './number-manager.js';

defineElement('sms-number-manager', SmsNumberManager);

declare global {
  interface HTMLElementTagNameMap {
    'sms-number-manager': SmsNumberManager;
  }
}
