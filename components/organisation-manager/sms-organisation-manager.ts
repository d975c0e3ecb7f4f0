import { defineElement } from '../internal/define-element.js';
import { SmsOrganisationManager } from './organisation-manager.js';

defineElement('sms-organisation-manager', SmsOrganisationManager);

declare global {
  interface HTMLElementTagNameMap {
    'sms-organisation-manager': SmsOrganisationManager;
  }
}
