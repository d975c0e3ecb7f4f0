import { nextTask } from '../../src/engine/clock.js';
import type { CarrierSink, Clock, InboundSms, StatusReport } from '../../src/ports/carrier.js';
import { EventQueue } from './event-queue.js';

/** Something the carrier does at a given time. */
export type CarrierEvent =
  /** A send's answer (the provider id, or a refusal), after the carrier's latency. Needs no sink. */
  | { kind: 'answer'; run(): void }
  | { kind: 'status'; report: StatusReport }
  | { kind: 'inbound'; message: InboundSms };

type PassResult = 'idle' | 'answered';

/**
 * The carrier's timeline: events queued by due time, run on one timer of the clock at a time (never one timer per
 * message), and handed one by one to the connected sink. While no sink is connected, reports and inbound messages are
 * held, and handed over once one connects. A send's answer and the reports that follow it are never handed over in
 * the same task: the sender first gets a turn to record the provider id, as it would over a network.
 */
export class Delivery {
  private readonly queue = new EventQueue<CarrierEvent>();
  private held: Array<{ due: number; event: CarrierEvent }> = [];
  private sink: { target: CarrierSink } | null = null;
  private timer: unknown = null;
  private armedFor = Infinity;
  private current: Promise<PassResult> | null = null;
  /** Reports and inbound messages handed to a sink, and how many of those calls threw. */
  readonly counts = { reports: 0, inbound: 0, sinkErrors: 0 };

  constructor(private readonly clock: Clock) {}

  /** Events queued or held: not yet handed to a sink. */
  get pending(): number {
    return this.queue.size + this.held.length;
  }

  schedule(due: number, event: CarrierEvent): void {
    this.queue.push(due, event);
    this.arm();
  }

  /** Connects a sink in place of any other; returns the function that disconnects it. */
  connect(target: CarrierSink): () => void {
    const connection = { target };
    this.sink = connection;
    const held = this.held;
    this.held = [];
    for (const { due, event } of held) this.queue.push(due, event);
    this.arm();
    return () => {
      if (this.sink === connection) this.sink = null;
    };
  }

  /** Hands an inbound message to the sink at once (or holds it until one connects). */
  async deliverNow(event: CarrierEvent): Promise<void> {
    if (!this.sink) this.held.push({ due: this.clock.now(), event });
    else await this.hand(this.sink.target, event);
  }

  /** Runs everything queued, ahead of time, until nothing is left but what waits for a sink. */
  async flush(): Promise<void> {
    for (;;) {
      if (this.current) {
        await this.current;
        continue;
      }
      if (this.queue.size === 0) break;
      if ((await this.runPass(() => Infinity)) === 'answered') await nextTask();
    }
    this.arm();
  }

  private arm(): void {
    if (this.current) return;
    const due = this.queue.size > 0 ? this.queue.nextDue() : Infinity;
    if (this.timer !== null && this.armedFor <= due && due !== Infinity) return;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.armedFor = Infinity;
    if (due === Infinity) return;
    this.armedFor = due;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.armedFor = Infinity;
      void this.drain();
    }, Math.max(0, due - this.clock.now()));
  }

  private async drain(): Promise<void> {
    if (this.current) return;
    await this.runPass(() => this.clock.now());
    this.arm();
  }

  private runPass(limit: () => number): Promise<PassResult> {
    const pass = this.pass(limit).finally(() => {
      this.current = null;
    });
    this.current = pass;
    return pass;
  }

  private async pass(limit: () => number): Promise<PassResult> {
    let answered = false;
    while (this.queue.size > 0 && this.queue.nextDue() <= limit()) {
      const next = this.queue.peek()!;
      if (next.kind !== 'answer' && answered) return 'answered';
      const { due, item: event } = this.queue.pop()!;
      if (event.kind === 'answer') {
        event.run();
        answered = true;
      } else if (!this.sink) {
        this.held.push({ due, event });
      } else {
        await this.hand(this.sink.target, event);
      }
    }
    return 'idle';
  }

  private async hand(sink: CarrierSink, event: CarrierEvent): Promise<void> {
    try {
      if (event.kind === 'status') {
        this.counts.reports++;
        await sink.status(event.report);
      } else if (event.kind === 'inbound') {
        this.counts.inbound++;
        await sink.inbound(event.message);
      }
    } catch {
      // A real carrier logs a failed webhook and moves on; so does this one, counting it.
      this.counts.sinkErrors++;
    }
  }
}
