// The fixtures of the <sms-organisation-manager> tests: an element on a client, its rows as seen, and its dialogs.
import { fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SmsOrganisationManager } from '../../../components/organisation-manager/organisation-manager.js';
import '../../../components/organisation-manager/sms-organisation-manager.js';
import type { SmsClient } from '../../../src/index.js';
import { $$, find, part, text, until } from '../manager-helpers.js';

/** An organisation manager on `client` (nothing awaited beyond the first render). */
export function organisationManager(client: SmsClient | undefined, options: { scheme?: 'light' | 'dark'; width?: number } = {}): Promise<SmsOrganisationManager> {
  return fixture<SmsOrganisationManager>(html`<sms-organisation-manager
    .client=${client}
    scheme=${ifDefined(options.scheme)}
    style=${ifDefined(options.width ? `width: ${options.width}px` : undefined)}
  ></sms-organisation-manager>`);
}

/** An organisation manager with its rows and this month's usage shown. */
export async function loadedManager(client: SmsClient, options: { scheme?: 'light' | 'dark'; width?: number } = {}): Promise<SmsOrganisationManager> {
  const el = await organisationManager(client, options);
  await find(el, 'tbody tr[data-row]', 'the organisations');
  return el;
}

/** What a person sees of an element: its rendered text (not what is hidden), white space collapsed. */
export function seen(node: HTMLElement): string {
  return node.innerText.replace(/\s+/g, ' ').trim();
}

/** The names of the rendered rows. */
export function rowNames(el: Element): string[] {
  return $$(el, 'tbody tr[data-row] [part~="edit-button"]').map(text);
}

/** The cells of an organisation's row, as seen: name and id, status, messages, cost, caps (and the actions). */
export function rowOf(el: Element, name: string): string[] {
  const row = $$(el, 'tbody tr[data-row]').find((candidate) => text(candidate.querySelector('[part~="edit-button"]')) === name);
  return row ? [...row.querySelectorAll<HTMLElement>('th, td:not(.cell-actions)')].map(seen) : [];
}

/** A control of an organisation's row, by its part. */
export function rowButton(el: Element, name: string, partName: string): HTMLButtonElement {
  const row = $$(el, 'tbody tr[data-row]').find((candidate) => text(candidate.querySelector('[part~="edit-button"]')) === name)!;
  return row.querySelector<HTMLButtonElement>(`[part~="${partName}"]`)!;
}

/** Opens the form dialog with `button` and waits for it. */
export async function openForm(el: SmsOrganisationManager, button: HTMLElement): Promise<HTMLDialogElement> {
  button.click();
  const dialog = await find<HTMLDialogElement>(el, 'dialog[part~="form-dialog"]', 'the form dialog');
  await until(() => dialog.open, 'the dialog to open');
  return dialog;
}

export async function submit(el: SmsOrganisationManager, dialog: HTMLDialogElement): Promise<void> {
  dialog.querySelector<HTMLButtonElement>('[part~="dialog-submit"]')!.click();
  await el.updateComplete;
}

export async function closed(el: SmsOrganisationManager): Promise<void> {
  await until(() => !part(el, 'form-dialog'), 'the dialog to close');
}
