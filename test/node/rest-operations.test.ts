import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { restOperations } from '../../src/ports/rest-operations.js';

describe('the REST mapping of the SmsBackend port', () => {
  const operations = restOperations();

  it('names each path argument once in its path, and nothing else there', () => {
    for (const { group, name, operation } of operations) {
      const inPath = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      const declared = operation.args.filter((arg) => arg.in === 'path').map((arg) => arg.name);
      assert.deepEqual(inPath, declared, `${group}.${name}`);
    }
  });

  it('gives each operation its own method and path, unambiguous against the others', () => {
    const seen = new Map<string, string>();
    for (const { group, name, operation } of operations) {
      const key = `${operation.method} ${operation.path.replace(/\{[^}]+\}/g, '{}')}`;
      assert.equal(seen.get(key), undefined, `${group}.${name} and ${seen.get(key)} share ${key}`);
      seen.set(key, `${group}.${name}`);
    }
    // A literal segment where another operation of the same method has a parameter would shadow an id.
    for (const a of operations) {
      for (const b of operations) {
        if (a === b || a.operation.method !== b.operation.method) continue;
        const [left, right] = [a.operation.path.split('/'), b.operation.path.split('/')];
        if (left.length !== right.length) continue;
        const clash = left.every((segment, index) => segment === right[index] || segment.startsWith('{') || right[index]!.startsWith('{'));
        assert.ok(!clash, `${a.group}.${a.name} (${a.operation.path}) and ${b.group}.${b.name} (${b.operation.path}) can match the same URL`);
      }
    }
  });

  it('has at most one body argument, never beside body fields, and no body on GET and DELETE', () => {
    for (const { group, name, operation } of operations) {
      const bodies = operation.args.filter((arg) => arg.in === 'body').length;
      const fields = operation.args.filter((arg) => arg.in === 'field').length;
      assert.ok(bodies <= 1 && !(bodies && fields), `${group}.${name}`);
      if (operation.method === 'GET' || operation.method === 'DELETE') assert.equal(bodies + fields, 0, `${group}.${name}`);
      assert.ok(!operation.idempotent || operation.method === 'POST', `${group}.${name}: only POSTs carry an Idempotency-Key`);
    }
  });
});
