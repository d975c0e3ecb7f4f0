import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Docs' },
  viteFinal: (vite) => ({
    ...vite,
    build: {
      ...vite.build,
      // The preview bundles Storybook's own docs renderer and axe (each over 500 kB): a workshop, never shipped.
      chunkSizeWarningLimit: 2048,
      rolldownOptions: {
        ...vite.build?.rolldownOptions,
        // The elements load their inner elements lazily (the package's first load stays small); the stories register
        // every element up front, so those lazy imports cannot split Storybook's bundle, and are meant not to.
        onLog(level, log, handler) {
          if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT') return;
          handler(level, log);
        },
      },
    },
  }),
};

export default config;
