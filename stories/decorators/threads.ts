import type { SmsClient } from '../../src/index.js';
import { createThreadWorld, type ThreadWorld, type ThreadWorldOptions } from '../../test/fixtures/conversation-worlds.js';
import { clientFor, failingBackend, stalledBackend } from './backends.js';
import { demoBackend, demoClient } from './demo.js';

/** What the conversation and composer stories load: a client, the conversation, and a way back from an error. */
export interface ThreadStory {
  client?: SmsClient;
  conversationId?: string;
  to?: string;
  recover?: () => void;
}

export const BOB = '+61412345678';

/**
 * The demo conversation between the shared Sales line and `peer`, as Alice, Ben or the administrator sees it;
 * `stalled` never answers (loading), `failing` fails until `recover()` (error and retry).
 */
export async function salesThread(who: 'alice' | 'ben' | 'admin', peer = BOB, backend: 'live' | 'stalled' | 'failing' = 'live'): Promise<ThreadStory> {
  const demo = await demoBackend();
  const alice = await demoClient('alice');
  const { id } = await alice.conversations.open({ channel: 'sms', peer, numberId: demo.world.numbers.sales });
  if (backend === 'stalled') return { client: clientFor(stalledBackend(demo.backend), demo.world.principals[who]), conversationId: id };
  if (backend === 'failing') {
    const failing = failingBackend(demo.backend);
    return { client: clientFor(failing, demo.world.principals[who]), conversationId: id, recover: failing.recover };
  }
  return { client: who === 'alice' ? alice : await demoClient(who), conversationId: id };
}

/** A conversation of its own small world (see createThreadWorld), after `prepare` ran on it. */
export async function worldThread(options: ThreadWorldOptions = {}, prepare?: (world: ThreadWorld) => Promise<unknown>): Promise<ThreadStory> {
  const world = await createThreadWorld(options);
  await prepare?.(world);
  return { client: world.client, conversationId: world.conversationId };
}
