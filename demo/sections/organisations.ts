import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../components/organisation-manager/sms-organisation-manager.js';
import type { DemoSection } from './section.js';

/**
 * The operator's page: the organisations of the deployment. "Support" on a row fires `sms-support-access`, which the
 * portal handles (demo/portal.ts): it shows that organisation's pages, read-only, as the operator acting for support.
 */
export const organisationsSection: DemoSection = {
  id: 'organisations',
  title: 'organisations',
  render: (context) => html`
    <p class="hint">${context.t('organisationsHint')}</p>
    <sms-organisation-manager class="card" .client=${context.client} scheme=${ifDefined(context.scheme)}></sms-organisation-manager>
  `,
};
