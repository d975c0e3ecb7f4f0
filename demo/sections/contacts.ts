import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../components/contact-manager/sms-contact-manager.js';
import type { DemoSection } from './section.js';

/** A user's contacts: the shared ones, read-only, and their own (an administrator keeps the shared ones in Administration). */
export const contactsSection: DemoSection = {
  id: 'contacts',
  title: 'contacts',
  render: (context) => html`<sms-contact-manager class="card" .client=${context.client} default-country="AU" scheme=${ifDefined(context.scheme)}></sms-contact-manager>`,
};
