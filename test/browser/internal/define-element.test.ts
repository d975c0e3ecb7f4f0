import { expect } from '@open-wc/testing';
import { defineElement } from '../../../components/internal/define-element.js';

class FirstElement extends HTMLElement {}
class SecondElement extends HTMLElement {}
class ThirdElement extends HTMLElement {}

function capturingWarnings(run: () => void): unknown[][] {
  const warnings: unknown[][] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args);
  try {
    run();
  } finally {
    console.warn = original;
  }
  return warnings;
}

describe('defineElement', () => {
  it('defines a tag', () => {
    defineElement('test-define-first', FirstElement);
    expect(customElements.get('test-define-first')).to.equal(FirstElement);
  });

  it('is a silent no-op for the same class', () => {
    const warnings = capturingWarnings(() => {
      defineElement('test-define-first', FirstElement);
      defineElement('test-define-first', FirstElement);
    });
    expect(warnings).to.deep.equal([]);
    expect(customElements.get('test-define-first')).to.equal(FirstElement);
  });

  it('keeps the first class when another takes the tag, and warns once', () => {
    defineElement('test-define-taken', ThirdElement);
    const warnings = capturingWarnings(() => {
      defineElement('test-define-taken', SecondElement);
      defineElement('test-define-taken', SecondElement);
    });
    expect(customElements.get('test-define-taken')).to.equal(ThirdElement);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain('<test-define-taken> is already defined');
  });
});
