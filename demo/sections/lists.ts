import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../components/blocklist-manager/sms-blocklist-manager.js';
import '../../components/list-manager/sms-list-manager.js';
import type { DemoSection } from './section.js';

/** Predefined recipient lists: a user sees their department's and the shared ones; an administrator all. */
export const listsSection: DemoSection = {
  id: 'lists',
  title: 'lists',
  render: (context) => html`<sms-list-manager class="card" .client=${context.client} default-country="AU" scheme=${ifDefined(context.scheme)}></sms-list-manager>`,
};

/** The opt-out blocklist: administrators change it, users search and export it. */
export const blocklistSection: DemoSection = {
  id: 'blocklist',
  title: 'blocklist',
  render: (context) => html`<sms-blocklist-manager class="card" .client=${context.client} default-country="AU" scheme=${ifDefined(context.scheme)}></sms-blocklist-manager>`,
};
