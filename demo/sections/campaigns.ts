import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SmsCampaignEditEvent } from '../../components/index.js';
import '../../components/campaign-editor/sms-campaign-editor.js';
import '../../components/campaign-list/sms-campaign-list.js';
import type { Who } from '../people.js';
import type { DemoSection } from './section.js';

/** undefined: the list; null: a new campaign; a string: the campaign being edited. Per person. */
const editing = new Map<Who, string | null>();

/** Bulk campaigns: the list (every status, one running live), and the editor it opens for "New campaign" and "Edit". */
export const campaignsSection: DemoSection = {
  id: 'campaigns',
  title: 'campaigns',
  render(context) {
    const showList = () => {
      editing.delete(context.who);
      context.redraw();
    };
    const campaignId = editing.get(context.who);
    if (!editing.has(context.who)) {
      return html`<sms-campaign-list
        class="card"
        .client=${context.client}
        scheme=${ifDefined(context.scheme)}
        @sms-campaign-edit=${(event: SmsCampaignEditEvent) => {
          editing.set(context.who, event.detail.campaignId);
          context.redraw();
        }}
      ></sms-campaign-list>`;
    }
    return html`
      <div class="page-toolbar"><button type="button" class="button" @click=${showList}>← ${context.t('allCampaigns')}</button></div>
      <sms-campaign-editor
        class="card"
        .client=${context.client}
        .campaignId=${campaignId ?? undefined}
        default-country="AU"
        scheme=${ifDefined(context.scheme)}
        @sms-campaign-started=${showList}
        @sms-campaign-scheduled=${showList}
      ></sms-campaign-editor>
    `;
  },
};
