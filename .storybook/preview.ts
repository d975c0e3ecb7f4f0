import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { languageDecorator, languageGlobal } from '../stories/decorators/language.js';
import { initialGlobals, schemeDecorator } from '../stories/decorators/scheme.js';

// custom-elements.json is generated from the class comments by `npm run analyze` (cem analyze), which `npm run
// storybook` and `npm run build-storybook` run first; Docs read attributes, events, slots, parts and CSS properties
// from it. The glob keeps Storybook working without it (`npx storybook dev` run directly).
const manifests = import.meta.glob<{ default: object }>('../custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    scheme: {
      description: 'Colour scheme',
      toolbar: { title: 'Scheme', icon: 'contrast', items: ['light', 'dark'], dynamicTitle: true },
    },
    language: languageGlobal,
  },
  initialGlobals: { ...initialGlobals, language: 'en' },
  // The language wraps the scheme: both apply to every story and to the docs pages' examples.
  decorators: [schemeDecorator, languageDecorator],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};

export default preview;
