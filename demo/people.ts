import type { DemoUserKey } from '../src/index.js';

/** Who the demo portal can be signed in as: an organisation's users and administrator, and the hosting vendor's operator. */
export type Who = DemoUserKey | 'admin' | 'operator';

export const PEOPLE: readonly Who[] = ['alice', 'ben', 'chloe', 'dev', 'admin', 'operator'];
