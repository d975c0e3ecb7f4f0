import type { Principal } from '../../src/model/directory.js';

export interface SmsSupportAccessDetail {
  /** The organisation to look into. */
  readonly organisationId: string;
  /** Its name, for the host's banner ("Support access: Globex Logistics"). */
  readonly name: string;
  /**
   * The principal to act as: the operator, naming the organisation (`{ organisationId, userId, role: 'operator' }`).
   * A client made with it reads as the organisation's administrators do, nothing more, and the backend records each
   * of its calls in the organisation's support access trail (`directory.supportAccess()`).
   */
  readonly principal: Principal;
}

/**
 * Asks the host portal to switch into an organisation for support, once the operator has confirmed: the elements do
 * not switch portals, the host does (a client for `detail.principal`, the organisation's pages). Fired by the
 * "Support" action of `<sms-organisation-manager>`. Bubbles and is composed.
 *
 * @example
 * manager.addEventListener('sms-support-access', (event) => {
 *   portal.show(event.detail.organisationId, createSmsClient({ backend, principal: event.detail.principal }));
 * });
 */
export class SmsSupportAccessEvent extends Event {
  static readonly eventName = 'sms-support-access';

  readonly detail: SmsSupportAccessDetail;

  constructor(detail: SmsSupportAccessDetail) {
    super(SmsSupportAccessEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sms-support-access': SmsSupportAccessEvent;
  }
}
