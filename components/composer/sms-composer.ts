import { defineElement } from '../internal/define-element.js';
import { SmsComposer } from './composer.js';

defineElement('sms-composer', SmsComposer);

declare global {
  interface HTMLElementTagNameMap {
    'sms-composer': SmsComposer;
  }
}
