import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { estimateCost, type EstimateCostInput } from '../../src/cost.js';
import { countSegments } from '../../src/segments.js';
import { isValidationError } from '../../src/errors/validation-error.js';

function throwsValidation(input: unknown, field: string): void {
  assert.throws(
    () => estimateCost(input as EstimateCostInput),
    (error: unknown) => {
      assert.ok(isValidationError(error), String(error));
      assert.equal(error.code, 'validation');
      assert.equal(error.field, field);
      assert.deepEqual(error.issues.map((issue) => issue.path), [[field]]);
      return true;
    },
    JSON.stringify(input),
  );
}

describe('estimateCost', () => {
  it('charges each recipient per segment by default', () => {
    assert.deepEqual(estimateCost({ body: 'Hello', recipients: 1000, rate: 5, currency: 'EUR' }), {
      encoding: 'GSM-7', segmentsPerMessage: 1, messages: 1000, totalSegments: 1000, cost: 5000, currency: 'EUR',
    });
    assert.deepEqual(estimateCost({ body: 'x'.repeat(161), recipients: 3, rate: 7 }), {
      encoding: 'GSM-7', segmentsPerMessage: 2, messages: 3, totalSegments: 6, cost: 42,
    });
  });

  it('counts UCS-2 segments', () => {
    const result = estimateCost({ body: 'Привет '.repeat(11), recipients: 2, rate: 10 });
    assert.equal(result.encoding, 'UCS-2');
    assert.equal(result.segmentsPerMessage, 2);
    assert.equal(result.totalSegments, 4);
    assert.equal(result.cost, 40);
  });

  it('charges per message when asked, whatever the length', () => {
    const result = estimateCost({ body: 'x'.repeat(400), recipients: 10, rate: 7, per: 'message' });
    assert.equal(result.segmentsPerMessage, 3);
    assert.equal(result.totalSegments, 30);
    assert.equal(result.cost, 70);
  });

  it('costs nothing for no recipients, an empty body or a zero rate', () => {
    assert.equal(estimateCost({ body: 'Hi', recipients: 0, rate: 5 }).cost, 0);
    assert.equal(estimateCost({ body: '', recipients: 10, rate: 5 }).cost, 0);
    assert.equal(estimateCost({ body: '', recipients: 10, rate: 5, per: 'message' }).cost, 0);
    assert.equal(estimateCost({ body: 'Hi', recipients: 10, rate: 0 }).cost, 0);
  });

  it('takes sub-minor-unit rates with rateDecimals and rounds the total up', () => {
    // 2 segments × 10 recipients × 0.79 cents = 15.8 cents → 16.
    assert.equal(estimateCost({ body: 'x'.repeat(200), recipients: 10, rate: 79, rateDecimals: 2 }).cost, 16);
    // 100 × 0.0079 dollars in cents: rate 79 at 2 decimals of a cent = 79 cents exactly.
    assert.equal(estimateCost({ body: 'Hi', recipients: 100, rate: 79, rateDecimals: 2 }).cost, 79);
    assert.equal(estimateCost({ body: 'Hi', recipients: 1, rate: 1, rateDecimals: 6 }).cost, 1);
    assert.equal(estimateCost({ body: 'Hi', recipients: 0, rate: 1, rateDecimals: 6 }).cost, 0);
  });

  it('leaves currency out when none is given', () => {
    assert.equal('currency' in estimateCost({ body: 'Hi', recipients: 1, rate: 1 }), false);
  });

  it('refuses a rate that is not a non-negative safe integer', () => {
    for (const rate of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '5', null]) {
      throwsValidation({ body: 'Hi', recipients: 1, rate }, 'rate');
    }
  });

  it('refuses a recipient count that is not a non-negative integer', () => {
    for (const recipients of [-1, 1.5, Number.NaN, '3', undefined]) throwsValidation({ body: 'Hi', recipients, rate: 1 }, 'recipients');
  });

  it('refuses a bad per, rateDecimals, currency or body', () => {
    throwsValidation({ body: 'Hi', recipients: 1, rate: 1, per: 'recipient' }, 'per');
    throwsValidation({ body: 'Hi', recipients: 1, rate: 1, rateDecimals: 1.5 }, 'rateDecimals');
    throwsValidation({ body: 'Hi', recipients: 1, rate: 1, rateDecimals: 7 }, 'rateDecimals');
    throwsValidation({ body: 'Hi', recipients: 1, rate: 1, currency: 'eur' }, 'currency');
    throwsValidation({ body: 'Hi', recipients: 1, rate: 1, currency: 'EURO' }, 'currency');
    throwsValidation({ body: 42, recipients: 1, rate: 1 }, 'body');
  });

  it('refuses a total too large to count exactly', () => {
    throwsValidation({ body: 'x'.repeat(1000), recipients: 2 ** 51, rate: 1 }, 'recipients');
    throwsValidation({ body: 'Hi', recipients: 2 ** 30, rate: 2 ** 30 }, 'recipients');
    assert.equal(estimateCost({ body: 'Hi', recipients: 2 ** 26, rate: 2 ** 26 }).cost, 2 ** 52);
  });

  it('equals rate × segments × recipients in whole numbers', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.nat(100_000), fc.nat(10_000), (body, recipients, rate) => {
        const { segments } = countSegments(body);
        const result = estimateCost({ body, recipients, rate });
        return result.totalSegments === segments * recipients && result.cost === rate * segments * recipients && Number.isInteger(result.cost);
      }),
    );
  });
});
