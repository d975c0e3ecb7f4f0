// custom-elements.json, generated at build from the class comments (the contract of each element).
// Each element class names its tag with `@tagname sms-xxx`; its registration module is components/xxx/sms-xxx.ts.
// The React wrappers of `pbx-sms/react` (react/, not committed) are generated from it here: see scripts/react-wrappers.mjs.
import { reactWrappersPlugin } from './scripts/react-wrappers.mjs';

/**
 * Tidies what the analyzer cannot see through our conventions:
 * - the manifest is the public contract: private and protected members (reactive controllers, `@state` fields
 *   declared `private`) are left out, so that Storybook's docs do not list them;
 * - an event documented with `@event {SmsXxxEvent} sms-xxx` is also found, nameless, where the class does
 *   `this.dispatchEvent(new SmsXxxEvent(...))`: keep the documented one;
 * - elements are registered with `defineElement()`, not `customElements.define()`: record each `sms-xxx.ts`
 *   module as the definition of the class whose `@tagname` is `sms-xxx`.
 */
function pbxSmsConventions() {
  return {
    name: 'pbx-sms-conventions',
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules ?? [];
      const byTag = new Map();
      for (const mod of modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          if (declaration.members) {
            declaration.members = declaration.members.filter((member) => member.privacy !== 'private' && member.privacy !== 'protected');
          }
          if (declaration.tagName) byTag.set(declaration.tagName, { name: declaration.name, module: mod.path });
        }
      }
      for (const mod of modules) {
        const tag = /(?:^|\/)(sms-[a-z0-9-]+)\.ts$/.exec(mod.path)?.[1];
        const declaration = tag && byTag.get(tag);
        if (!declaration) continue;
        mod.exports = [...(mod.exports ?? []), { kind: 'custom-element-definition', name: tag, declaration }];
      }
    },
  };
}

export default {
  globs: ['components/**/*.ts'],
  // Of the internals, only the base class that gives every element its `client` property, so that the elements
  // inherit it in the manifest (and in the types and editor data made from it).
  exclude: ['components/internal/!(client-element).ts', 'components/internal/*/**', 'components/**/*.styles.ts', 'components/**/*.terms.ts'],
  outdir: '.',
  litelement: true,
  plugins: [pbxSmsConventions(), reactWrappersPlugin()],
};
