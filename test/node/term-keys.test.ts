import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

// One translation table serves every element, so a key must hold the same English text in every term object that
// has it: otherwise a translation can be right in one element only.

const root = join(import.meta.dirname, '../..');

function termFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return termFiles(path);
    return /terms\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** A term as comparable text: a string, plural forms in a fixed order, or a function's source. */
function english(term: unknown): string {
  if (typeof term === 'string') return term;
  if (typeof term === 'function') return `function ${term.toString()}`;
  const forms = Object.entries(term as Record<string, string>).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(Object.fromEntries(forms));
}

describe('translation keys', () => {
  it('every key holds one English text in every element', async () => {
    const files = termFiles(join(root, 'components')).sort();
    assert.ok(files.length > 10, `term files found: ${files.length}`);
    const texts = new Map<string, Map<string, string[]>>();
    for (const file of files) {
      const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        if (typeof value !== 'object' || value === null) continue;
        for (const [key, term] of Object.entries(value)) {
          const byText = texts.get(key) ?? new Map<string, string[]>();
          const text = english(term);
          byText.set(text, [...(byText.get(text) ?? []), `${name} (${relative(root, file)})`]);
          texts.set(key, byText);
        }
      }
    }
    const collisions = [...texts]
      .filter(([, byText]) => byText.size > 1)
      .map(([key, byText]) => `${key}:\n${[...byText].map(([text, where]) => `    ${text}  <- ${where.join(', ')}`).join('\n')}`);
    assert.deepEqual(collisions, [], `keys with more than one English text:\n${collisions.join('\n')}`);
  });
});
