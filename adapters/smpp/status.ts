import { CarrierError } from '../../src/errors/carrier-error.js';

/** Command statuses the adapter acts on (SMPP 3.4, section 5.1.3). */
export const STATUS = {
  ESME_ROK: 0x00,
  ESME_RINVMSGLEN: 0x01,
  ESME_RSYSERR: 0x08,
  ESME_RINVSRCADR: 0x0a,
  ESME_RINVDSTADR: 0x0b,
  ESME_RMSGQFUL: 0x14,
  ESME_RINVSRCTON: 0x48,
  ESME_RINVSRCNPI: 0x49,
  ESME_RINVDSTTON: 0x50,
  ESME_RINVDSTNPI: 0x51,
  ESME_RTHROTTLED: 0x58,
  ESME_RX_T_APPN: 0x64,
  ESME_RX_P_APPN: 0x65,
  ESME_RINVDCS: 0x104,
} as const;

/** The SMSC took none of it for now: wait and submit the same part again. */
export function isThrottling(status: number): boolean {
  return status === STATUS.ESME_RTHROTTLED || status === STATUS.ESME_RMSGQFUL;
}

/** Statuses worth trying again later (the SMSC's own trouble), as opposed to a refusal of this message. */
const TEMPORARY = new Set<number>([STATUS.ESME_RSYSERR, STATUS.ESME_RX_T_APPN, STATUS.ESME_RMSGQFUL, STATUS.ESME_RTHROTTLED]);

const FIELD: Record<number, 'from' | 'to' | 'body'> = {
  [STATUS.ESME_RINVSRCADR]: 'from',
  [STATUS.ESME_RINVSRCTON]: 'from',
  [STATUS.ESME_RINVSRCNPI]: 'from',
  [STATUS.ESME_RINVDSTADR]: 'to',
  [STATUS.ESME_RINVDSTTON]: 'to',
  [STATUS.ESME_RINVDSTNPI]: 'to',
  [STATUS.ESME_RINVMSGLEN]: 'body',
  [STATUS.ESME_RINVDCS]: 'body',
};

/** A status's name (`ESME_RINVDSTADR`), from the package's table, or its number in hex when it has none. */
export function statusName(status: number, names: Readonly<Record<string, number>>): string {
  for (const [name, code] of Object.entries(names)) if (code === status) return name;
  return `0x${status.toString(16).padStart(8, '0')}`;
}

/**
 * The error a submit_sm refused with `status` becomes: `carrier.unavailable` (retryable) for the SMSC's temporary
 * trouble when `retryable` allows it, else `carrier.rejected`; `providerCode` is the status's name.
 */
export function statusError(status: number, names: Readonly<Record<string, number>>, retryable: boolean): CarrierError {
  const name = statusName(status, names);
  const temporary = retryable && TEMPORARY.has(status);
  return new CarrierError(`The SMSC refused the message: ${name}.`, {
    code: temporary ? 'carrier.unavailable' : 'carrier.rejected', retryable: temporary, providerCode: name, field: FIELD[status],
  });
}
