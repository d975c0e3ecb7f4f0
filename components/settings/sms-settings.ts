import { defineElement } from '../internal/define-element.js';
import { SmsSettings } from './settings.js';

defineElement('sms-settings', SmsSettings);

declare global {
  interface HTMLElementTagNameMap {
    'sms-settings': SmsSettings;
  }
}
