import * as z from 'zod';
import { isValidE164 } from '../phone.js';

/**
 * A valid phone number in E.164 form (`+61412345678`): the syntax, and digits that the number plan assigns. The
 * schema and its branded type share the name.
 *
 * @example
 * E164.parse('+61412345678') // '+61412345678' (typed E164)
 * E164.safeParse('+61400').success // false
 */
export const E164 = z
  .string()
  .refine(isValidE164, { message: 'Expected a valid phone number in E.164 form, such as +61412345678' })
  .brand<'E164'>();
export type E164 = z.infer<typeof E164>;
