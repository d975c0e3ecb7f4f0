import * as z from 'zod';
import { validateAlphaTag } from '../alpha-tag.js';

/**
 * An alpha tag sender as a branded string, checked by the same rule as `validateAlphaTag` (trimmed first). Its
 * issues carry the stable code in `params.code`.
 *
 * @example
 * AlphaTag.parse(' ACME ') // 'ACME'
 * AlphaTag.safeParse('123').success // false
 */
export const AlphaTag = z
  .string()
  .trim()
  .superRefine((value, context) => {
    const result = validateAlphaTag(value);
    if (!result.ok) context.addIssue({ code: 'custom', message: result.reason, params: { code: result.code } });
  })
  .brand<'AlphaTag'>();
export type AlphaTag = z.infer<typeof AlphaTag>;
