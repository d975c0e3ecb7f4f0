// Browser tests in real Chromium (Debian's), never a downloaded one. See scripts/chromium.mjs.
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { ensureChromium, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { reactEsmPlugin } from './scripts/react-esm-plugin.mjs';
import { plainSummaryReporter } from './scripts/plain-summary-reporter.mjs';
import { wireServerPlugin } from './scripts/wire-server-plugin.mjs';
import { screenshotPlugin } from './scripts/screenshot-plugin.mjs';

// Test pages run two at a time. In one window the page in the background gets no animation frames, so
// fixture() and nextFrame() wait until it comes to the front: give each page a browser context (a window) of its own.
async function pageInItsOwnWindow({ browser }) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.once('close', () => void context.close().catch(() => {}));
  return page;
}

export default {
  files: ['test/browser/**/*.test.ts'],
  hostname: '127.0.0.1',
  nodeResolve: { exportConditions: ['production'] },
  plugins: [
    // React (CommonJS only) as ES modules, for the React wrappers' test (test/browser/react).
    reactEsmPlugin(),
    esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    // papaparse ships CommonJS only. Unwrapped (strictRequires: false), so that the module exports its default; its
    // require('stream') serves Node streams alone and is left as it is (never run in a page).
    fromRollup(rollupCommonjs)({ include: ['**/node_modules/papaparse/**'], strictRequires: false, ignore: ['stream'] }),
    // A real REST server on 127.0.0.1 for the tests that talk to one over HTTP (test/browser/over-http).
    wireServerPlugin(),
    // Screenshots a test saves for a person to look at (test/browser/rtl.test.ts).
    screenshotPlugin(),
  ],
  browsers: [
    chromeLauncher({
      // Keyboard and wheel scrolls jump instead of animating, so a test that presses End sees where it lands at once
      // (the elements' own scroll code never depends on it).
      launchOptions: { executablePath: ensureChromium(), args: [...CHROMIUM_ARGS, '--disable-smooth-scrolling'], headless: true },
      createPage: pageInItsOwnWindow,
    }),
  ],
  concurrency: 2,
  testFramework: { config: { timeout: 15000 } },
  testsFinishTimeout: 120000,
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: false }), plainSummaryReporter()],
};
