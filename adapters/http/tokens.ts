import type { Principal } from '../../src/model/index.js';

/** A bearer token, or how to get one for a principal (a portal has one user; a test or a gateway many). */
export type TokenSource = string | ((principal: Principal) => string | Promise<string>);

/** Tokens per principal, fetched once and again after the server refused one (401). */
export function createTokens(source: TokenSource) {
  const cache = new Map<string, Promise<string>>();
  const keyOf = (principal: Principal) =>
    JSON.stringify([principal.organisationId ?? null, principal.userId, principal.role, principal.extensionId ?? null, principal.departmentId ?? null]);

  function get(principal: Principal): Promise<string> {
    if (typeof source === 'string') return Promise.resolve(source);
    const key = keyOf(principal);
    let token = cache.get(key);
    if (!token) {
      token = Promise.resolve().then(() => source(principal));
      cache.set(key, token);
      token.catch(() => cache.delete(key));
    }
    return token;
  }

  return {
    get,
    /** Whether a refused token can be fetched again (a function can; a fixed string cannot). */
    refreshable: typeof source === 'function',
    /** Forgets the principal's token and fetches a new one. */
    refresh(principal: Principal): Promise<string> {
      cache.delete(keyOf(principal));
      return get(principal);
    },
  };
}

export type Tokens = ReturnType<typeof createTokens>;
