import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileTemplate, renderTemplate, templateFields } from '../../src/template.js';

describe('renderTemplate', () => {
  it('fills merge fields', () => {
    assert.deepEqual(renderTemplate('Hi {{name}}, your code is {{code}}.', { name: 'Ana', code: 42 }), {
      ok: true,
      text: 'Hi Ana, your code is 42.',
      fallbacks: [],
    });
  });

  it('allows spaces inside the braces and matches names ignoring case and spacing', () => {
    const values = { 'First Name': 'Ana', CITY: 'Lyon' };
    assert.deepEqual(renderTemplate('{{ first name }} / {{FIRST   NAME}} / {{city}}', values), { ok: true, text: 'Ana / Ana / Lyon', fallbacks: [] });
  });

  it('prefers an exact key to a case-insensitive one', () => {
    const result = renderTemplate('{{Name}}', { name: 'lower', Name: 'exact' });
    assert.ok(result.ok);
    assert.equal(result.text, 'exact');
    const other = renderTemplate('{{NAME}}', { name: 'first', Name: 'second' });
    assert.ok(other.ok);
    assert.equal(other.text, 'first');
  });

  it('reports every missing field once, as written, in order, and never renders it blank', () => {
    assert.deepEqual(renderTemplate('Hi {{name}}, {{ City }} {{code}} {{city}}', { name: 'Ana' }), { ok: false, missing: ['City', 'code'] });
  });

  it('counts an empty, blank, null or undefined value as missing unless allowEmpty', () => {
    for (const value of ['', '   ', null, undefined]) {
      assert.deepEqual(renderTemplate('Hi {{name}}!', { name: value }), { ok: false, missing: ['name'] }, String(value));
    }
    assert.deepEqual(renderTemplate('Hi {{name}}!', { name: '' }, { allowEmpty: true }), { ok: true, text: 'Hi !', fallbacks: [] });
    assert.deepEqual(renderTemplate('Hi {{name}}!', { name: null }, { allowEmpty: true }), { ok: false, missing: ['name'] });
  });

  it('keeps a value as given, spaces and braces included, without filling it again', () => {
    const result = renderTemplate('[{{a}}]', { a: ' {{b}} ', b: 'no' });
    assert.deepEqual(result, { ok: true, text: '[ {{b}} ]', fallbacks: [] });
  });

  it('renders with a fallback function for previews and says which fields used it', () => {
    const result = renderTemplate('Hi {{name}} from {{city}}', { city: 'Lyon' }, { fallback: (field) => `[${field}]` });
    assert.deepEqual(result, { ok: true, text: 'Hi [name] from Lyon', fallbacks: ['name'] });
  });

  it('renders with a fallback per field, matched like the values', () => {
    const options = { fallback: { NAME: 'there' } };
    assert.deepEqual(renderTemplate('Hi {{name}} in {{city}}', {}, options), { ok: false, missing: ['city'] });
    assert.deepEqual(renderTemplate('Hi {{name}}', {}, options), { ok: true, text: 'Hi there', fallbacks: ['name'] });
    assert.deepEqual(renderTemplate('Hi {{name}}', {}, { fallback: () => undefined }), { ok: false, missing: ['name'] });
  });

  it('leaves unbalanced or empty braces as literal text', () => {
    for (const body of ['Hi {{name', 'Hi name}}', 'Hi {name}', '{{}} and {{  }}', '{ {x} }', 'a {{b\nc}} d', '}}{{']) {
      assert.deepEqual(renderTemplate(body, {}), { ok: true, text: body, fallbacks: [] }, JSON.stringify(body));
    }
    assert.deepEqual(renderTemplate('{{{name}}}', { name: 'Ana' }), { ok: true, text: '{Ana}', fallbacks: [] });
    assert.deepEqual(renderTemplate('{{ {{name}}', { name: 'Ana' }), { ok: true, text: '{{ Ana', fallbacks: [] });
  });

  it('does not read inherited properties as values', () => {
    assert.deepEqual(renderTemplate('{{constructor}} {{toString}} {{__proto__}}', {}), { ok: false, missing: ['constructor', 'toString', '__proto__'] });
  });
});

describe('templateFields', () => {
  it('lists distinct fields in order of first appearance, as first written', () => {
    assert.deepEqual(templateFields('{{name}}, your {{ Code }} ({{NAME}}, {{code}}) {{ first   name }}'), ['name', 'Code', 'first name']);
  });

  it('lists nothing for a body without fields', () => {
    assert.deepEqual(templateFields('Hello {name} {{ }}'), []);
  });

  it('matches what render reports missing for empty values', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Hi ', '{{a}}', '{{ B }}', '{{b}}', '{{', '}}', '{', 'x', '{{c d}}'), { maxLength: 12 }), (parts) => {
        const body = parts.join('');
        const fields = templateFields(body);
        const result = renderTemplate(body, {});
        return fields.length === 0 ? result.ok : !result.ok && result.missing.join() === fields.join();
      }),
    );
  });
});

describe('compileTemplate', () => {
  it('parses once and renders for many recipients', () => {
    const template = compileTemplate('Dear {{name}}, {{amount}} is due.');
    assert.deepEqual(template.fields, ['name', 'amount']);
    assert.deepEqual(template.render({ name: 'Ana', amount: '€5' }), { ok: true, text: 'Dear Ana, €5 is due.', fallbacks: [] });
    assert.deepEqual(template.render({ name: 'Bo' }), { ok: false, missing: ['amount'] });
  });

  it('renders text that only differs from the body where fields were', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 10 }).filter((value) => value.trim() !== ''), (text, value) => {
        const body = `${text}{{x}}${text}`;
        const result = renderTemplate(body, { x: value });
        const expected = templateFields(text).length === 0 ? `${text}${value}${text}` : undefined;
        return expected === undefined || (result.ok && result.text === expected);
      }),
    );
  });
});
