// Minifies the CSS inside Lit's css`` tagged templates at build time, with safe rules only: comments go, runs of
// white space shrink to one space, the white space next to `{ } ; , ( )` and after `:` goes, and so does a `;`
// before `}`. Quoted strings and escapes are kept as written. A template with a piece that cannot be read alone (a
// comment or a string cut by a `${}`) is left untouched. Templates are found with TypeScript's parser, so only real
// css`` tags count. Shared by tsup.config.ts (what dist/ ships) and scripts/size.mjs (what the budgets measure).
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

/** White space before these characters goes. */
const BEFORE = new Set(['{', '}', ';', ',', ')']);
/** White space after these characters goes. */
const AFTER = new Set(['{', '}', ';', ',', '(', ':']);

/**
 * The minified raw text of one piece of a css`` template (between the backtick and `${`, or between two `${}`), or
 * null when the piece cannot be minified alone. `first` and `last` say whether the piece starts or ends the template:
 * elsewhere a `${}` stands next to it, and the white space beside it is kept.
 */
export function minifyCssPiece(raw, first, last) {
  let out = '';
  let space = false;
  for (let index = 0; index < raw.length; ) {
    const char = raw[index];
    if (/\s/.test(char)) {
      space = true;
      index += 1;
      continue;
    }
    if (raw.startsWith('/*', index)) {
      const end = raw.indexOf('*/', index + 2);
      if (end < 0) return null;
      index = end + 2;
      continue;
    }
    const previous = out.at(-1);
    if (space && !(previous === undefined ? first : AFTER.has(previous)) && !BEFORE.has(char)) out += ' ';
    space = false;
    let end = index + 1;
    if (char === '"' || char === "'") {
      while (end < raw.length && raw[end] !== char) end += raw[end] === '\\' ? 2 : 1;
      if (end >= raw.length) return null;
      end += 1;
    } else if (char === '\\') {
      end += 1;
    } else if (char === '}' && previous === ';') {
      out = out.slice(0, -1);
    }
    out += raw.slice(index, end);
    index = end;
  }
  const previous = out.at(-1);
  if (space && !last && !(previous === undefined ? first : AFTER.has(previous))) out += ' ';
  return out;
}

/** The source with every css`` template minified; unchanged when it has none. */
export function minifyCssTemplatesIn(source, fileName) {
  if (!source.includes('css`')) return source;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'css') {
      const template = node.template;
      const literals = ts.isNoSubstitutionTemplateLiteral(template) ? [template] : [template.head, ...template.templateSpans.map((span) => span.literal)];
      const pieces = literals.map((literal, index) => {
        const start = literal.getStart(file) + 1;
        const end = literal.end - (index === literals.length - 1 ? 1 : 2);
        const text = minifyCssPiece(source.slice(start, end), index === 0, index === literals.length - 1);
        return text === null ? null : { start, end, text };
      });
      if (pieces.every((piece) => piece !== null)) edits.push(...pieces);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let result = source;
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, start) + text + result.slice(end);
  return result;
}

/** The esbuild plugin: minifies the css`` templates of the package's own TypeScript sources as they load. */
export const minifyCssTemplates = {
  name: 'minify-css-templates',
  setup(build) {
    build.onLoad({ filter: /[\\/]components[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('css`')) return undefined;
      return { contents: minifyCssTemplatesIn(source, args.path), loader: 'ts' };
    });
  },
};
