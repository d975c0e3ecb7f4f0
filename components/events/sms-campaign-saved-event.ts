import type { Campaign } from '../../src/model/campaign.js';

export interface SmsCampaignSavedDetail {
  /** The campaign as the backend returned it. */
  readonly campaign: Campaign;
}

/**
 * A campaign was saved as a draft (created or updated). `detail.campaign` is the campaign as stored.
 * Fired by `<sms-campaign-editor>`. Bubbles and is composed.
 *
 * @example
 * editor.addEventListener('sms-campaign-saved', (event) => console.log(event.detail.campaign.id));
 */
export class SmsCampaignSavedEvent extends Event {
  static readonly eventName = 'sms-campaign-saved';

  readonly detail: SmsCampaignSavedDetail;

  constructor(detail: SmsCampaignSavedDetail) {
    super(SmsCampaignSavedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sms-campaign-saved': SmsCampaignSavedEvent;
  }
}
