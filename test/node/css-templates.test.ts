import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCssPiece, minifyCssTemplatesIn } from '../../scripts/css-templates.mjs';

describe('minifyCssPiece (the CSS of css`` templates, at build time)', () => {
  it('drops comments and the white space no CSS needs', () => {
    const css = `
      /* The row. */
      .item > .title ,
      .item:hover {
        color : var(--x, red) ;
        margin: 0 calc(var(--_spacing) / 2);
      }
      @media (min-width: 40rem) and (hover: none) {
        .a .b { display: none }
      }
    `;
    assert.equal(
      minifyCssPiece(css, true, true),
      '.item > .title,.item:hover{color :var(--x,red);margin:0 calc(var(--_spacing) / 2)}@media (min-width:40rem) and (hover:none){.a .b{display:none}}',
    );
  });

  it('keeps strings, escapes and the space before a pseudo-class as written', () => {
    assert.equal(minifyCssPiece(`.a :focus { content: '  two  spaces  ' ; }`, true, true), `.a :focus{content:'  two  spaces  '}`);
    assert.equal(minifyCssPiece(`.a::before { content: "\\\\2014 " }`, true, true), `.a::before{content:"\\\\2014 "}`);
    assert.equal(minifyCssPiece(`.a/**/.b { x: y }`, true, true), '.a.b{x:y}');
  });

  it('keeps the white space next to a ${} it cannot see', () => {
    assert.equal(minifyCssPiece(' 1px solid ', false, false), ' 1px solid ');
    assert.equal(minifyCssPiece(' ', false, false), ' ');
    assert.equal(minifyCssPiece(' {\n  color: red;\n', false, false), '{color:red;');
  });

  it('gives up on a piece that a ${} cuts through a comment or a string', () => {
    assert.equal(minifyCssPiece('a { content: "open', true, false), null);
    assert.equal(minifyCssPiece('/* open', true, false), null);
  });
});

describe('minifyCssTemplatesIn', () => {
  it('minifies css`` templates only, around their expressions', () => {
    const source = [
      "import { css, html } from 'lit';",
      'const label = `  keep  this  `;',
      'const view = html`<p>  keep  </p>`;',
      'export const styles = css`',
      '  :host {',
      '    ${tokens}',
      '    color: ${unsafeCSS(color)} ;',
      '  }',
      '`;',
    ].join('\n');
    const result = minifyCssTemplatesIn(source, 'styles.ts');
    assert.ok(result.includes('const label = `  keep  this  `;'));
    assert.ok(result.includes('html`<p>  keep  </p>`'));
    assert.ok(result.includes("export const styles = css`:host{${tokens} color:${unsafeCSS(color)}}`;"), result);
  });

  it('leaves a template with a string cut by an expression untouched', () => {
    const source = 'const styles = css`a { content: "${x}" }`;';
    assert.equal(minifyCssTemplatesIn(source, 'styles.ts'), source);
  });
});
