import type { PredefinedList } from '../../src/model/list.js';

/** What changed: the list itself, or the numbers in it. */
export type SmsListChangeAction = 'created' | 'renamed' | 'deleted' | 'imported' | 'entries';

export interface SmsListChangeDetail {
  readonly action: SmsListChangeAction;
  /** The list's id. */
  readonly listId: string;
  /** The list as it is now; null once deleted. */
  readonly list: PredefinedList | null;
}

/**
 * `<sms-list-manager>` changed a predefined list: created, renamed, deleted it, imported a file into it, or added,
 * edited or removed numbers. A campaign editor on the same page can refresh its list picker. Bubbles and is composed.
 *
 * @example
 * manager.addEventListener('sms-list-change', (event) => {
 *   if (event.detail.action === 'deleted') picker.forget(event.detail.listId);
 * });
 */
export class SmsListChangeEvent extends Event {
  static readonly eventName = 'sms-list-change';

  readonly detail: SmsListChangeDetail;

  constructor(detail: SmsListChangeDetail) {
    super(SmsListChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sms-list-change': SmsListChangeEvent;
  }
}
