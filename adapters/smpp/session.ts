import type { Pdu, Session, SmppPackage } from 'smpp';
import type { Clock } from '../../src/ports/carrier.js';
import type { SmppConfig } from './options.js';
import { STATUS, statusName } from './status.js';

/** A request whose response will not come: `written` says whether it may have reached the SMSC (its fate is unknown). */
export class LostRequestError extends Error {
  constructor(
    readonly written: boolean,
    readonly reason: Error,
  ) {
    super(`${written ? 'The connection was lost before the response came' : 'The request could not be written'}: ${reason.message}`);
    this.name = 'LostRequestError';
  }
}

/** The SMSC refused the bind (wrong system id or password, or an account it does not let in now). */
export class BindRefusedError extends Error {
  constructor(readonly status: string) {
    super(`The SMSC refused the bind: ${status}.`);
    this.name = 'BindRefusedError';
  }
}

interface Request {
  resolve(response: Pdu): void;
  reject(error: unknown): void;
  timer: unknown;
}

/** What the session hands up: each deliver_sm, answered with the command status the handler resolves with. */
export interface SessionHandlers {
  deliver(pdu: Pdu): Promise<number>;
}

/**
 * One bound transceiver connection: requests with their responses (each within `responseTimeoutMs`, or the connection
 * is deemed dead and dropped), an enquire_link every `enquireLinkMs`, and the SMSC's own requests answered (deliver_sm
 * through the handler, enquire_link, unbind; anything else with generic_nack). `closed` resolves with the reason once
 * the connection is gone; every request still waiting is then refused with a `LostRequestError`.
 */
export class SmppSession {
  /** Resolves once the connection is gone, with why. */
  readonly closed: Promise<Error>;
  private resolveClosed!: (reason: Error) => void;
  private dead: Error | null = null;
  private readonly requests = new Map<number, Request>();
  private enquireTimer: unknown = null;

  private constructor(
    private readonly smpp: SmppPackage,
    private readonly raw: Session,
    private readonly config: SmppConfig,
    private readonly handlers: SessionHandlers,
    private readonly clock: Clock,
  ) {
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
    raw.on('error', (error: Error) => this.fail(error));
    raw.on('close', () => this.fail(new Error('The connection closed.')));
    raw.on('pdu', (pdu: Pdu) => this.onPdu(pdu));
  }

  /** Connects and binds as a transceiver; rejects (and leaves nothing open) when either fails or takes too long. */
  static async open(smpp: SmppPackage, config: SmppConfig, handlers: SessionHandlers, clock: Clock): Promise<SmppSession> {
    const tls = config.tls;
    const raw = smpp.connect({ host: config.host, port: config.port ?? (tls ? 3550 : 2775), ...(typeof tls === 'object' ? tls : {}), tls: tls !== false });
    const session = new SmppSession(smpp, raw, config, handlers, clock);
    try {
      await session.connected(tls !== false ? 'secureConnect' : 'connect');
      const response = await session.request('bind_transceiver', {
        system_id: config.systemId, password: config.password, system_type: config.systemType, interface_version: 0x34,
        addr_ton: 0, addr_npi: 0, address_range: '',
      });
      if (response.command_status !== STATUS.ESME_ROK) throw new BindRefusedError(statusName(response.command_status, smpp.errors));
    } catch (error) {
      session.fail(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    session.scheduleEnquireLink();
    return session;
  }

  /** True until the connection is gone. */
  get alive(): boolean {
    return this.dead === null;
  }

  /**
   * Sends a request and resolves with its response (whatever its command status). Rejects with a `LostRequestError`
   * when it could not be written, or when the connection is lost before the response comes.
   */
  request(command: string, params: Record<string, unknown> = {}): Promise<Pdu> {
    return new Promise((resolve, reject) => {
      if (this.dead) return reject(new LostRequestError(false, this.dead));
      const pdu = new this.smpp.PDU(command, params);
      const written = this.raw.send(pdu, (response) => {
        const request = this.requests.get(response.sequence_number);
        if (!request) return;
        this.requests.delete(response.sequence_number);
        this.clock.clearTimeout(request.timer);
        request.resolve(response);
      });
      if (!written) return reject(new LostRequestError(false, new Error('The connection is not writable.')));
      const timer = this.clock.setTimeout(
        () => this.fail(new Error(`The SMSC did not answer ${command} within ${this.config.responseTimeoutMs} ms.`)),
        this.config.responseTimeoutMs,
      );
      this.requests.set(pdu.sequence_number, { resolve, reject, timer });
    });
  }

  /** Unbinds (waiting at most `responseTimeoutMs` for unbind_resp) and closes the connection. */
  async close(): Promise<void> {
    if (this.dead) return;
    await this.request('unbind').catch(() => undefined);
    if (this.dead) return;
    this.raw.close();
    const timer = this.clock.setTimeout(() => this.fail(new Error('The connection was closed.')), this.config.responseTimeoutMs);
    await this.closed;
    this.clock.clearTimeout(timer);
  }

  /** Drops the connection now. */
  destroy(reason = new Error('The connection was dropped.')): void {
    this.fail(reason);
  }

  private connected(event: 'connect' | 'secureConnect'): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = this.clock.setTimeout(() => reject(new Error(`No connection within ${this.config.responseTimeoutMs} ms.`)), this.config.responseTimeoutMs);
      this.raw.once(event, () => {
        this.clock.clearTimeout(timer);
        resolve();
      });
      void this.closed.then((reason) => {
        this.clock.clearTimeout(timer);
        reject(reason);
      });
    });
  }

  private scheduleEnquireLink(): void {
    if (this.dead) return;
    this.enquireTimer = this.clock.setTimeout(() => {
      this.enquireTimer = null;
      this.request('enquire_link').then(() => this.scheduleEnquireLink(), () => undefined);
    }, this.config.enquireLinkMs);
  }

  private onPdu(pdu: Pdu): void {
    if (this.dead || pdu.isResponse()) return;
    switch (pdu.command) {
      case 'deliver_sm':
        // After the responses read with it have been taken in: a receipt read in the same chunk as its submit_sm_resp
        // then finds the id that response gave.
        setImmediate(() => {
          void this.handlers.deliver(pdu).then(
            (status) => this.answer(pdu, status),
            () => this.answer(pdu, STATUS.ESME_RX_T_APPN),
          );
        });
        return;
      case 'enquire_link':
        this.answer(pdu, STATUS.ESME_ROK);
        return;
      case 'unbind':
        this.answer(pdu, STATUS.ESME_ROK);
        this.raw.close();
        return;
      case 'alert_notification':
        return;
      default:
        this.raw.send(new this.smpp.PDU('generic_nack', { sequence_number: pdu.sequence_number, command_status: 0x03 }));
    }
  }

  private answer(pdu: Pdu, status: number): void {
    if (!this.dead) this.raw.send(pdu.response(status === STATUS.ESME_ROK ? {} : { command_status: status }));
  }

  private fail(reason: Error): void {
    if (this.dead) return;
    this.dead = reason;
    if (this.enquireTimer !== null) this.clock.clearTimeout(this.enquireTimer);
    for (const request of this.requests.values()) {
      this.clock.clearTimeout(request.timer);
      request.reject(new LostRequestError(true, reason));
    }
    this.requests.clear();
    this.raw.destroy();
    this.resolveClosed(reason);
  }
}
