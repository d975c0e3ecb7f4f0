/**
 * The unpacked size an XLSX workbook (a ZIP archive) declares, read from its central directory without unpacking
 * anything: a few kilobytes that blow up to gigabytes (a "zip bomb") are refused before they are inflated. The
 * unzipper writes no more than each entry declares, so the declared sizes bound what reading the workbook takes.
 */

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The end-of-directory record is 22 bytes, followed by a comment of up to 65,535. */
const END_SEARCH = 22 + 0xffff;

/** The sum of the uncompressed sizes the archive's entries declare, or null when it has no readable directory. */
export function declaredUnpackedBytes(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - END_SEARCH); at--) {
    if (view.getUint32(at, true) !== END_OF_DIRECTORY) continue;
    const entries = view.getUint16(at + 10, true);
    let entry = view.getUint32(at + 16, true);
    let total = 0;
    for (let index = 0; index < entries; index++) {
      if (entry + 46 > bytes.length || view.getUint32(entry, true) !== DIRECTORY_ENTRY) return null;
      const unpacked = view.getUint32(entry + 24, true);
      // 0xffffffff: the size is in a ZIP64 extra field, 4 GiB or more: beyond any cap.
      total += unpacked === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : unpacked;
      entry += 46 + view.getUint16(entry + 28, true) + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
    }
    return total;
  }
  return null;
}
