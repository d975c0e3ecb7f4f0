import { defineElement } from '../internal/define-element.js';
import { SmsProvider } from './provider.js';

defineElement('sms-provider', SmsProvider);

declare global {
  interface HTMLElementTagNameMap {
    'sms-provider': SmsProvider;
  }
}
