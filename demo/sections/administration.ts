import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../components/contact-manager/sms-contact-manager.js';
import '../../components/keyword-manager/sms-keyword-manager.js';
import '../../components/number-manager/sms-number-manager.js';
import type { DemoSection } from './section.js';

/**
 * The administrator's area: the organisation's SMS numbers and the extensions that hold them, its inbound keywords and
 * its shared contacts.
 */
export const administrationSection: DemoSection = {
  id: 'administration',
  title: 'administration',
  render: (context) => html`<div class="administration">
    <sms-number-manager class="card" .client=${context.client} default-country="AU" scheme=${ifDefined(context.scheme)}></sms-number-manager>
    <sms-keyword-manager class="card" .client=${context.client} default-country="AU" scheme=${ifDefined(context.scheme)}></sms-keyword-manager>
    <sms-contact-manager class="card" .client=${context.client} default-country="AU" scheme=${ifDefined(context.scheme)}></sms-contact-manager>
  </div>`,
};
