import type { SmppPackage } from 'smpp';
import type { Clock } from '../../src/ports/carrier.js';
import type { SmppConfig } from './options.js';
import { type SessionHandlers, SmppSession } from './session.js';

/** The state of the bind: `down` between attempts, `closed` for good. */
export type ConnectionState = 'connecting' | 'bound' | 'down' | 'closed';

interface Waiter {
  resolve(session: SmppSession): void;
  reject(error: unknown): void;
  timer: unknown;
}

/**
 * Keeps one transceiver bound: binds, and when the connection drops or a bind fails, binds again after a wait that
 * starts at `reconnect.minMs` and doubles up to `reconnect.maxMs` (each wait drawn between half and all of it, so that
 * many clients do not come back at once); a bind that holds resets the wait.
 */
export class Connection {
  state: ConnectionState = 'down';
  /** Why the last bind failed or the last connection dropped. */
  lastError: Error | null = null;
  binds = 0;
  drops = 0;
  private session: SmppSession | null = null;
  private readonly waiters = new Set<Waiter>();
  private sleep: { timer: unknown; wake(): void } | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly load: () => Promise<SmppPackage>,
    private readonly config: SmppConfig,
    private readonly handlers: SessionHandlers,
    private readonly clock: Clock,
  ) {}

  /** Starts binding, once. */
  start(): void {
    this.running ??= this.run();
  }

  /**
   * The bound session, once there is one. Rejects with `onTimeout()` at `deadline` (ms on the clock; Infinity waits
   * on), and with `onClosed()` if the connection is closed first.
   */
  whenBound(deadline: number, onTimeout: () => unknown, onClosed: () => unknown): Promise<SmppSession> {
    if (this.session?.alive) return Promise.resolve(this.session);
    if (this.state === 'closed') return Promise.reject(onClosed());
    this.start();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject: (error) => reject(error ?? onClosed()), timer: null };
      if (Number.isFinite(deadline)) {
        waiter.timer = this.clock.setTimeout(() => {
          this.waiters.delete(waiter);
          reject(onTimeout());
        }, Math.max(0, deadline - this.clock.now()));
      }
      this.waiters.add(waiter);
    });
  }

  /** Unbinds, stops binding again, and refuses every wait. */
  async close(): Promise<void> {
    if (this.state === 'closed') return;
    this.state = 'closed';
    for (const waiter of this.waiters) {
      this.clock.clearTimeout(waiter.timer);
      waiter.reject(undefined);
    }
    this.waiters.clear();
    this.sleep?.wake();
    await this.session?.close();
    await this.running;
  }

  /** Drops the current connection (it is bound again as after any drop). */
  drop(): void {
    this.session?.destroy();
  }

  private async run(): Promise<void> {
    let wait = this.config.reconnect.minMs;
    while (!this.isClosed()) {
      this.state = 'connecting';
      try {
        const smpp = await this.load();
        const session = await SmppSession.open(smpp, this.config, this.handlers, this.clock);
        if (this.isClosed()) {
          await session.close();
          return;
        }
        this.session = session;
        this.state = 'bound';
        this.binds += 1;
        wait = this.config.reconnect.minMs;
        for (const waiter of this.waiters) {
          this.clock.clearTimeout(waiter.timer);
          waiter.resolve(session);
        }
        this.waiters.clear();
        this.lastError = await session.closed;
        this.session = null;
        if (this.isClosed()) return;
        this.drops += 1;
      } catch (error) {
        this.lastError = error instanceof Error ? error : new Error(String(error));
        if ((error as { code?: unknown })?.code === 'dependency.missing') this.failWaiters(error);
      }
      if (this.isClosed()) return;
      this.state = 'down';
      await this.pause(wait / 2 + Math.random() * (wait / 2));
      wait = Math.min(wait * 2, this.config.reconnect.maxMs);
    }
  }

  /** A method, so that TypeScript does not narrow `state` across the awaits of `run`. */
  private isClosed(): boolean {
    return this.state === 'closed';
  }

  private failWaiters(error: unknown): void {
    for (const waiter of this.waiters) {
      this.clock.clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.waiters.clear();
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.clock.clearTimeout(this.sleep?.timer);
        this.sleep = null;
        resolve();
      };
      this.sleep = { timer: this.clock.setTimeout(wake, ms), wake };
    });
  }
}
