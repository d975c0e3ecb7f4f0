import type { Campaign } from '../../src/model/campaign.js';

export interface SmsCampaignScheduledDetail {
  /** The campaign as the backend returned it. */
  readonly campaign: Campaign;
}

/**
 * A campaign was scheduled: it starts by itself at `detail.campaign.scheduledAt`.
 * Fired by `<sms-campaign-editor>`. Bubbles and is composed.
 *
 * @example
 * editor.addEventListener('sms-campaign-scheduled', (event) => console.log(event.detail.campaign.id));
 */
export class SmsCampaignScheduledEvent extends Event {
  static readonly eventName = 'sms-campaign-scheduled';

  readonly detail: SmsCampaignScheduledDetail;

  constructor(detail: SmsCampaignScheduledDetail) {
    super(SmsCampaignScheduledEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sms-campaign-scheduled': SmsCampaignScheduledEvent;
  }
}
