import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import smpp from 'smpp';
import { MAX_PARTS, parseReceipt, parseReceiptText, splitSms } from '../../adapters/smpp/index.js';
import { isCarrierError } from '../../src/errors/carrier-error.js';
import { countSegments } from '../../src/segments.js';

/** A part's text and header, read back with the `smpp` package's own decoders (not the adapter's). */
function decode(part: Buffer, dataCoding: number, udhi: boolean): { header: number[]; text: string; units: number } {
  const headerLength = udhi ? part[0]! + 1 : 0;
  const body = part.subarray(headerLength);
  return {
    header: [...part.subarray(0, headerLength)],
    text: dataCoding === 8 ? smpp.encodings.UCS2.decode(body) : smpp.gsmCoder.decode(body),
    units: dataCoding === 8 ? body.length / 2 : body.length,
  };
}

function partsOf(body: string) {
  const split = splitSms(body, 42);
  return { ...split, decoded: split.parts.map((part) => decode(part, split.dataCoding, split.esmClass === 0x40)) };
}

describe('splitSms', () => {
  it('sends GSM 03.38 as unpacked septets with extension characters escaped (data_coding 0)', () => {
    const split = splitSms('a{b}€\\[~]|^\f', 0);
    assert.equal(split.dataCoding, 0);
    assert.equal(split.esmClass, 0);
    assert.deepEqual([...split.parts[0]!], [0x61, 0x1b, 0x28, 0x62, 0x1b, 0x29, 0x1b, 0x65, 0x1b, 0x2f, 0x1b, 0x3c, 0x1b, 0x3d, 0x1b, 0x3e, 0x1b, 0x40, 0x1b, 0x14, 0x1b, 0x0a]);
    assert.equal(decode(split.parts[0]!, 0, false).text, 'a{b}€\\[~]|^\f');
    assert.deepEqual([...splitSms('@£$¥ÄÖÑÜ§¿äöñüà_Δ\n', 0).parts[0]!], [0, 1, 2, 3, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f, 0x60, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f, 0x11, 0x10, 0x0a]);
  });

  it('keeps 160 septets in one part and cuts longer text at 153 per part, with an 8-bit reference UDH', () => {
    assert.equal(partsOf('a'.repeat(160)).parts.length, 1);
    const two = partsOf('a'.repeat(161));
    assert.equal(two.esmClass, 0x40);
    assert.deepEqual(two.decoded.map((part) => part.units), [153, 8]);
    assert.deepEqual(two.decoded.map((part) => part.header), [[5, 0, 3, 42, 2, 1], [5, 0, 3, 42, 2, 2]]);
    assert.deepEqual(partsOf('a'.repeat(306)).decoded.map((part) => part.units), [153, 153]);
    assert.deepEqual(partsOf('a'.repeat(307)).decoded.map((part) => part.units), [153, 153, 1]);
  });

  it('moves an escape pair that does not fit the rest of a part whole to the next one', () => {
    const body = `${'a'.repeat(152)}€${'b'.repeat(10)}`;
    const { decoded } = partsOf(body);
    assert.equal(countSegments(body).segments, 2);
    assert.deepEqual(decoded.map((part) => part.units), [152, 12]);
    assert.equal(decoded[0]!.text, 'a'.repeat(152));
    assert.equal(decoded[1]!.text, `€${'b'.repeat(10)}`);
  });

  it('sends UCS-2 big-endian (data_coding 8) and never splits a surrogate pair across parts', () => {
    const one = splitSms('Привет 😀', 0);
    assert.equal(one.dataCoding, 8);
    assert.deepEqual([...one.parts[0]!.subarray(0, 2)], [0x04, 0x1f]);
    assert.deepEqual([...one.parts[0]!.subarray(-4)], [0xd8, 0x3d, 0xde, 0x00]);
    const body = `${'Ж'.repeat(66)}😀${'Ж'.repeat(10)}`;
    const { decoded } = partsOf(body);
    assert.deepEqual(decoded.map((part) => part.units), [66, 12]);
    assert.equal(decoded[1]!.text.slice(0, 2), '😀');
    assert.equal(decoded.map((part) => part.text).join(''), body);
  });

  it('makes as many parts as countSegments counts, whose texts join to the message, for any message', () => {
    const unit = fc.constantFrom('a', ' ', '€', '{', 'é', 'Ж', '😀', '\n', 'ß', '^');
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 400, size: 'max' }).map((units) => units.join('')), (body) => {
        const { parts, decoded, dataCoding } = partsOf(body);
        const count = countSegments(body);
        assert.equal(parts.length, count.segments);
        assert.equal(dataCoding, count.encoding === 'GSM-7' ? 0 : 8);
        assert.equal(decoded.map((part) => part.text).join(''), body);
        const limit = parts.length === 1 ? (dataCoding === 0 ? 160 : 70) : dataCoding === 0 ? 153 : 67;
        for (const part of decoded) {
          assert.ok(part.units <= limit, `${part.units} units in a part`);
          assert.ok(!/[\uD800-\uDBFF]$/.test(part.text), 'a part ends inside a surrogate pair');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an empty message and one of more parts than an 8-bit reference allows, as not retryable', () => {
    for (const body of ['', 'a'.repeat(153 * MAX_PARTS + 1)]) {
      assert.throws(() => splitSms(body, 0), (error) => isCarrierError(error) && !error.retryable && error.field === 'body');
    }
    assert.equal(splitSms('a'.repeat(153 * MAX_PARTS), 0).parts.length, MAX_PARTS);
  });
});

describe('delivery receipts', () => {
  it('reads the text form', () => {
    assert.deepEqual(parseReceiptText('id:0123456789 sub:001 dlvrd:001 submit date:2501010900 done date:2501010901 stat:DELIVRD err:000 text:Hello'), {
      messageId: '0123456789', state: 'DELIVERED', error: null,
    });
    assert.deepEqual(parseReceiptText('id:ab-12 sub:001 dlvrd:000 submit date:2501010900 done date:2501010901 stat:UNDELIV err:075 Text:...'), {
      messageId: 'ab-12', state: 'UNDELIVERABLE', error: '075',
    });
    assert.deepEqual(parseReceiptText('ID:7 STAT:expired'), { messageId: '7', state: 'EXPIRED', error: null });
    assert.equal(parseReceiptText('id:7 stat:ENROUTE')?.state, 'ENROUTE');
  });

  it('reads the TLVs first, and the text when they are missing or unusable', () => {
    assert.deepEqual(parseReceipt({ receiptedMessageId: 'X1', messageState: 5, networkErrorCode: new Uint8Array([3, 0, 11]) }), {
      messageId: 'X1', state: 'UNDELIVERABLE', error: '3/11',
    });
    assert.deepEqual(parseReceipt({ receiptedMessageId: 'X1', messageState: 2, text: 'id:X1 stat:DELIVRD err:000' }), { messageId: 'X1', state: 'DELIVERED', error: null });
    assert.deepEqual(parseReceipt({ receiptedMessageId: 'X1', messageState: 99, text: 'id:X1 stat:REJECTD err:009' }), { messageId: 'X1', state: 'REJECTED', error: '009' });
    assert.equal(parseReceipt({ receiptedMessageId: 'X1' }), null);
    assert.equal(parseReceipt({}), null);
  });

  it('refuses hostile text: no id, an overlong or odd id, an unknown state, a field twice, fields hidden in the message text', () => {
    for (const text of [
      '', 'stat:DELIVRD', 'id:1', 'id:1 stat:FINE', `id:${'7'.repeat(65)} stat:DELIVRD`, 'id:\u0000\u0001 stat:DELIVRD',
      'id:1 stat:UNDELIV id:2 stat:DELIVRD', 'id:1 stat:DELIVRD stat:UNDELIV', 'sub:001 text:id:1 stat:DELIVRD', 'x'.repeat(100_000),
      `${' '.repeat(600)}id:1 stat:DELIVRD`,
    ]) {
      assert.equal(parseReceiptText(text), null, JSON.stringify(text.slice(0, 60)));
    }
    assert.equal(parseReceiptText('id:1 stat:UNDELIV err:001 text:stat:DELIVRD id:2')?.state, 'UNDELIVERABLE');
    assert.equal(parseReceiptText('id:1 stat:UNDELIV err:<script>')?.error, null);
  });
});
