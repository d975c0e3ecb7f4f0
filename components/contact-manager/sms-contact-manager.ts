import { defineElement } from '../internal/define-element.js';
import { SmsContactManager } from './contact-manager.js';

defineElement('sms-contact-manager', SmsContactManager);

declare global {
  interface HTMLElementTagNameMap {
    'sms-contact-manager': SmsContactManager;
  }
}
