import { PermissionError } from '../errors/permission-error.js';
import type { Extension, PredefinedList, Principal, SmsNumber, User } from '../model/index.js';
import type { ConversationRecord } from '../ports/store.js';
import type { EngineContext } from './context.js';
import { verifiedUser } from './principals.js';

/** The calling user as the engine knows them, with the numbers they may use. */
export interface Actor {
  principal: Principal;
  user: User;
  isAdmin: boolean;
  extensionIds: string[];
  /** Numbers assigned to the user's extensions, removed ones included (their history stays visible). */
  numbers: SmsNumber[];
}

export function requireAdmin(principal: Principal, action: string): void {
  if (principal.role !== 'admin') {
    throw new PermissionError('Only an administrator can do this.', { action, code: 'permission.admin_only' });
  }
}

/** Administrators manage the service and cannot send messages. */
export function requireSender(principal: Principal, action: string): void {
  if (principal.role === 'admin') {
    throw new PermissionError('Administrators cannot send messages.', { action, code: 'permission.admin_cannot_send' });
  }
}

/**
 * The stored user of a principal. Backend methods receive principals already verified against the directory (see
 * `verifyPrincipal`), whose user is at hand; a user removed since is refused.
 */
export async function loadUser(ctx: EngineContext, principal: Principal): Promise<User> {
  const user = verifiedUser(principal) ?? (await ctx.db.users.get(principal.userId));
  if (!user) throw new PermissionError(`User "${principal.userId}" is not in the directory.`, { action: 'principal', code: 'permission.unknown_user' });
  return user;
}

/** The user with the numbers of their extensions, as the directory has them (never as the principal claims). */
export async function loadActor(ctx: EngineContext, principal: Principal): Promise<Actor> {
  const user = await loadUser(ctx, principal);
  const { extensionIds } = user;
  const numbers =
    extensionIds.length === 0
      ? []
      : (await ctx.db.numbers.find({ where: { extensionIds: { $overlaps: extensionIds } }, limit: 1000 })).items;
  return { principal, user, isAdmin: user.role === 'admin', extensionIds, numbers };
}

/** Users see the lists of their department and the shared ones (created by administrators); administrators see all. */
export function canSeeList(actor: Actor, list: PredefinedList): boolean {
  return actor.isAdmin || list.departmentId === null || list.departmentId === actor.user.departmentId;
}

/**
 * Who may change a list (rename, delete, its entries, imports): administrators any; users the lists of their own
 * department. A shared list, created by an administrator, is read-only to users: they send to it.
 */
export function canEditList(actor: Actor, list: PredefinedList): boolean {
  return actor.isAdmin || (list.departmentId !== null && list.departmentId === actor.user.departmentId);
}

/**
 * The extensions a campaign may be billed to ("rating extension"): a user's own extensions and those of their
 * department; administrators any.
 */
export function mayCharge(actor: Actor, extension: Extension): boolean {
  return actor.isAdmin || actor.extensionIds.includes(extension.id) || (actor.user.departmentId !== null && extension.departmentId === actor.user.departmentId);
}

/** Numbers an actor may send from: assigned and in service. */
export function sendableNumbers(actor: Actor): SmsNumber[] {
  return actor.numbers.filter((number) => number.removedAt === null);
}

/**
 * Whether the actor sees a conversation: SMS on one of their numbers (administrators see every SMS conversation,
 * read-only), or a thread they take part in (chat, alpha-tag and keyword threads).
 */
export function canSee(actor: Actor, conversation: ConversationRecord): boolean {
  if (conversation.numberId !== null) {
    return actor.isAdmin || actor.numbers.some((number) => number.id === conversation.numberId);
  }
  return conversation.participants.includes(actor.user.id);
}

/** The user ids that see a conversation on a number: users of its extensions. */
export async function viewersOfNumber(ctx: EngineContext, number: SmsNumber): Promise<string[]> {
  if (number.extensionIds.length === 0) return [];
  const users = await ctx.db.users.find({ where: { extensionIds: { $overlaps: number.extensionIds } }, limit: 1000 });
  return users.items.map((user) => user.id);
}
