import type { Principal } from '../../src/model/index.js';

/** How many verified tokens one authenticator remembers. */
const MAX_TOKENS = 10_000;

/** How long a verified token is trusted without checking its signature again, in ms (never past its `exp`). */
const MAX_AGE_MS = 60_000;

/**
 * The tokens an authenticator has verified lately, and whom each names, so that a client sending the same token with
 * every request costs one signature check a minute rather than one a request (an HMAC check through Web Crypto costs
 * more than the rest of a small request). A token is trusted until the earlier of its `exp` and a minute after its
 * check; the oldest are forgotten first beyond MAX_TOKENS.
 */
export function createVerifiedTokens() {
  const tokens = new Map<string, { principal: Principal; until: number }>();
  return {
    /** Whom a token verified lately names, or undefined when it must be checked. */
    get(token: string, now: number): Principal | undefined {
      const found = tokens.get(token);
      if (!found) return undefined;
      if (found.until > now) return found.principal;
      tokens.delete(token);
      return undefined;
    },
    /** Remembers a token just verified: `expiresAt` is its `exp`, in ms. */
    set(token: string, principal: Principal, expiresAt: number, now: number): void {
      if (tokens.size >= MAX_TOKENS) tokens.delete(tokens.keys().next().value!);
      tokens.set(token, { principal, until: Math.min(expiresAt, now + MAX_AGE_MS) });
    },
  };
}
