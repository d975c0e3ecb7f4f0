import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SmsClient, SmsEventHandler } from '../../src/client.js';
import type { SmsEventType } from '../../src/model/events.js';

export type LiveHandlers = { [T in SmsEventType]?: SmsEventHandler<T> };

/**
 * Listens to the client's live events while the element is connected, and moves to the new client when it changes.
 * Call `sync()` from `updated()` (it does nothing when the client is the same).
 */
export class LiveEventsController implements ReactiveController {
  private client: SmsClient | undefined;
  private offs: (() => void)[] = [];
  private connected = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly getClient: () => SmsClient | undefined,
    private readonly handlers: LiveHandlers,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
  }

  hostUpdated(): void {
    this.sync();
  }

  sync(): void {
    const client = this.connected ? this.getClient() : undefined;
    if (client === this.client) return;
    this.stop();
    this.client = client;
    if (!client) return;
    for (const [type, handler] of Object.entries(this.handlers) as [SmsEventType, SmsEventHandler<SmsEventType>][]) {
      this.offs.push(client.on(type, handler));
    }
  }

  private stop(): void {
    for (const off of this.offs.splice(0)) off();
    this.client = undefined;
  }
}
