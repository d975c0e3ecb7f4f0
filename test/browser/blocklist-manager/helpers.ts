// The worlds and fixtures of the <sms-blocklist-manager> tests: a fresh backend per test that changes data, with an
// administrator, a user and opt-out replies arriving from the carrier.
import { fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SmsBlocklistManager } from '../../../components/blocklist-manager/blocklist-manager.js';
import '../../../components/blocklist-manager/sms-blocklist-manager.js';
import type { LocalBackend, SmsClient } from '../../../src/index.js';
import { clientFor, createEmptyBackend } from '../../../stories/decorators/backends.js';
import { $$, find, text } from '../manager-helpers.js';

/** The empty backend's user number: replies to it reach the engine's opt-out rules. */
const USER_NUMBER = '+61480000900';

let providerSeq = 0;

/** An Australian mobile per index: +61 410 000 000, +61 410 000 001... */
export function mobile(index: number): string {
  return `+6141${String(index).padStart(7, '0')}`;
}

/** The administrator's name in the directory of `blocklistWorld`. */
export const ADMIN_NAME = 'Ada Admin';

/**
 * A fresh backend with an administrator (named in the directory, so that "Added by" shows a name) and a user;
 * `reply(from, body)` is an inbound SMS (STOP opts out).
 */
export async function blocklistWorld() {
  const { backend, user, admin } = await createEmptyBackend();
  const local = backend as LocalBackend;
  const adminClient = clientFor(backend, admin);
  await adminClient.directory.me();
  await adminClient.directory.updateUser(admin.userId, { name: ADMIN_NAME });
  const reply = async (from: string, body = 'STOP'): Promise<void> => {
    await local.inbound.sms({ providerId: `blocklist-${++providerSeq}`, from, to: USER_NUMBER, body, receivedAt: new Date().toISOString() });
    await local.idle();
  };
  return { backend: local, admin: adminClient, user: clientFor(backend, user), reply };
}

/** Blocks `count` numbers (mobile(0)...) by import through the client, 500 a call, as the element's import does. */
export async function seedBlocklist(client: SmsClient, count: number, reason = (index: number) => `Reason ${index}`): Promise<void> {
  for (let start = 0; start < count; start += 500) {
    const entries = Array.from({ length: Math.min(500, count - start) }, (_, offset) => {
      const index = start + offset;
      return { e164: mobile(index), reason: reason(index), line: index + 2 };
    });
    await client.blocklist.import({ entries });
  }
}

export interface ManagerOptions {
  country?: string;
  source?: string;
  scheme?: 'light' | 'dark';
  lang?: string;
}

/** A blocklist manager on `client` (nothing awaited beyond the first render). */
export function blocklistManager(client: SmsClient | undefined, options: ManagerOptions = {}): Promise<SmsBlocklistManager> {
  return fixture<SmsBlocklistManager>(html`<sms-blocklist-manager
    .client=${client}
    default-country=${ifDefined(options.country)}
    source=${ifDefined(options.source)}
    scheme=${ifDefined(options.scheme)}
    lang=${ifDefined(options.lang)}
  ></sms-blocklist-manager>`);
}

/** A blocklist manager with its first rows shown. */
export async function loadedManager(client: SmsClient, options: ManagerOptions = {}): Promise<SmsBlocklistManager> {
  const el = await blocklistManager(client, { country: 'AU', ...options });
  await find(el, 'tbody tr[data-row]', 'the first blocked numbers');
  return el;
}

/** The numbers of the rendered rows, as shown. */
export function rowNumbers(el: Element): string[] {
  return $$(el, 'tbody tr[data-row] .link-button').map(text);
}

/** The cells of a rendered row, as text: number, source, reason, added by, added, message, (actions). */
export function rowCells(el: Element, index: number): string[] {
  const row = $$(el, `tbody tr[data-row="${index}"]`)[0];
  return row ? [...row.querySelectorAll('th, td')].map((cell) => text(cell)) : [];
}

/** The text of the table footer ("100 numbers shown", "Loading more…"). */
export function footer(el: Element): string {
  return text($$(el, '.table-footer')[0]);
}

/**
 * A copy of a backend whose `blocklist.import` waits until `release()`: the import's progress, looked at for as long
 * as the test needs. `calls` counts the calls made.
 */
export function heldImports(base: LocalBackend): LocalBackend & { release(): void; calls: () => number } {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  const blocklist = {
    ...base.blocklist,
    import: async (...args: Parameters<LocalBackend['blocklist']['import']>) => {
      calls += 1;
      await held;
      return base.blocklist.import(...args);
    },
  };
  const backend = { ...base, subscribe: base.subscribe.bind(base), close: base.close.bind(base), blocklist };
  return Object.assign(backend, { release: () => release(), calls: () => calls });
}
