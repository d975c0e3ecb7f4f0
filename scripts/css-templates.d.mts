import type { Plugin } from 'esbuild';

/** The minified raw text of one piece of a css`` template, or null when it cannot be minified alone. */
export function minifyCssPiece(raw: string, first: boolean, last: boolean): string | null;
/** The source with every css`` template minified; unchanged when it has none. */
export function minifyCssTemplatesIn(source: string, fileName: string): string;
/** The esbuild plugin: minifies the css`` templates of the package's own TypeScript sources as they load. */
export const minifyCssTemplates: Plugin;
