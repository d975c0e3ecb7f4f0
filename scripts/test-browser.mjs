// Browser tests in real Chromium (web-test-runner). Finds or installs Chromium first.
import { ensureChromium } from './chromium.mjs';
import { run } from './run.mjs';

const chrome = ensureChromium();
const args = ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)];
process.exit(await run(process.execPath, args, { env: { ...process.env, CHROME_PATH: chrome } }));
