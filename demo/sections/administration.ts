import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../components/contact-manager/sms-contact-manager.js';
import '../../components/keyword-manager/sms-keyword-manager.js';
import '../../components/number-manager/sms-number-manager.js';
import '../../components/usage-report/sms-usage-report.js';
import '../../components/settings/sms-settings.js';
import '../../components/template-manager/sms-template-manager.js';
import type { DemoSection } from './section.js';
import { MERGE_FIELDS } from './composer.js';

/**
 * The administrator's area: the organisation's SMS numbers and the extensions that hold them, its inbound keywords,
 * its shared contacts and global templates, its usage and cost, and its settings.
 */
export const administrationSection: DemoSection = {
  id: 'administration',
  title: 'administration',
  render: (context) => html`<div class="administration">
    <sms-number-manager class="card" .client=${context.client} default-country="AU" scheme=${ifDefined(context.scheme)}></sms-number-manager>
    <sms-keyword-manager class="card" .client=${context.client} default-country="AU" scheme=${ifDefined(context.scheme)}></sms-keyword-manager>
    <sms-contact-manager class="card" .client=${context.client} default-country="AU" scheme=${ifDefined(context.scheme)}></sms-contact-manager>
    <sms-template-manager class="card" .client=${context.client} merge-fields=${MERGE_FIELDS} scheme=${ifDefined(context.scheme)}></sms-template-manager>
    <sms-usage-report class="card" .client=${context.client} scheme=${ifDefined(context.scheme)}></sms-usage-report>
    <sms-settings class="card" .client=${context.client} scheme=${ifDefined(context.scheme)}></sms-settings>
  </div>`,
};
