import type { PredefinedList } from '../../src/model/list.js';

export interface SmsListSelectDetail {
  /** The list the user opened. */
  readonly list: PredefinedList;
}

/**
 * A predefined list was opened in `<sms-list-manager>` (its numbers are shown beside the lists). Bubbles and is
 * composed.
 *
 * @example
 * manager.addEventListener('sms-list-select', (event) => history.replaceState(null, '', `#list=${event.detail.list.id}`));
 */
export class SmsListSelectEvent extends Event {
  static readonly eventName = 'sms-list-select';

  readonly detail: SmsListSelectDetail;

  constructor(detail: SmsListSelectDetail) {
    super(SmsListSelectEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sms-list-select': SmsListSelectEvent;
  }
}
