import { ValidationError } from '../../src/errors/validation-error.js';
import { decodeBase64Url, encodeBase64Url } from './base64url.js';
import type { Order, Tuple } from './order.js';

/**
 * Keyset cursors: the tuple (order values, then key) of the last record of a page, as base64url JSON. The next page
 * starts after that place, so records added or removed elsewhere neither shift nor repeat the pages that follow.
 *
 * @example
 * encodeCursor(['2025-01-01T00:00:00.000Z', 'm_1']); // 'WyIyMDI1LTAx...'
 */
export function encodeCursor(tuple: Tuple): string {
  return encodeBase64Url(JSON.stringify(tuple));
}

/**
 * The tuple a cursor holds, checked against the query's order: a cursor from another order, or not from this store
 * at all, is a `ValidationError` on `cursor`.
 *
 * @example
 * decodeCursor(encodeCursor([3, 'r_3']), orderOf([['index', 'asc']], 'id')); // [3, 'r_3']
 */
export function decodeCursor(cursor: string, order: Order): Tuple {
  const text = decodeBase64Url(cursor);
  let tuple: unknown;
  try {
    tuple = text === null ? null : JSON.parse(text);
  } catch {
    tuple = null;
  }
  if (!Array.isArray(tuple) || tuple.length !== order.fields.length || typeof tuple[tuple.length - 1] !== 'string') {
    throw new ValidationError('This cursor does not belong to this list: start again from the first page.', { field: 'cursor', value: cursor });
  }
  return tuple;
}
