// Browser tests in real Chromium (web-test-runner). Finds or installs Chromium first, and generates
// custom-elements.json and the React wrappers from it (`npm run analyze`), which test/browser/react loads.
import { ensureChromium } from './chromium.mjs';
import { run } from './run.mjs';

const chrome = ensureChromium();
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const analyzed = await run(npm, ['run', 'analyze', '--silent']);
if (analyzed !== 0) process.exit(analyzed);
const args = ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)];
process.exit(await run(process.execPath, args, { env: { ...process.env, CHROME_PATH: chrome } }));
