import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SmsUsageReport } from '../../../components/index.js';
import '../../../components/usage-report/sms-usage-report.js';
import { clientFor } from '../../../stories/decorators/backends.js';
import { createUsageHistory, monthsAgo } from '../../../stories/decorators/usage-backends.js';
import { $, $$, captureDownload, HOSTILE, part, text, until } from '../manager-helpers.js';
import { bars, choose, headers, loadedReport, pickMonth, tableRows, totals } from './helpers.js';

const FORMULA = '=SUM(A1:A9)';

describe('<sms-usage-report>: the report', () => {
  it('shows this month by extension: totals, bars largest first, the same numbers in a table with its total', async () => {
    const world = await createUsageHistory();
    const el = await loadedReport(clientFor(world.backend, world.admin), { width: 1280 });
    expect(text($(el, 'h2'))).to.equal('SMS usage');
    expect(text(part(el, 'span'))).to.equal(new Date(`${monthsAgo(0)}-01T00:00:00Z`).toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }));
    expect(totals(el)).to.deep.equal({ Messages: '412', Parts: '498', Cost: 'A$24.90', Received: '48' });
    expect(headers(el)).to.deep.equal(['Extension', 'Messages', 'Parts', 'Received', 'Cost']);
    expect(tableRows(el)).to.deep.equal([
      ['301 Chloé Martin', '210', '260', '30', 'A$13.00'],
      ['201 Alice Nguyen', '120', '150', '12', 'A$7.50'],
      ['202 Ben Carter', '64', '70', '5', 'A$3.50'],
      ['302 Dev Patel', '18', '18', '1', 'A$0.90'],
      ['Total', '412', '498', '48', 'A$24.90'],
    ]);
    const chart = part(el, 'chart')!;
    expect(chart.getAttribute('aria-hidden')).to.equal('true');
    expect(text(chart.querySelector('.chart-title'))).to.equal('Cost by extension');
    expect(bars(el).map((bar) => [bar.label, bar.value, Math.round(bar.width)])).to.deep.equal([
      ['301 Chloé Martin', 'A$13.00', 100],
      ['201 Alice Nguyen', 'A$7.50', 58],
      ['202 Ben Carter', 'A$3.50', 27],
      ['302 Dev Patel', 'A$0.90', 7],
    ]);
    await expect(el).to.be.accessible();
  });

  it('changes the range by keyboard, groups by department, charts messages; a custom range by month fills empty months', async () => {
    const world = await createUsageHistory();
    const el = await loadedReport(clientFor(world.backend, world.admin));
    $<HTMLSelectElement>(el, 'select[part~="range"]')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => totals(el).Messages === '329', 'last month’s totals');
    expect(totals(el)).to.deep.equal({ Messages: '329', Parts: '398', Cost: 'A$19.90', Received: '39' });
    await sendKeys({ press: 'ArrowDown' });
    await until(() => totals(el).Cost === 'A$72.20', 'the last three months’ totals');
    await choose(el, 'group-by', 'department');
    expect(tableRows(el)).to.deep.equal([
      ['Support', '661', '806', '90', 'A$40.30'],
      ['Sales', '533', '638', '50', 'A$31.90'],
      ['Total', '1,194', '1,444', '140', 'A$72.20'],
    ]);
    await choose(el, 'measure', 'messages');
    expect(text($(el, '.chart-title'))).to.equal('Messages by department');
    expect(bars(el).map((bar) => bar.value)).to.deep.equal(['661', '533']);

    await choose(el, 'range', 'custom');
    // Custom starts from the months shown: nothing changes until a month is chosen.
    expect([$<HTMLInputElement>(el, 'input[part~="from"]')!.value, $<HTMLInputElement>(el, 'input[part~="to"]')!.value]).to.deep.equal([monthsAgo(2), monthsAgo(0)]);
    await pickMonth(el, 'from', monthsAgo(1));
    await pickMonth(el, 'to', monthsAgo(3));
    const error = part(el, 'range-error')!;
    expect([text(error), error.getAttribute('role')]).to.deep.equal(['The first month is after the last one.', 'alert']);
    expect($(el, 'input[part~="from"]')!.getAttribute('aria-invalid')).to.equal('true');
    // Nothing is read or exported until the range reads.
    expect(part(el, 'table')).to.equal(null);
    expect(part(el, 'export-button')).to.equal(null);
    await expect(el).to.be.accessible();
    await pickMonth(el, 'from', monthsAgo(30));
    expect(text(part(el, 'range-error'))).to.equal('Choose at most 24 months.');
    await pickMonth(el, 'from', monthsAgo(6));
    await pickMonth(el, 'to', monthsAgo(0));
    await choose(el, 'group-by', 'month');
    await until(() => $$(el, '.usage-table tbody tr').length === 7, 'seven months');
    const rows = tableRows(el);
    expect(rows[0]!.slice(1)).to.deep.equal(['0', '0', '0', 'A$0.00']);
    expect(rows.at(-2)!.slice(1)).to.deep.equal(['412', '498', '48', 'A$24.90']);
    // Months keep their order in the chart, the empty one drawn as an empty bar.
    expect(bars(el).map((bar) => bar.width)[0]).to.equal(0);
    expect(bars(el)).to.have.length(7);
  });

  it('exports the range as CSV for the accounts team: cost codes, plain decimal costs, formulas written as text', async () => {
    const world = await createUsageHistory();
    const admin = clientFor(world.backend, world.admin);
    const odd = await admin.directory.createDepartment({ name: FORMULA, costCode: 'ODD-1' });
    const extension = await admin.directory.createExtension({ number: '999', name: HOSTILE, departmentId: odd.id });
    await world.addUsage([{ month: monthsAgo(0), extensionId: extension.id, departmentId: odd.id, messages: 1, segments: 1, cost: 5, inbound: 0 }]);
    const el = await loadedReport(admin, { range: 'this-month' });
    // Names are text, never markup, in the table and in the chart.
    expect(tableRows(el).map((row) => row[0])).to.include(`999 ${HOSTILE}`);
    expect(bars(el).map((bar) => bar.label)).to.include('999 <img src=x onerror=al…');
    expect($$(el, 'img')).to.have.length(0);
    const file = await captureDownload(() => part<HTMLButtonElement>(el, 'export-button')!.click());
    const month = monthsAgo(0);
    expect(file.name).to.equal(`usage-${month}.csv`);
    expect(file.type).to.contain('text/csv');
    expect(file.text.split('\r\n')).to.deep.equal([
      'month,extension,extension_name,department,cost_code,messages,segments,inbound,cost,currency',
      `${month},201,Alice Nguyen,Sales,SAL-100,120,150,12,7.50,AUD`,
      `${month},202,Ben Carter,Sales,SAL-100,64,70,5,3.50,AUD`,
      `${month},301,Chloé Martin,Support,SUP-200,210,260,30,13.00,AUD`,
      `${month},302,Dev Patel,Support,SUP-200,18,18,1,0.90,AUD`,
      `${month},999,${HOSTILE},"'${FORMULA}",ODD-1,1,1,0,0.05,AUD`,
      '',
    ]);
    await until(() => text(part(el, 'notice')).startsWith('Exported 5 rows.'), 'the confirmation');
  });

  it('charts the eleven largest of many extensions and adds up the rest in one bar; the table lists them all', async () => {
    const world = await createUsageHistory();
    const admin = clientFor(world.backend, world.admin);
    const records = [];
    for (let index = 1; index <= 10; index++) {
      const extension = await admin.directory.createExtension({ number: String(400 + index), name: `Desk ${index}`, departmentId: world.departments.Support! });
      records.push({ month: monthsAgo(0), extensionId: extension.id, departmentId: world.departments.Support!, messages: index, segments: index, cost: index * 5, inbound: 0 });
    }
    await world.addUsage(records);
    const el = await loadedReport(admin);
    expect(tableRows(el)).to.have.length(15);
    const drawn = bars(el);
    expect(drawn).to.have.length(12);
    // The three smallest desks: A$0.15, A$0.10 and A$0.05.
    expect(drawn.at(-1)).to.include({ label: '3 others', value: 'A$0.30' });
    expect($$(el, '.others')).to.have.length(1);
  });

  it('shows cost in the organisation’s currency, formatted for the page’s language', async () => {
    const world = await createUsageHistory({ currency: 'JPY' });
    const wrapper = await fixture<HTMLElement>(html`<div lang="fr"><sms-usage-report .client=${clientFor(world.backend, world.admin)}></sms-usage-report></div>`);
    const el = wrapper.querySelector<SmsUsageReport>('sms-usage-report')!;
    await until(() => Boolean($(el, '.usage-table tfoot')), 'the table');
    // JPY has no minor unit: 2,490 yen, written the French way.
    expect(totals(el).Cost!.replace(/\s/g, ' ')).to.equal('2 490 JPY');
    const file = await captureDownload(() => part<HTMLButtonElement>(el, 'export-button')!.click());
    expect(file.text.split('\r\n')[1]).to.match(/,750,JPY$/);
  });

  it('shows a user the usage of their own extension only, as the backend allows', async () => {
    const world = await createUsageHistory();
    const el = await loadedReport(clientFor(world.backend, world.user), { range: 'last-3-months' });
    expect(text($(el, 'h2'))).to.equal('Your SMS usage');
    expect(tableRows(el)).to.deep.equal([
      ['201 Alice Nguyen', '348', '435', '35', 'A$21.75'],
      ['Total', '348', '435', '35', 'A$21.75'],
    ]);
    await choose(el, 'group-by', 'department');
    expect(tableRows(el).map((row) => row[0])).to.deep.equal(['Sales', 'Total']);
    const file = await captureDownload(() => part<HTMLButtonElement>(el, 'export-button')!.click());
    expect(new Set(file.text.trim().split('\r\n').slice(1).map((line) => line.split(',')[1]))).to.deep.equal(new Set(['201']));
    await expect(el).to.be.accessible();
  });
});
