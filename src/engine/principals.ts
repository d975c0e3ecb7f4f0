import { PermissionError } from '../errors/permission-error.js';
import type { Principal, User } from '../model/index.js';
import { Principal as PrincipalSchema, User as UserSchema } from '../model/index.js';
import type { UserInput } from '../ports/backend.js';
import type { EngineContext } from './context.js';
import { parseInput } from './validate.js';

/**
 * Who a host provisions on first sight: the user to store for a principal the directory does not know, or null to
 * refuse it. Its role must be the principal's; its extensions and department must exist.
 */
export type ProvisionUser = (principal: Principal) => Omit<UserInput, 'id'> | null | Promise<Omit<UserInput, 'id'> | null>;

/** Stores a user the way `directory.createUser` does (extensions and department checked); set by the directory. */
export type StoreUser = (input: UserInput) => Promise<User>;

/**
 * The stored user of each principal verified in this call, so that the method it calls reads the user once. Keyed by
 * the verified principal object, which lives only as long as the call.
 */
const verifiedUsers = new WeakMap<Principal, User>();

/** Makes `principal` a verified one, acting as `user` for the call it is made for (an operator acting for support). */
export function actAs(principal: Principal, user: User): Principal {
  verifiedUsers.set(principal, user);
  return principal;
}

/** The user `verifyPrincipal` loaded for this principal, if it is a verified one. */
export function verifiedUser(principal: Principal): User | undefined {
  return verifiedUsers.get(principal);
}

/** Serialises first-administrator bootstraps within one engine, so that two at once do not both become the first. */
const bootstraps = new WeakMap<EngineContext, Promise<unknown>>();

export interface VerifyOptions {
  provisionUser?: ProvisionUser | undefined;
  storeUser: StoreUser;
}

/**
 * The principal as the directory knows it. The stored user decides the role, the department and the extensions; a
 * principal is only a claim:
 * - malformed (no role, an unknown role, not an object): `ValidationError`, as `createSmsClient` gives;
 * - an unknown user: `PermissionError` (`permission.unknown_user`), and nothing is stored; except the first
 *   administrator of an organisation that has none, and users the host provisions (`provisionUser`);
 * - a role other than the stored one: `PermissionError` (`permission.role_mismatch`);
 * - an extension not assigned to the user, or another department: `PermissionError`
 *   (`permission.extension_not_assigned`, `permission.department_mismatch`).
 *
 * Returns a new principal built from the stored user (its claimed extension kept, since it is the user's).
 */
export async function verifyPrincipal(ctx: EngineContext, input: unknown, options: VerifyOptions): Promise<Principal> {
  const claimed = parseInput(PrincipalSchema, input, 'principal');
  const user = (await ctx.db.users.get(claimed.userId)) ?? (await firstSight(ctx, claimed, options));
  if (user.role !== claimed.role) {
    throw new PermissionError(`User "${user.id}" is not an ${claimed.role === 'admin' ? 'administrator' : 'ordinary user'}.`, {
      action: 'principal', code: 'permission.role_mismatch',
    });
  }
  if (claimed.extensionId !== undefined && !user.extensionIds.includes(claimed.extensionId)) {
    throw new PermissionError(`Extension "${claimed.extensionId}" is not assigned to user "${user.id}".`, {
      action: 'principal', code: 'permission.extension_not_assigned',
    });
  }
  if (claimed.departmentId !== undefined && claimed.departmentId !== user.departmentId) {
    throw new PermissionError(`User "${user.id}" is not in department "${claimed.departmentId}".`, {
      action: 'principal', code: 'permission.department_mismatch',
    });
  }
  const verified: Principal = {
    userId: user.id,
    role: user.role,
    ...(claimed.extensionId !== undefined && { extensionId: claimed.extensionId }),
    ...(user.departmentId !== null && { departmentId: user.departmentId }),
  };
  verifiedUsers.set(verified, user);
  return verified;
}

/** A principal the directory does not know: the first administrator, a provisioned user, or refused. */
async function firstSight(ctx: EngineContext, principal: Principal, options: VerifyOptions): Promise<User> {
  if (principal.role === 'admin') {
    const bootstrap = bootstrapAdmin(ctx, principal);
    const user = await bootstrap;
    if (user) return user;
  }
  if (options.provisionUser) {
    const input = await options.provisionUser(principal);
    if (input) {
      if (input.role !== principal.role) {
        throw new PermissionError(`provisionUser gave role "${input.role}" for a principal claiming "${principal.role}".`, {
          action: 'principal', code: 'permission.role_mismatch',
        });
      }
      return provision(ctx, { ...input, id: principal.userId }, options.storeUser);
    }
  }
  throw new PermissionError(`User "${principal.userId}" is not in the directory.`, { action: 'principal', code: 'permission.unknown_user' });
}

/** Stores the provisioned user; when another call stored the same id first, that stored user wins. */
async function provision(ctx: EngineContext, input: UserInput, storeUser: StoreUser): Promise<User> {
  try {
    return await storeUser(input);
  } catch (error) {
    const stored = await ctx.db.users.get(input.id!);
    if (stored) return stored;
    throw error;
  }
}

/**
 * Stores an administrator principal as the organisation's first administrator, while it has none; null once it has
 * one. Bootstraps are serialised per engine.
 */
function bootstrapAdmin(ctx: EngineContext, principal: Principal): Promise<User | null> {
  const previous = bootstraps.get(ctx) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(async () => {
    if ((await ctx.db.users.count({ role: 'admin' })) > 0) return ctx.db.users.get(principal.userId);
    const user = parseInput(UserSchema, { id: principal.userId, name: principal.userId, role: 'admin', lastSeenAt: null }, 'principal');
    await ctx.db.users.insertIfAbsent(user);
    return ctx.db.users.get(principal.userId);
  });
  bootstraps.set(ctx, next);
  return next;
}
