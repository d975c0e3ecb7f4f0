// The world and fixtures of the <sms-settings> tests: a fresh organisation per test that changes data, with three
// departments (one named in markup) and an automatic answer in markup.
import { fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SmsSettings } from '../../../components/settings/settings.js';
import '../../../components/settings/sms-settings.js';
import type { SmsClient } from '../../../src/index.js';
import { clientFor, createEmptyBackend } from '../../../stories/decorators/backends.js';
import { $, find, HOSTILE, part, type } from '../manager-helpers.js';

/**
 * A fresh organisation (Australia, AUD, 4 cents a part, 10 parts per second): Reception sends as RECEPTION, Sales as
 * ACME and ACME-HELP, a department whose name is markup has no tag; the HELP answer holds markup, there is no
 * opt-in answer.
 */
export async function settingsWorld() {
  const empty = await createEmptyBackend();
  const admin = clientFor(empty.backend, empty.admin);
  await admin.settings.update({ helpReply: `${HOSTILE} Call 1300 000 000.`, optInConfirmation: null });
  const sales = await admin.directory.createDepartment({ name: 'Sales', alphaTags: ['ACME', 'ACME-HELP'] });
  const hostile = await admin.directory.createDepartment({ name: HOSTILE });
  return { backend: empty.backend, admin, user: clientFor(empty.backend, empty.user), ids: { sales: sales.id, hostile: hostile.id } };
}

/** A settings element on `client` (nothing awaited beyond the first render). */
export function settingsElement(client: SmsClient | undefined, options: { scheme?: 'light' | 'dark'; width?: number } = {}): Promise<SmsSettings> {
  return fixture<SmsSettings>(html`<sms-settings
    .client=${client}
    scheme=${ifDefined(options.scheme)}
    style=${ifDefined(options.width ? `width: ${options.width}px` : undefined)}
  ></sms-settings>`);
}

/** A settings element with its form shown. */
export async function loadedSettings(client: SmsClient, options: { scheme?: 'light' | 'dark'; width?: number } = {}): Promise<SmsSettings> {
  const el = await settingsElement(client, options);
  await find(el, 'form[part~="form"]', 'the settings form');
  return el;
}

/** A field of the form, by its settings name (`settings-helpReply`...). */
export function field<T extends HTMLElement = HTMLInputElement>(el: Element, name: string): T {
  return part<T>(el, `settings-${name}`)!;
}

/** The hint or error under a field. */
export function messageOf(el: Element, name: string): HTMLElement {
  return $(el, `#settings-${name}-message`)!;
}

/** Types into a field and waits for the element to render it. */
export async function typeInto(el: SmsSettings, input: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  type(input as HTMLInputElement, value);
  await el.updateComplete;
}

/** The department's fieldset, by the name in its legend. */
export function departmentOf(el: Element, name: string): HTMLFieldSetElement {
  const found = [...el.shadowRoot!.querySelectorAll<HTMLFieldSetElement>('[part~="department"]')].find((candidate) => candidate.querySelector('legend')!.textContent!.trim() === name);
  if (!found) throw new Error(`no department ${name}`);
  return found;
}

/** The tags a department's fieldset shows. */
export function tagsOf(department: HTMLFieldSetElement): string[] {
  return [...department.querySelectorAll('[part~="alpha-tag"] bdi')].map((tag) => tag.textContent!);
}
