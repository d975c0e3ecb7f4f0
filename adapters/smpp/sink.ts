import type { CarrierSink, InboundSms, StatusReport } from '../../src/ports/carrier.js';

type Item = { kind: 'status'; report: StatusReport } | { kind: 'inbound'; message: InboundSms };

/** Reports and inbound messages held at most while no sink is connected; beyond, the oldest are dropped (and counted). */
export const HELD_MAX = 10_000;

/**
 * Hands reports and inbound messages to the connected sink, one at a time in the order they came; holds them while
 * none is connected (at most HELD_MAX) and hands them over when one connects.
 */
export class SinkRelay {
  private sink: CarrierSink | null = null;
  private held: Item[] = [];
  private running: Promise<void> | null = null;
  /** Hand-overs under way. */
  private active = 0;
  private readonly idleWaiters: Array<() => void> = [];
  counts = { reports: 0, inbound: 0, sinkErrors: 0, heldDropped: 0 };

  /** Connects a sink (in place of any other) and hands it what was held; returns the function that disconnects it. */
  connect(sink: CarrierSink): () => void {
    this.sink = sink;
    this.drain();
    return () => {
      if (this.sink === sink) this.sink = null;
    };
  }

  /**
   * Hands an item to the sink: true once the sink took it (or it is held for want of one), false when the sink threw
   * (so that the SMSC is told to deliver it again).
   */
  async hand(item: Item): Promise<boolean> {
    if (!this.sink || this.held.length > 0 || this.running) {
      this.hold(item);
      this.drain();
      return true;
    }
    return this.deliver(this.sink, item);
  }

  status(report: StatusReport): Promise<boolean> {
    return this.hand({ kind: 'status', report });
  }

  inbound(message: InboundSms): Promise<boolean> {
    return this.hand({ kind: 'inbound', message });
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** Resolves once nothing is being handed to the sink (what is held for want of one stays held). */
  idle(): Promise<void> {
    if (!this.running && this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private hold(item: Item): void {
    this.held.push(item);
    if (this.held.length > HELD_MAX) {
      this.held.shift();
      this.counts.heldDropped += 1;
    }
  }

  private drain(): void {
    if (this.running || !this.sink || this.held.length === 0) return;
    this.running = (async () => {
      while (this.sink && this.held.length > 0) await this.deliver(this.sink, this.held.shift()!);
    })().finally(() => {
      this.running = null;
      if (this.sink && this.held.length > 0) this.drain();
      else this.wakeIdle();
    });
  }

  private wakeIdle(): void {
    if (!this.running && this.active === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async deliver(sink: CarrierSink, item: Item): Promise<boolean> {
    this.active += 1;
    try {
      if (item.kind === 'status') {
        this.counts.reports += 1;
        await sink.status(item.report);
      } else {
        this.counts.inbound += 1;
        await sink.inbound(item.message);
      }
      return true;
    } catch {
      this.counts.sinkErrors += 1;
      return false;
    } finally {
      this.active -= 1;
      this.wakeIdle();
    }
  }
}
