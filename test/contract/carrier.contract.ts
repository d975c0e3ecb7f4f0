import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CarrierError, isCarrierError } from '../../src/errors/carrier-error.js';
import { countSegments } from '../../src/segments.js';
import {
  CARRIER_REPORT_STATUSES, type Carrier, type CarrierSink, type InboundSms, type OutboundSms, type StatusReport,
} from '../../src/ports/carrier.js';

/** A carrier under test, and how to let its time pass. */
export interface CarrierHarness {
  carrier: Carrier;
  /** Lets time pass until everything the carrier has scheduled (answers, reports) has happened. */
  settle(): Promise<void>;
  /**
   * A sender the carrier accepts.
   * @default '+61400000001'
   */
  from?: string;
  /**
   * Recipients the carrier accepts (at least 4).
   * @default eight Australian mobile numbers
   */
  to?: readonly string[];
  /** Frees what the harness holds. */
  close?(): void | Promise<void>;
}

export interface CarrierContractOptions {
  /** Names the implementation in the test report. */
  name: string;
  /** A fresh carrier for each test. */
  create(): CarrierHarness | Promise<CarrierHarness>;
}

const DEFAULT_TO = Array.from({ length: 8 }, (_, index) => `+6141200000${index}`);

/** A sink that records what it is given. */
export function recordingSink(): CarrierSink & { reports: StatusReport[]; received: InboundSms[] } {
  const reports: StatusReport[] = [];
  const received: InboundSms[] = [];
  return {
    reports,
    received,
    async status(report) {
      reports.push(report);
    },
    async inbound(message) {
      received.push(message);
    },
  };
}

/**
 * What any `Carrier` must do, whichever provider it speaks to. An adapter's test file calls this with a factory.
 *
 * @example
 * runCarrierContract({
 *   name: 'simulated carrier',
 *   create: () => {
 *     const carrier = createSimulatedCarrier({ seed: 1 });
 *     return { carrier, settle: () => carrier.flush() };
 *   },
 * });
 */
export function runCarrierContract(options: CarrierContractOptions): void {
  describe(`Carrier contract: ${options.name}`, () => {
    async function withHarness(test: (harness: Required<Omit<CarrierHarness, 'close'>>) => Promise<void>): Promise<void> {
      const harness = await options.create();
      try {
        await test({ carrier: harness.carrier, settle: harness.settle, from: harness.from ?? '+61400000001', to: harness.to ?? DEFAULT_TO });
      } finally {
        await harness.close?.();
      }
    }

    function message(from: string, to: string, index: number, body = `Contract message ${index}`): OutboundSms {
      const count = countSegments(body);
      return { messageId: `contract-${index}`, from, to, body, encoding: count.encoding, segments: count.segments };
    }

    /** Sends `count` messages concurrently; returns the accepted provider ids and checks every refusal's shape. */
    async function sendMany(carrier: Carrier, from: string, to: readonly string[], count: number): Promise<string[]> {
      const bodies = ['Hello', 'Grüße aus Wien 😀', 'Your code is 123456. '.repeat(10)];
      const results = await Promise.allSettled(
        Array.from({ length: count }, (_, index) => carrier.send(message(from, to[index % to.length]!, index, bodies[index % bodies.length]))),
      );
      const ids: string[] = [];
      for (const result of results) {
        if (result.status === 'fulfilled') ids.push(result.value.providerId);
        else assertCarrierError(result.reason);
      }
      return ids;
    }

    it('declares whether it takes alpha tags and its throughput per sender', async () => {
      await withHarness(async ({ carrier }) => {
        assert.equal(typeof carrier.capabilities.alphaTags, 'boolean');
        const rate = carrier.capabilities.segmentsPerSecondPerSender;
        assert.ok(typeof rate === 'number' && Number.isFinite(rate) && rate >= 0, `segmentsPerSecondPerSender: ${rate}`);
      });
    });

    it('answers each accepted send with a non-empty provider id, unique across sends', async () => {
      await withHarness(async ({ carrier, settle, from, to }) => {
        const pending = sendMany(carrier, from, to, 40);
        await settle();
        const ids = await pending;
        const one = carrier.send(message(from, to[0]!, 99)).then((answer) => answer.providerId, (error: unknown) => (assertCarrierError(error), null));
        await settle();
        const last = await one;
        if (last !== null) ids.push(last);
        assert.ok(ids.length > 0, 'the carrier accepted none of 41 sends');
        for (const id of ids) assert.ok(typeof id === 'string' && id.length > 0, `provider id ${JSON.stringify(id)}`);
        assert.equal(new Set(ids).size, ids.length, 'provider ids repeat');
      });
    });

    it('reports every accepted send at least once, with its provider id and only the port statuses', async () => {
      await withHarness(async ({ carrier, settle, from, to }) => {
        const sink = recordingSink();
        const disconnect = carrier.connect(sink);
        const pending = sendMany(carrier, from, to, 30);
        await settle();
        const ids = new Set(await pending);
        await settle();
        disconnect();
        const reported = new Set(sink.reports.map((report) => report.providerId));
        for (const id of ids) assert.ok(reported.has(id), `no report for ${id}`);
        for (const report of sink.reports) {
          assert.ok(ids.has(report.providerId), `a report for an id no send was given: ${report.providerId}`);
          assert.ok((CARRIER_REPORT_STATUSES as readonly string[]).includes(report.status), `status ${report.status}`);
          assert.ok(!Number.isNaN(Date.parse(report.at)), `report time ${report.at}`);
          if (report.error !== undefined) {
            assert.equal(typeof report.error.code, 'string');
            assert.equal(typeof report.error.message, 'string');
          }
        }
      });
    });

    it('holds reports while no sink is connected and delivers them once one connects', async () => {
      await withHarness(async ({ carrier, settle, from, to }) => {
        const pending = sendMany(carrier, from, to, 10);
        await settle();
        const ids = await pending;
        const sink = recordingSink();
        const disconnect = carrier.connect(sink);
        await settle();
        disconnect();
        const reported = new Set(sink.reports.map((report) => report.providerId));
        for (const id of ids) assert.ok(reported.has(id), `no report for ${id} after connecting`);
      });
    });

    it('stops delivering to a sink once disconnected', async () => {
      await withHarness(async ({ carrier, settle, from, to }) => {
        const early = recordingSink();
        const disconnect = carrier.connect(early);
        const pending = sendMany(carrier, from, to, 10);
        disconnect();
        const seen = early.reports.length + early.received.length;
        await settle();
        const ids = await pending;
        await settle();
        assert.equal(early.reports.length + early.received.length, seen, 'a disconnected sink was still called');
        disconnect(); // a second call does nothing
        const late = recordingSink();
        const disconnectLate = carrier.connect(late);
        await settle();
        disconnectLate();
        const reported = new Set([...early.reports, ...late.reports].map((report) => report.providerId));
        for (const id of ids) assert.ok(reported.has(id), `the report for ${id} was lost across the reconnection`);
      });
    });

    it('refuses a recipient that is not a phone number with a CarrierError that is not retryable', async () => {
      await withHarness(async ({ carrier, settle, from }) => {
        for (const to of ['not a number', '12', '+0412345678']) {
          const attempt = carrier.send(message(from, to, 1)).then(() => null, (error: unknown) => error);
          await settle();
          const error = await attempt;
          assert.ok(error !== null, `the carrier accepted ${JSON.stringify(to)}`);
          assertCarrierError(error);
          assert.equal(error.retryable, false, `retryable for ${to}`);
        }
      });
    });

    it('accepts or refuses an alpha tag sender as its capabilities say', async () => {
      await withHarness(async ({ carrier, settle, to }) => {
        const attempts = Array.from({ length: 5 }, (_, index) => carrier.send(message('ACME', to[index % to.length]!, index)));
        const settled = Promise.allSettled(attempts);
        await settle();
        const results = await settled;
        if (carrier.capabilities.alphaTags) {
          assert.ok(results.some((result) => result.status === 'fulfilled'), 'an alpha tag sender was never accepted');
        } else {
          for (const result of results) {
            assert.equal(result.status, 'rejected', 'an alpha tag sender was accepted by a carrier that says it takes none');
            assertCarrierError((result as PromiseRejectedResult).reason);
            assert.equal((result as PromiseRejectedResult).reason.retryable, false);
          }
        }
      });
    });
  });
}

function assertCarrierError(error: unknown): asserts error is CarrierError {
  assert.ok(isCarrierError(error), `expected a CarrierError, got ${String(error)}`);
  assert.equal(typeof error.retryable, 'boolean', 'a CarrierError says whether to retry');
  assert.ok(error.code.startsWith('carrier.'), `code ${error.code}`);
  assert.ok(error.message.length > 0);
}
