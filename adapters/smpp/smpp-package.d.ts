/**
 * The parts of the npm package `smpp` (0.5.x, which ships no types) that the SMPP adapter and its test SMSC use.
 * The package is CommonJS: its `module.exports` is the default export of `import('smpp')`.
 */
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer, Socket } from 'node:net';

  /** A PDU: the header fields, then the command's parameters and TLVs by name, as the package decoded them. */
  export interface Pdu {
    command: string;
    command_id: number;
    command_status: number;
    sequence_number: number;
    [field: string]: unknown;
    isResponse(): boolean;
    /** The response to this request (a `generic_nack` for a command the package does not know). */
    response(options?: Record<string, unknown>): Pdu;
  }

  /** One SMPP connection, on the ESME side (`connect`) or the SMSC side (`createServer`). */
  export interface Session extends EventEmitter {
    readonly socket: Socket;
    /**
     * Writes a PDU; a request is given the next sequence number unless it has one, and `onResponse` is called with the
     * response of the same sequence number. False when the socket is not writable (nothing was written).
     */
    send(pdu: Pdu, onResponse?: (response: Pdu) => void, onSent?: (pdu: Pdu) => void): boolean;
    /** Ends the socket (FIN); `callback` once it is closed. */
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
  }

  export interface ConnectOptions {
    host: string;
    port: number;
    tls?: boolean;
    [option: string]: unknown;
  }

  export interface Server extends NetServer {
    readonly sessions: Session[];
  }

  export interface SmppPackage {
    PDU: new (command: string, options?: Record<string, unknown>) => Pdu;
    connect(options: ConnectOptions): Session;
    createServer(options: Record<string, unknown>, listener?: (session: Session) => void): Server;
    /** Command statuses by name (`ESME_RTHROTTLED`: 0x58). */
    errors: Record<string, number>;
    /** GSM 03.38 as unpacked septets, one per octet (extension characters escaped). */
    gsmCoder: { encode(text: string, shift?: number): Buffer; decode(septets: Buffer, shift?: number): string };
    encodings: { UCS2: { encode(text: string): Buffer; decode(octets: Buffer): string } };
  }

  const smpp: SmppPackage;
  export default smpp;
}
