import type { DemoUserKey } from '../src/index.js';

/** Who the demo portal can be signed in as: the seeded organisation's users and its administrator. */
export type Who = DemoUserKey | 'admin';

export const PEOPLE: readonly Who[] = ['alice', 'ben', 'chloe', 'dev', 'admin'];
