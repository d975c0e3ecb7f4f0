import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SmsListManager } from '../../../components/list-manager/list-manager.js';
import '../../../components/list-manager/sms-list-manager.js';
import { clientFor, createEmptyBackend } from '../../../stories/decorators/backends.js';
import { find, part, text, until } from '../manager-helpers.js';

describe('<sms-list-manager>: a landline as a list entry', () => {
  it('warns that it is not a mobile, and adds it all the same', async () => {
    const { backend, user } = await createEmptyBackend();
    const client = clientFor(backend, user);
    const list = await client.lists.create({ name: 'Suppliers' });
    await client.lists.addEntry(list.id, { e164: '+61412000001' });
    const el = await fixture<SmsListManager>(html`<sms-list-manager .client=${client} default-country="AU"></sms-list-manager>`);
    await find(el, 'tbody tr[data-row]', 'the first number');
    part<HTMLButtonElement>(el, 'add-button')!.click();
    const dialog = await find<HTMLDialogElement>(el, 'dialog[part~="form-dialog"]', 'the form dialog');
    await until(() => dialog.open, 'the dialog to open');
    const input = dialog.querySelector<HTMLInputElement>('#entry-phone')!;
    const message = () => dialog.querySelector('#entry-phone-message')!;
    input.focus();
    await sendKeys({ type: '0412 000 002' });
    await until(() => text(message()).startsWith('Saved as'), 'the hint for a mobile');
    expect(message().className).to.equal('hint');
    input.select();
    await sendKeys({ type: '02 9999 0000' });
    await until(() => message().className === 'field-warning', 'the warning');
    expect(text(message())).to.equal('+61 2 9999 0000: a landline or service number, it may not receive SMS.');
    expect(input.getAttribute('aria-invalid')).to.equal('false', 'a warning, not an error');
    expect(input.getAttribute('aria-describedby')).to.equal('entry-phone-message');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await until(() => !dialog.open, 'the dialog closes: the number is accepted');
    const { items } = await client.lists.entries(list.id);
    expect(items.map((entry) => entry.e164)).to.include('+61299990000');
  });
});
