// The world and fixtures of the <sms-number-manager> tests: a fresh organisation per test that changes data, with
// extensions, a group number, a foreign number, an administrator and a user.
import { fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SmsNumberManager } from '../../../components/number-manager/number-manager.js';
import '../../../components/number-manager/sms-number-manager.js';
import type { SmsClient } from '../../../src/index.js';
import { clientFor, createEmptyBackend } from '../../../stories/decorators/backends.js';
import { $$, find, text } from '../manager-helpers.js';

/**
 * A fresh organisation (home country Australia): extension 100 Reception holds 0480 000 900 (the user's number);
 * 101 Sam Shaw and 102 Kim Lee share the group number 0480 000 901 "Sales"; 103 Pat Doe holds nothing; a London
 * number has no extension.
 */
export async function numberWorld() {
  const empty = await createEmptyBackend();
  const admin = clientFor(empty.backend, empty.admin);
  const [department] = (await admin.directory.departments()).items;
  const extension = async (number: string, name: string) => (await admin.directory.createExtension({ number, name, departmentId: department!.id })).id;
  const sam = await extension('101', 'Sam Shaw');
  const kim = await extension('102', 'Kim Lee');
  const pat = await extension('103', 'Pat Doe');
  const sales = await admin.numbers.create({ e164: '+61480000901', label: 'Sales', extensionIds: [sam, kim] });
  const london = await admin.numbers.create({ e164: '+442079460958', label: 'London' });
  return { backend: empty.backend, admin, user: clientFor(empty.backend, empty.user), ids: { reception: empty.numberId, sales: sales.id, london: london.id, sam, kim, pat } };
}

export interface ManagerOptions {
  country?: string;
  showRemoved?: boolean;
  scheme?: 'light' | 'dark';
}

/** A number manager on `client` (nothing awaited beyond the first render). */
export function numberManager(client: SmsClient | undefined, options: ManagerOptions = {}): Promise<SmsNumberManager> {
  return fixture<SmsNumberManager>(html`<sms-number-manager
    .client=${client}
    default-country=${ifDefined(options.country)}
    ?show-removed=${options.showRemoved ?? false}
    scheme=${ifDefined(options.scheme)}
  ></sms-number-manager>`);
}

/** A number manager with its rows shown. */
export async function loadedManager(client: SmsClient, options: ManagerOptions = {}): Promise<SmsNumberManager> {
  const el = await numberManager(client, { country: 'AU', ...options });
  await find(el, 'tbody tr[data-row]', 'the numbers');
  return el;
}

/** The numbers of the rendered rows, as shown. */
export function rowNumbers(el: Element): string[] {
  return $$(el, 'tbody tr[data-row] th').map(text);
}

/** What a person sees of an element: its rendered text (not what is hidden), white space collapsed. */
export function seen(node: HTMLElement): string {
  return node.innerText.replace(/\s+/g, ' ').trim();
}

/** The cells of the row of a number (as shown), as seen: number, label, extensions, replies, (actions). */
export function rowOf(el: Element, number: string): string[] {
  const row = $$(el, 'tbody tr[data-row]').find((candidate) => text(candidate.querySelector('th')) === number);
  return row ? [...row.querySelectorAll<HTMLElement>('th, td')].map(seen) : [];
}
