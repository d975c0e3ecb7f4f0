import * as z from 'zod';

/** An environment variable set to nothing counts as not set. */
const unset = (value: unknown) => (value === '' ? undefined : value);

/**
 * What `npm start` reads from the environment. `DATABASE_URL` names a PostgreSQL server; without it the data lives in
 * an embedded PostgreSQL (PGlite) under `PBX_SMS_DATA`.
 */
export const ServerEnv = z.object({
  PORT: z.preprocess(unset, z.coerce.number().int().min(0).max(65_535).default(5173)),
  HOST: z.preprocess(unset, z.string().min(1).max(255).default('127.0.0.1')),
  DATABASE_URL: z.preprocess(unset, z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL').optional()),
  PBX_SMS_DATA: z.preprocess(unset, z.string().min(1).default('.data/pbx-sms')),
});
export type ServerEnv = z.infer<typeof ServerEnv>;

/** The environment, checked: a bad value stops the server with a message naming the variable. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const result = ServerEnv.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`The environment is not valid:\n${lines.join('\n')}`);
}
