// A web-test-runner plugin that lets a browser test save a screenshot of its page for a person to look at: the
// command `save-screenshot` ({ folder, name }) writes `<folder>/<name>.png` (folder relative to the repository,
// under test/browser/.screenshots/ only) and answers the path. Nothing is compared: tests assert with the DOM.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCREENSHOTS = join(ROOT, 'test', 'browser', '.screenshots');
const NAME = /^[\w.-]{1,80}$/;

export function screenshotPlugin() {
  return {
    name: 'save-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'save-screenshot') return undefined;
      const { folder, name } = payload ?? {};
      if (typeof folder !== 'string' || !NAME.test(folder) || typeof name !== 'string' || !NAME.test(name)) {
        throw new Error('save-screenshot needs { folder, name }: plain file names (letters, digits, ".", "-", "_").');
      }
      const page = session.browser.getPage(session.id);
      const file = join(SCREENSHOTS, folder, `${name}.png`);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, await page.screenshot({ type: 'png' }));
      return relative(ROOT, file);
    },
  };
}
