import { html, nothing, render } from 'lit';
import { registerTranslation, type SmsCampaignEditEvent } from '../../components/index.js';
import '../../components/campaign-editor/sms-campaign-editor.js';
import '../../components/campaign-list/sms-campaign-list.js';
import { translationFrCampaigns } from '../../test/fixtures/translation-fr-campaigns.js';
import { demoClient } from '../backend.js';
import type { DemoSection } from './section.js';

type Who = 'alice' | 'ben' | 'chloe' | 'admin';

const PEOPLE: ReadonlyArray<[Who, string]> = [
  ['alice', 'Alice Nguyen (sales)'],
  ['ben', 'Ben Carter (sales)'],
  ['chloe', 'Chloe Martin (support)'],
  ['admin', 'Administrator (stops, never starts)'],
];

registerTranslation(translationFrCampaigns);

/**
 * Bulk campaigns as Alice sees them: the list (every status, one running live), and the editor the list opens for
 * "New campaign" and "Edit". Starting or scheduling goes back to the list.
 */
export const campaignsSection: DemoSection = {
  id: 'campaigns',
  title: 'Campaigns',
  mount(panel) {
    let who: Who = 'alice';
    /** undefined: the list; null: a new campaign; a string: the campaign being edited. */
    let editing: string | null | undefined;

    const showList = () => {
      editing = undefined;
      void draw();
    };

    const draw = async () => {
      const client = await demoClient(who);
      render(
        html`
          <div style="display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin-bottom: 1rem">
            <label>
              Signed in as
              <select
                @change=${(event: Event) => {
                  who = (event.target as HTMLSelectElement).value as Who;
                  showList();
                }}
              >
                ${PEOPLE.map(([key, label]) => html`<option value=${key} ?selected=${key === who}>${label}</option>`)}
              </select>
            </label>
            ${editing === undefined ? nothing : html`<button type="button" @click=${showList}>← All campaigns</button>`}
          </div>
          <div class="card" style="max-width: 60rem">
            ${editing === undefined
              ? html`<sms-campaign-list
                  .client=${client}
                  @sms-campaign-edit=${(event: SmsCampaignEditEvent) => {
                    editing = event.detail.campaignId;
                    void draw();
                  }}
                ></sms-campaign-list>`
              : html`<sms-campaign-editor
                  .client=${client}
                  .campaignId=${editing ?? undefined}
                  @sms-campaign-started=${showList}
                  @sms-campaign-scheduled=${showList}
                ></sms-campaign-editor>`}
          </div>
        `,
        panel,
      );
    };
    return draw();
  },
};
