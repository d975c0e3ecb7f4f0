import { defineElement } from '../internal/define-element.js';
import { SmsKeywordManager } from './keyword-manager.js';

defineElement('sms-keyword-manager', SmsKeywordManager);

declare global {
  interface HTMLElementTagNameMap {
    'sms-keyword-manager': SmsKeywordManager;
  }
}
