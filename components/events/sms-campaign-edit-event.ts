export interface SmsCampaignEditDetail {
  /** The campaign to edit, or null for a new campaign. */
  readonly campaignId: string | null;
}

/**
 * Asks the host to open the campaign editor: `<sms-campaign-list>` fires it for "Edit" (a draft or a scheduled
 * campaign) and for "New campaign" (`campaignId: null`). The host shows `<sms-campaign-editor campaign-id=...>`.
 * Bubbles and is composed.
 *
 * @example
 * list.addEventListener('sms-campaign-edit', (event) => {
 *   editor.campaignId = event.detail.campaignId ?? undefined;
 *   editor.hidden = false;
 * });
 */
export class SmsCampaignEditEvent extends Event {
  static readonly eventName = 'sms-campaign-edit';

  readonly detail: SmsCampaignEditDetail;

  constructor(detail: SmsCampaignEditDetail) {
    super(SmsCampaignEditEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sms-campaign-edit': SmsCampaignEditEvent;
  }
}
