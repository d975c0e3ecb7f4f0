// Types of the elements for JSX frameworks (Preact and the like, Solid) and Vue templates, and editor data (VS Code
// HTML and CSS custom data, JetBrains web-types), made at build (after tsup) from custom-elements.json with the
// manifest's integrations of break-stuff/cem-tools, into dist/:
//   dist/types/jsx.d.ts  dist/types/solid.d.ts  dist/types/vue.d.ts
//   dist/vscode.html-custom-data.json  dist/vscode.css-custom-data.json  dist/web-types.json
// The type files import the element and event classes from dist/components. What the generators write is corrected
// where it does not fit these elements (see `fitTypes`), and each correction fails loudly when the generator's output
// changes shape, rather than shipping wrong types.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateSolidJsTypes } from 'custom-element-solidjs-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';

const TYPES_DIR = 'dist/types';
/** Where the type files find the classes, from dist/types. */
const COMPONENTS = '../components/index.js';

/**
 * Fixes three things the type generators get wrong for these elements:
 * - the import of the classes names an event class once per element that fires it (a duplicate identifier), and
 *   names DOM events (`InputEvent`) as if the package exported them: import each class declared in the manifest once;
 * - an attribute with no property behind it (`scheme`, documented with `@attribute`) is typed `Element['undefined']`:
 *   give it the type its comment states;
 * - an event handler receives `CustomEvent<SmsXxxEvent>`, whereas the element dispatches the `SmsXxxEvent` itself,
 *   whose `detail` is typed: the handler receives that class.
 */
export function fitTypes(text, manifest) {
  const declared = new Set((manifest.modules ?? []).flatMap((mod) => (mod.declarations ?? []).map((d) => d.name)));
  const importPattern = /import type \{([^}]*)\} from "\.\.\/components\/index\.js";/;
  const names = importPattern.exec(text)?.[1];
  if (names === undefined) throw new Error('framework types: the generated import of the classes was not found');
  const imported = [...new Set(names.split(',').map((name) => name.trim()).filter((name) => declared.has(name)))];
  let fitted = text.replace(importPattern, `import type { ${imported.join(', ')} } from "${COMPONENTS}";`);

  const elements = new Map();
  for (const mod of manifest.modules ?? []) {
    for (const declaration of mod.declarations ?? []) if (declaration.tagName) elements.set(declaration.name, declaration);
  }
  fitted = fitted.replace(/"?([a-z][a-z0-9-]*)"?\?: (\w+)\[["']undefined["']\];/g, (match, attribute, element) => {
    const declared = elements.get(element)?.attributes?.find((a) => a.name === attribute && !a.fieldName);
    if (!declared) throw new Error(`framework types: ${element}["undefined"] for ${attribute}, an attribute the manifest does not have`);
    return `"${attribute}"?: ${declared.type?.text ?? 'string'};`;
  });
  fitted = fitted.replace(/\(e: CustomEvent<(\w+)>\) =>/g, (match, type) => (/Event$/.test(type) ? `(e: ${type}) =>` : match));
  if (/\["undefined"\]|\['undefined'\]|CustomEvent<\w*Event>/.test(fitted)) {
    throw new Error('framework types: the generated types still hold an unresolved attribute or a wrapped event class');
  }
  return fitted;
}

const camel = (name) => name.replace(/-([a-z0-9])/g, (match, letter) => letter.toUpperCase());

/**
 * Vue's template checker (vue-tsc) reads `default-country="AU"` as the prop `defaultCountry`, and
 * `@sms-conversation-select` as `onSmsConversationSelect` (at run time Vue sets the attribute and listens to the
 * event as written), whereas the Vue generator names props as the attributes and events are written: name them as Vue
 * reads them.
 */
export function vueTemplateProps(text) {
  let events = 0;
  const fitted = text
    .replace(/"on([a-z][a-z0-9-]*)"\?: \(e: /g, (match, event) => {
      events += 1;
      return `on${camel(`-${event}`)}?: (e: `;
    })
    .replace(/"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"\?: /g, (match, attribute) => `${camel(attribute)}?: `);
  if (events === 0) throw new Error('framework types: no event props found in the Vue types');
  return fitted;
}

/** Generates the type files and the editor data for `manifest` into dist/. */
export function writeFrameworkTypes(manifest) {
  const common = { hideLogs: true, globalTypePath: COMPONENTS, outdir: TYPES_DIR };
  const typeFiles = [
    ['jsx.d.ts', (fileName) => generateJsxTypes(manifest, { ...common, fileName })],
    ['solid.d.ts', (fileName) => generateSolidJsTypes(manifest, { ...common, fileName })],
    ['vue.d.ts', (fileName) => generateVuejsTypes(manifest, { ...common, fileName }), vueTemplateProps],
  ];
  for (const [fileName, generate, fit = (text) => text] of typeFiles) {
    generate(fileName);
    const path = join(TYPES_DIR, fileName);
    writeFileSync(path, fit(fitTypes(readFileSync(path, 'utf8'), manifest)));
  }
  generateVsCodeCustomElementData(manifest, {
    hideLogs: true,
    outdir: 'dist',
    htmlFileName: 'vscode.html-custom-data.json',
    cssFileName: 'vscode.css-custom-data.json',
  });
  generateJetBrainsWebTypes(manifest, {
    hideLogs: true,
    outdir: 'dist',
    webTypesFileName: 'web-types.json',
    packageJson: false, // package.json names the file itself (`web-types`)
    modulePathTemplate: () => './dist/components/index.js', // where each element's class is exported, for "go to"
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFrameworkTypes(JSON.parse(readFileSync('custom-elements.json', 'utf8')));
  console.log('framework types and editor data written to dist/ (types/jsx.d.ts, types/solid.d.ts, types/vue.d.ts, vscode.*-custom-data.json, web-types.json)');
}
