// The React wrappers of `pbx-sms/react`, generated from custom-elements.json each time it is (`npm run analyze`, which
// build, typecheck, the browser tests and Storybook run first), so that an element gets its wrapper, and an event its
// prop, without a hand edit. They are written to react/ (not committed):
// - react/sms-NAME.ts per element: `createComponent` of @lit/react, the element registered by importing its
//   `sms-NAME.ts`, each event a prop named after it (`sms-conversation-select` → `onSmsConversationSelect`) typed with
//   the event class that `@event {SmsXxxEvent} sms-xxx` names in the class comment;
// - react/index.ts, which re-exports them all.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const HEADER = '// Generated from custom-elements.json by scripts/react-wrappers.mjs (npm run analyze). Do not edit.\n';

/** `sms-conversation-select` → `onSmsConversationSelect`; `input` → `onInput`. */
export function eventPropName(eventName) {
  return `on${eventName.split(/[^a-zA-Z0-9]+/).filter(Boolean).map((word) => word[0].toUpperCase() + word.slice(1)).join('')}`;
}

/** An import path from a file of `dir` to a `.ts` module of the manifest, as the sources write it (`.js`). */
function importPath(dir, modulePath) {
  const path = relative(dir, modulePath).replace(/\.ts$/, '.js');
  return path.startsWith('.') ? path : `./${path}`;
}

/** Text for a JSDoc block: no `*​/` inside, each line prefixed. */
function docLines(text) {
  return text.replaceAll('*/', '*\\/').split('\n').map((line) => ` *${line ? ` ${line}` : ''}`);
}

/**
 * What the wrappers need from the manifest, one entry per element that a `sms-*.ts` module defines:
 * `{ tag, name, module, definition, summary, events: [{ name, type, typeModule }] }`, sorted by tag.
 */
export function elementsOf(manifest) {
  const declared = new Map();
  for (const mod of manifest.modules ?? []) {
    for (const declaration of mod.declarations ?? []) declared.set(declaration.name, { declaration, module: mod.path });
  }
  const elements = [];
  for (const mod of manifest.modules ?? []) {
    for (const exported of mod.exports ?? []) {
      if (exported.kind !== 'custom-element-definition') continue;
      const found = declared.get(exported.declaration.name);
      if (!found) throw new Error(`custom-elements.json: ${exported.name} is defined by ${mod.path}, but its class ${exported.declaration.name} is not declared`);
      const events = (found.declaration.events ?? []).map((event) => {
        const type = event.type?.text?.trim() || 'Event';
        return { name: event.name, type, typeModule: declared.get(type)?.module };
      });
      const props = new Map();
      for (const event of events) {
        const prop = eventPropName(event.name);
        if (props.has(prop)) throw new Error(`<${exported.name}>: events ${props.get(prop)} and ${event.name} would share the React prop ${prop}`);
        props.set(prop, event.name);
      }
      elements.push({
        tag: exported.name,
        name: found.declaration.name,
        module: found.module,
        definition: mod.path,
        summary: (found.declaration.summary ?? found.declaration.description ?? '').trim(),
        events,
      });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** The source of react/sms-NAME.ts for one element of `elementsOf()`. */
export function wrapperSource(element, dir) {
  const local = `${element.name}Class`;
  const typeImports = new Map();
  for (const event of element.events) {
    if (!event.typeModule) continue; // a DOM event (`InputEvent`) or `Event`: global types
    const path = importPath(dir, event.typeModule);
    typeImports.set(path, [...new Set([...(typeImports.get(path) ?? []), event.type])]);
  }
  const lines = [
    HEADER,
    "import * as React from 'react';",
    `import { createComponent${element.events.length ? ', type EventName' : ''} } from '@lit/react';`,
    `import '${importPath(dir, element.definition)}';`,
    `import { ${element.name} as ${local} } from '${importPath(dir, element.module)}';`,
    ...[...typeImports].map(([path, names]) => `import type { ${names.join(', ')} } from '${path}';`),
    '',
    `/** The \`<${element.tag}>\` element, the type of a ref to it. */`,
    `export type ${element.name}Element = ${local};`,
    '',
    '/**',
    ...docLines(`\`<${element.tag}>\` as a React component (importing it registers the element).`),
    ...(element.summary ? [' *', ...docLines(element.summary)] : []),
    ...(element.events.length
      ? [' *', ' * Event props:', ...element.events.map((event) => ` * - \`${eventPropName(event.name)}\`: \`${event.name}\`, an \`${event.type}\``)]
      : []),
    ' */',
    `export const ${element.name} = createComponent({`,
    '  react: React,',
    `  tagName: '${element.tag}',`,
    `  elementClass: ${local},`,
    ...(element.events.length
      ? [
          '  events: {',
          ...element.events.map((event) => `    ${eventPropName(event.name)}: '${event.name}' as EventName<${event.type}>,`),
          '  },',
        ]
      : []),
    `  displayName: '${element.name}',`,
    '});',
    '',
  ];
  return lines.join('\n');
}

/** The source of react/index.ts. */
export function indexSource(elements) {
  return [
    HEADER,
    '/**',
    ' * pbx-sms/react: a React component for every `<sms-*>` element, made with @lit/react. Properties are set on the',
    ' * element (`client`, `conversationId`...), its events are props (`onSmsConversationSelect`), and a ref reaches the',
    ' * element. Importing a component registers its element.',
    ' * @packageDocumentation',
    ' */',
    ...elements.map((element) => `export * from './${element.tag}.js';`),
    '',
  ].join('\n');
}

/** Writes a file only when its text changes, so that watchers and tsc's incremental state see no needless change. */
function writeIfChanged(path, text) {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  writeFileSync(path, text);
}

/** Writes react/ for `manifest`, and removes the wrappers of elements that are gone. */
export function writeReactWrappers(manifest, dir = 'react') {
  const elements = elementsOf(manifest);
  mkdirSync(dir, { recursive: true });
  const wanted = new Set(['index.ts', ...elements.map((element) => `${element.tag}.ts`)]);
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.ts') && !wanted.has(file)) rmSync(join(dir, file));
  }
  for (const element of elements) writeIfChanged(join(dir, `${element.tag}.ts`), wrapperSource(element, dir));
  writeIfChanged(join(dir, 'index.ts'), indexSource(elements));
  return elements;
}

/** The analyzer plugin: runs after the manifest is complete (put it after the plugins that tidy the manifest). */
export function reactWrappersPlugin({ dir = 'react' } = {}) {
  return {
    name: 'pbx-sms-react-wrappers',
    packageLinkPhase({ customElementsManifest }) {
      writeReactWrappers(customElementsManifest, dir);
    },
  };
}
