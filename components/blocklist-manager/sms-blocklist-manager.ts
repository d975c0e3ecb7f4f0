import { defineElement } from '../internal/define-element.js';
import { SmsBlocklistManager } from './blocklist-manager.js';

defineElement('sms-blocklist-manager', SmsBlocklistManager);

declare global {
  interface HTMLElementTagNameMap {
    'sms-blocklist-manager': SmsBlocklistManager;
  }
}
