// Browser tests in real Chromium (Debian's), never a downloaded one. See scripts/chromium.mjs.
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { ensureChromium, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { plainSummaryReporter } from './scripts/plain-summary-reporter.mjs';

export default {
  files: ['test/browser/**/*.test.ts'],
  hostname: '127.0.0.1',
  nodeResolve: { exportConditions: ['production'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true },
    }),
  ],
  concurrency: 2,
  testFramework: { config: { timeout: 15000 } },
  testsFinishTimeout: 300000,
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: false }), plainSummaryReporter()],
};
