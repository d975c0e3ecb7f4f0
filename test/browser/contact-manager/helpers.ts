// The world and fixtures of the <sms-contact-manager> tests: a fresh organisation per test, with shared contacts (one
// named in markup, one with three numbers) and a personal contact of its user.
import { fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SmsContactManager } from '../../../components/contact-manager/contact-manager.js';
import '../../../components/contact-manager/sms-contact-manager.js';
import type { SmsClient } from '../../../src/index.js';
import { clientFor, createEmptyBackend } from '../../../stories/decorators/backends.js';
import { $, $$, find, HOSTILE, part, text, until } from '../manager-helpers.js';

/**
 * A fresh organisation (Australia): shared contacts Bob Smith (a mobile, a landline at work and one more) and one
 * named and labelled in markup; Riley Brooks (the user) keeps Mum.
 */
export async function contactWorld() {
  const empty = await createEmptyBackend();
  const admin = clientFor(empty.backend, empty.admin);
  const user = clientFor(empty.backend, empty.user);
  const bob = await admin.contacts.create({
    scope: 'global', name: 'Bob Smith', company: 'Acme Plumbing',
    numbers: [{ e164: '+61412000001', label: 'Mobile' }, { e164: '+61298765432', label: 'Work' }, { e164: '+61412000003', label: 'Home' }],
  });
  const hostile = await admin.contacts.create({ scope: 'global', name: HOSTILE, numbers: [{ e164: '+61412000002', label: HOSTILE.slice(0, 40) }] });
  const mum = await user.contacts.create({ scope: 'personal', name: 'Mum', numbers: [{ e164: '+61412000004', label: 'Home' }] });
  return { backend: empty.backend, admin, user, ids: { bob: bob.id, hostile: hostile.id, mum: mum.id } };
}

/** A contact manager on `client` (nothing awaited beyond the first render). */
export function contactManager(client: SmsClient | undefined, options: { country?: string; scheme?: 'light' | 'dark'; width?: number } = {}): Promise<SmsContactManager> {
  return fixture<SmsContactManager>(html`<sms-contact-manager
    .client=${client}
    default-country=${ifDefined(options.country)}
    scheme=${ifDefined(options.scheme)}
    style=${ifDefined(options.width ? `width: ${options.width}px` : undefined)}
  ></sms-contact-manager>`);
}

/** A contact manager with its rows shown. */
export async function loadedManager(client: SmsClient, options: { scheme?: 'light' | 'dark'; width?: number } = {}): Promise<SmsContactManager> {
  const el = await contactManager(client, { country: 'AU', ...options });
  await find(el, 'tbody tr[data-row]', 'the contacts');
  return el;
}

/** The names of the rendered rows. */
export function rowNames(el: Element): string[] {
  return $$(el, 'tbody tr[data-row] .contact-name').map(text);
}

/** What a person sees of an element: its rendered text (not what is hidden), white space collapsed. */
export function seen(node: HTMLElement): string {
  return node.innerText.replace(/\s+/g, ' ').trim();
}

/** The cells of a contact's row, as seen: name (and company), numbers, (kept by), (actions). */
export function rowOf(el: Element, name: string): string[] {
  const row = $$(el, 'tbody tr[data-row]').find((candidate) => text(candidate.querySelector('.contact-name')) === name);
  return row ? [...row.querySelectorAll<HTMLElement>('th, td')].map(seen) : [];
}

/** Types a search and waits for the rows it finds. */
export async function searchFor(el: SmsContactManager, query: string, expected: string[]): Promise<void> {
  const input = part<HTMLInputElement>(el, 'search')!;
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await until(() => JSON.stringify(rowNames(el)) === JSON.stringify(expected) && $(el, '.status.loading') === null, `"${query}" to find ${expected.join(', ') || 'nothing'}`);
}
