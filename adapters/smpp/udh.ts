/** Where a part stands in a concatenated message: its reference, the count of parts, and its number (from 1). */
export interface ConcatInfo {
  reference: number;
  total: number;
  sequence: number;
}

/** The UDH of one part of a concatenated message, with an 8-bit reference (3GPP TS 23.040, 9.2.3.24.1). */
export function concatHeader(reference: number, total: number, sequence: number): Buffer {
  return Buffer.from([0x05, 0x00, 0x03, reference & 0xff, total, sequence]);
}

/**
 * The concatenation information element among a UDH's elements (as the `smpp` package splits them: each one its
 * identifier, its length, its data): IEI 0x00 (8-bit reference) or 0x08 (16-bit). Null when there is none, or when it
 * is malformed (a wrong length, no parts, a part number out of range).
 */
export function concatFromUdh(elements: readonly Uint8Array[]): ConcatInfo | null {
  for (const element of elements) {
    const [iei, length] = element;
    if (iei === 0x00 && length === 3 && element.length === 5) return checked(element[2]!, element[3]!, element[4]!);
    if (iei === 0x08 && length === 4 && element.length === 6) return checked((element[2]! << 8) | element[3]!, element[4]!, element[5]!);
  }
  return null;
}

/** The same from the SAR TLVs (`sar_msg_ref_num`, `sar_total_segments`, `sar_segment_seqnum`), when all three are given. */
export function concatFromSar(reference: unknown, total: unknown, sequence: unknown): ConcatInfo | null {
  const int = (value: unknown, max: number) => (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max ? (value as number) : null);
  const ref = int(reference, 0xffff);
  const count = int(total, 0xff);
  const seq = int(sequence, 0xff);
  return ref === null || count === null || seq === null ? null : checked(ref, count, seq);
}

function checked(reference: number, total: number, sequence: number): ConcatInfo | null {
  return total >= 1 && sequence >= 1 && sequence <= total ? { reference, total, sequence } : null;
}
