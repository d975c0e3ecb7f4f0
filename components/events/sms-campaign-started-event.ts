import type { Campaign } from '../../src/model/campaign.js';

export interface SmsCampaignStartedDetail {
  /** The campaign as the backend returned it. */
  readonly campaign: Campaign;
}

/**
 * A campaign was started: it is running and its messages are being sent. `detail.campaign` is the running campaign.
 * Fired by `<sms-campaign-editor>`. Bubbles and is composed.
 *
 * @example
 * editor.addEventListener('sms-campaign-started', (event) => console.log(event.detail.campaign.id));
 */
export class SmsCampaignStartedEvent extends Event {
  static readonly eventName = 'sms-campaign-started';

  readonly detail: SmsCampaignStartedDetail;

  constructor(detail: SmsCampaignStartedDetail) {
    super(SmsCampaignStartedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sms-campaign-started': SmsCampaignStartedEvent;
  }
}
