// The world and fixtures of the <sms-keyword-manager> tests: a fresh organisation per test that changes data, with
// two people, an extra opt-out word in its settings, a short code and three keyword rules.
import { fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SmsKeywordManager } from '../../../components/keyword-manager/keyword-manager.js';
import '../../../components/keyword-manager/sms-keyword-manager.js';
import type { SmsClient } from '../../../src/index.js';
import { clientFor, createEmptyBackend } from '../../../stories/decorators/backends.js';
import { $$, find, HOSTILE, text } from '../manager-helpers.js';

/**
 * A fresh organisation (Australia, short code 0481999, prefix SHOP, ARRET an extra opt-out word): Riley Brooks and a
 * person whose name is markup; PARKING goes to Riley and an e-mail with a one-part reply, QUOTE to a mobile with a
 * two-part reply in markup, JOBS to the markup person and is turned off.
 */
export async function keywordWorld() {
  const empty = await createEmptyBackend();
  const admin = clientFor(empty.backend, empty.admin);
  await admin.settings.update({ shortCode: '0481999', keywordPrefix: 'SHOP', keywords: { 'opt-out': ['ARRET'], 'opt-in': [], help: [] } });
  const [department] = (await admin.directory.departments()).items;
  const hostile = await admin.directory.createUser({ name: HOSTILE, role: 'user', departmentId: department!.id });
  const parking = await admin.keywords.create({ keyword: 'PARKING', routes: { portal: 'empty-user', email: 'facilities@example.com' }, autoReply: 'Thanks, we are on it.' });
  const quote = await admin.keywords.create({ keyword: 'QUOTE', routes: { mobile: '0412 345 678' }, autoReply: `${HOSTILE} ${'x'.repeat(160)}` });
  const jobs = await admin.keywords.create({ keyword: 'JOBS', routes: { portal: hostile.id }, enabled: false });
  return { backend: empty.backend, admin, user: clientFor(empty.backend, empty.user), ids: { parking: parking.id, quote: quote.id, jobs: jobs.id, hostile: hostile.id } };
}

/** A keyword manager on `client` (nothing awaited beyond the first render). */
export function keywordManager(client: SmsClient | undefined, options: { country?: string; scheme?: 'light' | 'dark'; width?: number } = {}): Promise<SmsKeywordManager> {
  return fixture<SmsKeywordManager>(html`<sms-keyword-manager
    .client=${client}
    default-country=${ifDefined(options.country)}
    scheme=${ifDefined(options.scheme)}
    style=${ifDefined(options.width ? `width: ${options.width}px` : undefined)}
  ></sms-keyword-manager>`);
}

/** A keyword manager with its rows shown. */
export async function loadedManager(client: SmsClient, options: { scheme?: 'light' | 'dark'; width?: number } = {}): Promise<SmsKeywordManager> {
  const el = await keywordManager(client, { country: 'AU', ...options });
  await find(el, 'tbody tr[data-row]', 'the keywords');
  return el;
}

/** The keywords of the rendered rows. */
export function rowKeywords(el: Element): string[] {
  return $$(el, 'tbody tr[data-row] [part~="edit-button"]').map(text);
}

/** What a person sees of an element: its rendered text (not what is hidden), white space collapsed. */
export function seen(node: HTMLElement): string {
  return node.innerText.replace(/\s+/g, ' ').trim();
}

/** The cells of the row of a keyword, as seen: keyword, where it goes, auto-reply, (actions). */
export function rowOf(el: Element, keyword: string): string[] {
  const row = $$(el, 'tbody tr[data-row]').find((candidate) => text(candidate.querySelector('[part~="edit-button"]')) === keyword);
  return row ? [...row.querySelectorAll<HTMLElement>('th, td')].map(seen) : [];
}
