// The world and fixtures of the <sms-template-manager> tests: a fresh organisation per test that changes data, with
// two global templates and one whose name and message are markup, and a personal template of its user.
import { fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SmsTemplateManager } from '../../../components/template-manager/template-manager.js';
import '../../../components/template-manager/sms-template-manager.js';
import type { SmsClient } from '../../../src/index.js';
import { clientFor, createEmptyBackend } from '../../../stories/decorators/backends.js';
import { $$, find, HOSTILE, text } from '../manager-helpers.js';

/**
 * A fresh organisation: global "Opening hours" (one part, no fields), "Appointment reminder" ({{first_name}} and
 * {{date}}) and a template named in markup whose message is markup over two parts; Riley's personal "Running late".
 */
export async function templateWorld() {
  const empty = await createEmptyBackend();
  const admin = clientFor(empty.backend, empty.admin);
  const user = clientFor(empty.backend, empty.user);
  const hours = await admin.templates.create({ scope: 'global', name: 'Opening hours', body: 'We are open 9 to 5, Monday to Friday.' });
  const reminder = await admin.templates.create({ scope: 'global', name: 'Appointment reminder', body: 'Hi {{first_name}}, see you on {{date}}.' });
  const hostile = await admin.templates.create({ scope: 'global', name: HOSTILE, body: `<b>{{x}}</b> ${'x'.repeat(160)}` });
  const late = await user.templates.create({ scope: 'personal', name: 'Running late', body: 'Running about 15 minutes late, sorry!' });
  return { backend: empty.backend, admin, user, ids: { hours: hours.id, reminder: reminder.id, hostile: hostile.id, late: late.id } };
}

/** A template manager on `client` (nothing awaited beyond the first render). */
export function templateManager(
  client: SmsClient | undefined,
  options: { scheme?: 'light' | 'dark'; width?: number; mergeFields?: string; samples?: Record<string, string> } = {},
): Promise<SmsTemplateManager> {
  return fixture<SmsTemplateManager>(html`<sms-template-manager
    .client=${client}
    merge-fields=${ifDefined(options.mergeFields)}
    .sampleValues=${options.samples ?? {}}
    scheme=${ifDefined(options.scheme)}
    style=${ifDefined(options.width ? `width: ${options.width}px` : undefined)}
  ></sms-template-manager>`);
}

/** A template manager with its rows shown. */
export async function loadedManager(client: SmsClient, options: Parameters<typeof templateManager>[1] = {}): Promise<SmsTemplateManager> {
  const el = await templateManager(client, options);
  await find(el, 'tbody tr[data-row]', 'the templates');
  return el;
}

/** The names of the rendered rows. */
export function rowNames(el: Element): string[] {
  return $$(el, 'tbody tr[data-row] [part~="edit-button"]').map(text);
}

/** What a person sees of an element: its rendered text (not what is hidden), white space collapsed. */
export function seen(node: HTMLElement): string {
  return node.innerText.replace(/\s+/g, ' ').trim();
}

/** The cells of the row of a template, as seen: name, message and fields, parts, (actions). */
export function rowOf(el: Element, name: string): string[] {
  const row = $$(el, 'tbody tr[data-row]').find((candidate) => text(candidate.querySelector('[part~="edit-button"]')) === name);
  return row ? [...row.querySelectorAll<HTMLElement>('th, td')].map(seen) : [];
}
