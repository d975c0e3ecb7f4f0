import { defineElement } from '../internal/define-element.js';
import { SmsTemplateManager } from './template-manager.js';

defineElement('sms-template-manager', SmsTemplateManager);

declare global {
  interface HTMLElementTagNameMap {
    'sms-template-manager': SmsTemplateManager;
  }
}
