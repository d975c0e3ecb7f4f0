import { readdirSync, existsSync } from 'node:fs';
import { defineConfig } from 'tsup';

/** One entry per public subpath: `.`, `./components`, `./components/sms-*`, `./adapters/*`. */
function entries(): Record<string, string> {
  const entry: Record<string, string> = {
    index: 'src/index.ts',
    'components/index': 'components/index.ts',
    'components/define': 'components/define.ts',
  };
  for (const dir of readdirSync('components', { withFileTypes: true })) {
    if (!dir.isDirectory() || ['internal', 'events'].includes(dir.name)) continue;
    const file = `components/${dir.name}/sms-${dir.name}.ts`;
    if (existsSync(file)) entry[`components/sms-${dir.name}`] = file;
  }
  for (const dir of readdirSync('adapters', { withFileTypes: true })) {
    const file = `adapters/${dir.name}/index.ts`;
    if (dir.isDirectory() && existsSync(file)) entry[`adapters/${dir.name}`] = file;
  }
  return entry;
}

export default defineConfig({
  entry: entries(),
  format: ['esm'],
  target: 'es2022',
  platform: 'neutral',
  dts: true,
  splitting: true,
  treeshake: true,
  sourcemap: true,
  clean: true,
  outDir: 'dist',
  external: [/^node:/],
});
