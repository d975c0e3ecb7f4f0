import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SmsClient } from '../../src/client.js';

/**
 * Calls `changed(client)` before the render that first sees a new client (the `client` property set, or an
 * enclosing `<sms-provider>` giving one): the place an element reads its data again for whoever it now works for.
 * An element without a client is not called; a switch back to undefined only forgets the last one.
 *
 * @example
 * private readonly clientChange = new ClientChangeController(this, { client: () => this.smsClient, changed: () => void this.load() });
 */
export class ClientChangeController implements ReactiveController {
  private seen: SmsClient | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: { client: () => SmsClient | undefined; changed: (client: SmsClient) => void },
  ) {
    host.addController(this);
  }

  /** Whether the coming update sees a new client (and calls `changed`): a property change then needs no load of its own. */
  get pending(): boolean {
    return this.options.client() !== this.seen;
  }

  hostUpdate(): void {
    const client = this.options.client();
    if (client === this.seen) return;
    this.seen = client;
    if (client) this.options.changed(client);
  }
}
