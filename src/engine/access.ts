import { PermissionError } from '../errors/permission-error.js';
import type { Principal, SmsNumber, User } from '../model/index.js';
import type { ConversationRecord } from '../ports/store.js';
import type { EngineContext } from './context.js';

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

/** The stored user for a principal, created from the principal on first sight. */
export async function loadUser(ctx: EngineContext, principal: Principal): Promise<User> {
  const stored = await ctx.db.users.get(principal.userId);
  // The host portal authenticates: the principal's role decides permissions, the stored user adds extensions.
  if (stored) return stored;
  const user: User = {
    id: principal.userId,
    name: principal.userId,
    email: null,
    role: principal.role,
    departmentId: principal.departmentId ?? null,
    extensionIds: principal.extensionId ? [principal.extensionId] : [],
    mobile: null,
    lastSeenAt: null,
  };
  await ctx.db.users.insertIfAbsent(user);
  return (await ctx.db.users.get(principal.userId)) ?? user;
}

export async function loadActor(ctx: EngineContext, principal: Principal): Promise<Actor> {
  const user = await loadUser(ctx, principal);
  const extensionIds = [...new Set([...user.extensionIds, ...(principal.extensionId ? [principal.extensionId] : [])])];
  const numbers =
    extensionIds.length === 0
      ? []
      : (await ctx.db.numbers.find({ where: { extensionIds: { $overlaps: extensionIds } }, limit: 1000 })).items;
  return { principal, user, isAdmin: principal.role === 'admin', extensionIds, numbers };
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
