import type { SmppPackage } from 'smpp';
import { validateAlphaTag } from '../../src/alpha-tag.js';
import { systemClock } from '../../src/engine/clock.js';
import { CarrierError } from '../../src/errors/carrier-error.js';
import { isE164 } from '../../src/phone.js';
import type { Carrier, CarrierSink, OutboundSms } from '../../src/ports/carrier.js';
import { type ConnectionState, Connection } from './connection.js';
import { type DeliverCounts, handleDeliver } from './deliver.js';
import { loadSmpp } from './load.js';
import { type AddressType, type SmppCarrierOptions, resolveOptions } from './options.js';
import { Pacer } from './pacer.js';
import { type PartGroup, PartReceipts } from './part-receipts.js';
import { Reassembler } from './reassembly.js';
import { LostRequestError, type SmppSession } from './session.js';
import { SinkRelay } from './sink.js';
import { type SmppParts, splitSms } from './split.js';
import { STATUS, isThrottling, statusError } from './status.js';

/** What the carrier did so far, and where it stands. */
export interface SmppCarrierStats {
  state: ConnectionState;
  /** Successful binds, and connections lost after one. */
  binds: number;
  drops: number;
  /** Why the last bind failed or the last connection dropped. */
  lastError: string | null;
  /** submit_sm the SMSC accepted (one per part). */
  submitted: number;
  /** submit_sm answered ESME_RTHROTTLED or ESME_RMSGQFUL, and submitted again later. */
  throttled: number;
  /** Sends refused with a `CarrierError`. */
  refused: number;
  /**
   * Sends of unknown fate: a part was written but its response never came (the connection dropped), or came without a
   * usable id. They are never sent again, and never answered: the engine holds them as `unknown`.
   */
  unknown: number;
  /** Status reports and inbound messages handed to a sink, and how many of those calls threw. */
  reports: number;
  inbound: number;
  sinkErrors: number;
  /** Reports and inbound messages held for want of a sink, and those dropped because too many were held. */
  held: number;
  heldDropped: number;
  /** Concatenated inbound messages dropped because their parts did not all arrive in time. */
  partsDropped: number;
  deliversRefused: number;
  deliversIgnored: number;
  /** submit_sm waiting for their response, and sends waiting for their turn. */
  inFlight: number;
  waiting: number;
}

/** A `Carrier` over an SMPP 3.4 transceiver bind. */
export interface SmppCarrier extends Carrier {
  readonly stats: SmppCarrierStats;
  /** Resolves once no send is waiting or in flight and nothing is being handed to the sink. */
  idle(): Promise<void>;
  /** Unbinds and stops binding again; sends still waiting fail with a retryable `carrier.unavailable`. */
  close(): Promise<void>;
}

/** A submit_sm response's message_id the adapter takes: 1 to 64 printable ASCII characters, no space. */
const MESSAGE_ID = /^[\x21-\x7e]{1,64}$/;
const SHORT_CODE = /^\d{3,8}$/;
/** TON 5 (alphanumeric), NPI 0 (unknown): how an alphanumeric sender goes. */
const ALPHANUMERIC: AddressType = { ton: 5, npi: 0 };
const INTERNATIONAL_ISDN: AddressType = { ton: 1, npi: 1 };

/**
 * A carrier that sends through an SMSC over SMPP 3.4 (`bind_transceiver`), with the npm package `smpp` (an optional
 * peer dependency, loaded on first use). It binds on the first `send` or `connect`, keeps the bind alive with
 * enquire_link, and binds again with backoff when it drops; meanwhile sends wait (at most `queueTimeoutMs`). Messages go
 * as GSM 03.38 (data_coding 0) or UCS-2 (data_coding 8), as `countSegments` chooses, long ones in concatenated parts
 * (8-bit reference UDH) that `countSegments` counts; the provider id is the first part's. Delivery receipts become
 * status reports, mobile-originated messages inbound SMS (their parts put back together first).
 *
 * @example
 * const carrier = createSmppCarrier({
 *   host: 'smsc.example.net', port: 2775, systemId: 'pbx', password: 'secret',
 *   source: { ton: 1, npi: 1 }, windowSize: 10, tps: 50,
 * });
 * const backend = createLocalBackend({ store, carrier });
 */
export function createSmppCarrier(options: SmppCarrierOptions): SmppCarrier {
  const config = resolveOptions(options);
  const clock = systemClock;
  let smpp: SmppPackage | null = null;
  const load = async () => (smpp ??= await loadSmpp());
  const relay = new SinkRelay();
  const parts = new PartReceipts();
  const reassembler = new Reassembler(config.reassembly, clock);
  const deliverCounts: DeliverCounts = { deliversRefused: 0, deliversIgnored: 0 };
  const connection = new Connection(load, config, {
    deliver: (pdu) => handleDeliver(pdu, { relay, parts, reassembler, clock, counts: deliverCounts }),
  }, clock);
  const pacer = new Pacer(config.windowSize, config.tps, clock);
  const counts = { submitted: 0, throttled: 0, refused: 0, unknown: 0 };
  let reference = Math.floor(Math.random() * 256);
  let sending = 0;
  const idleWaiters: Array<() => void> = [];

  const unavailable = () => {
    const reason = connection.lastError ? ` (${connection.lastError.message})` : '';
    return new CarrierError(`The SMSC did not take the message within ${config.queueTimeoutMs} ms${reason}.`, { code: 'carrier.unavailable' });
  };
  const closed = () => new CarrierError('The SMPP carrier is closed.', { code: 'carrier.unavailable' });

  /**
   * Submits every part in turn, each once the bind, the window and the TPS cap allow (the first within
   * `queueTimeoutMs`); a throttled part is submitted again after a backoff. Resolves with the first part's id, or with
   * UNKNOWN when the first part's fate is unknown (written, but its response lost with the connection). Once a part may
   * have gone, none is ever submitted again, the rest still go (after a new bind if need be) so that the handset can put
   * the message together, and a later part refused fails the message without a retry.
   */
  async function submitAll(plan: SmppParts, address: Record<string, unknown>): Promise<{ providerId: string } | typeof UNKNOWN> {
    const deadline = clock.now() + config.queueTimeoutMs;
    let group: PartGroup | null = null;
    /** Whether a part may have reached the SMSC: from then on the message cannot be failed as retryable. */
    let gone = false;
    let firstUnknown = false;
    /** The status of the last throttling of this send: what its time ran out on, when it does. */
    let throttledBy: number | null = null;
    const timedOut = () => (throttledBy === null ? unavailable() : statusError(throttledBy, smpp?.errors ?? {}, true));
    const partial = (index: number, why: string) =>
      new CarrierError(`Part ${index + 1} of ${plan.parts.length} was not sent (${why}) after the SMSC had taken the ones before.`, {
        code: 'carrier.rejected', retryable: false, providerCode: why, field: 'body',
      });
    for (let index = 0; index < plan.parts.length; index++) {
      for (;;) {
        let session: SmppSession;
        let release: () => void;
        try {
          session = await connection.whenBound(gone ? Infinity : deadline, unavailable, closed);
          release = await pacer.acquire(gone ? Infinity : deadline, timedOut);
        } catch (error) {
          if (!gone) throw error;
          throw partial(index, 'the carrier closed');
        }
        let response;
        try {
          response = await session.request('submit_sm', {
            ...address, esm_class: plan.esmClass, protocol_id: 0, priority_flag: 0, registered_delivery: 1, data_coding: plan.dataCoding,
            short_message: plan.parts[index],
          });
        } catch (error) {
          if (error instanceof LostRequestError && !error.written) continue;
          if (index === 0) {
            counts.unknown += 1;
            firstUnknown = true;
          }
          gone = true;
          break;
        } finally {
          release();
        }
        const status = response.command_status;
        const id = response.message_id;
        if (status === STATUS.ESME_ROK) {
          gone = true;
          if (typeof id !== 'string' || !MESSAGE_ID.test(id)) {
            if (index === 0) {
              counts.unknown += 1;
              firstUnknown = true;
            }
            break;
          }
          counts.submitted += 1;
          pacer.accepted();
          if (plan.parts.length === 1) return { providerId: id };
          if (index === 0) group = parts.open(id);
          else if (group !== null) parts.add(group, id);
          break;
        }
        if (isThrottling(status)) {
          throttledBy = status;
          counts.throttled += 1;
          pacer.throttled();
          if (gone || clock.now() < deadline) continue;
        }
        const error = statusError(status, smpp?.errors ?? {}, !gone);
        throw gone ? partial(index, error.providerCode!) : error;
      }
    }
    if (firstUnknown || group === null) return UNKNOWN;
    const report = parts.seal(group, new Date(clock.now()).toISOString());
    if (report) void relay.status(report);
    return { providerId: group.providerId };
  }

  function prepare(message: OutboundSms): { plan: SmppParts; address: Record<string, unknown> } {
    if (!isE164(message.to)) {
      throw new CarrierError(`The recipient ${JSON.stringify(message.to)} is not a phone number in E.164 form.`, { field: 'to', value: message.to });
    }
    const source = sourceOf(message.from, config.source, config.shortCode, config.alphaTags);
    const plan = splitSms(message.body, reference);
    reference = (reference + 1) & 0xff;
    return {
      plan,
      address: {
        service_type: '', source_addr_ton: source.type.ton, source_addr_npi: source.type.npi, source_addr: source.address,
        dest_addr_ton: INTERNATIONAL_ISDN.ton, dest_addr_npi: INTERNATIONAL_ISDN.npi, destination_addr: message.to.slice(1),
      },
    };
  }

  function settled(): void {
    sending -= 1;
    if (sending === 0) for (const resolve of idleWaiters.splice(0)) resolve();
  }

  return {
    capabilities: { alphaTags: config.alphaTags, segmentsPerSecondPerSender: config.tps },

    async send(message) {
      let prepared;
      try {
        prepared = prepare(message);
      } catch (error) {
        counts.refused += 1;
        throw error;
      }
      connection.start();
      sending += 1;
      const outcome = await submitAll(prepared.plan, prepared.address).then(
        (result) => (settled(), result),
        (error: unknown) => {
          counts.refused += 1;
          settled();
          throw error;
        },
      );
      // Unknown: never answered, so that the engine's carrier timeout holds the message `unknown` and sends it no more.
      return outcome === UNKNOWN ? never() : outcome;
    },

    connect(sink: CarrierSink) {
      connection.start();
      return relay.connect(sink);
    },

    get stats(): SmppCarrierStats {
      const pace = pacer.counts;
      return {
        state: connection.state, binds: connection.binds, drops: connection.drops, lastError: connection.lastError?.message ?? null,
        ...counts, ...relay.counts, held: relay.heldCount, partsDropped: reassembler.dropped, ...deliverCounts, inFlight: pace.inFlight, waiting: pace.waiting,
      };
    },

    async idle() {
      if (sending > 0) await new Promise<void>((resolve) => idleWaiters.push(resolve));
      await relay.idle();
    },

    async close() {
      pacer.close(closed());
      await connection.close();
      reassembler.clear();
    },
  };
}

const UNKNOWN = Symbol('unknown');

/** The promise of a send whose fate is unknown: it never settles (the engine's carrier timeout holds it `unknown`). */
function never(): Promise<never> {
  return new Promise(() => undefined);
}

/** The sender's SMPP address and its TON/NPI, or the refusal of a sender the adapter cannot send from. */
function sourceOf(from: string, number: AddressType, shortCode: AddressType, alphaTags: boolean): { address: string; type: AddressType } {
  if (isE164(from)) return { address: from.slice(1), type: number };
  if (SHORT_CODE.test(from)) return { address: from, type: shortCode };
  if (validateAlphaTag(from).ok && from.trim() === from) {
    if (alphaTags) return { address: from, type: ALPHANUMERIC };
    throw new CarrierError(`This SMPP account does not send from alphanumeric senders such as ${JSON.stringify(from)}.`, { field: 'from', value: from });
  }
  throw new CarrierError(`The sender ${JSON.stringify(from)} is neither a number, a short code nor an alpha tag.`, { field: 'from', value: from });
}
