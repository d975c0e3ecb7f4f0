import { consume } from '@lit/context';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SmsClient } from '../../src/client.js';
import { smsClientContext } from './client-context.js';

/**
 * The base of every element that talks to the backend. The client comes from the `client` property, or else from
 * an enclosing `<sms-provider>`; with neither, `renderMissingClient()` shows a configuration message instead of
 * failing. Elements read `this.smsClient` and never import an adapter or the engine.
 */
export class SmsClientElement extends LitElement {
  /**
   * The SmsClient to use. Optional inside an `<sms-provider>`, which provides one to every element in it.
   */
  @property({ attribute: false }) client?: SmsClient;

  /** @internal */
  @consume({ context: smsClientContext, subscribe: true })
  @state()
  protected contextClient?: SmsClient;

  /** The client in effect: the property, else the provided one. */
  protected get smsClient(): SmsClient | undefined {
    return this.client ?? this.contextClient;
  }

  /** The configuration message shown when no client is set and none is provided. */
  protected renderMissingClient(message: string): TemplateResult {
    return html`<div part="config-error" role="alert" class="config-error">${message}</div>`;
  }

  protected renderNothing(): typeof nothing {
    return nothing;
  }
}
