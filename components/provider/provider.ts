import { provide } from '@lit/context';
import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { SmsClient } from '../../src/client.js';
import { smsClientContext } from '../internal/client-context.js';
import styles from './provider.styles.js';

/**
 * @tagname sms-provider
 * @summary Provides an SmsClient to every pbx-sms element inside it, so that none needs its own `client`.
 *
 * @slot - The elements (and any of the portal's own markup) that use the client.
 *
 * @example
 * ```html
 * <sms-provider .client=${client}>
 *   <sms-inbox></sms-inbox>
 *   <sms-conversation></sms-conversation>
 * </sms-provider>
 * ```
 */
export class SmsProvider extends LitElement {
  static override styles = styles;

  /** The client the elements inside use: `createSmsClient({ backend, principal })`. */
  @provide({ context: smsClientContext })
  @property({ attribute: false })
  client?: SmsClient;

  override render() {
    return html`<slot></slot>`;
  }
}
