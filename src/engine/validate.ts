import type * as z from 'zod';
import { ValidationError } from '../errors/validation-error.js';

/**
 * Parses input at a boundary with its zod schema; a failure becomes a `ValidationError` naming the field.
 *
 * @example
 * const draft = parseInput(CampaignDraft, input, 'campaign');
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)), message: issue.message }));
  const first = issues[0];
  const field = first && first.path.length > 0 ? first.path.join('.') : what;
  const message = first ? `Invalid ${field}: ${first.message}` : `Invalid ${what}`;
  return fail(new ValidationError(message, { field, issues }));
}

function fail(error: Error): never {
  throw error;
}
