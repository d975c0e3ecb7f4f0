// The states stories show (loading, empty, error with retry, dark, French) as checks on the rendered element, and
// the test loop that renders every story of a stories file, waits for its state and runs axe.
import { expect } from '@open-wc/testing';
import { $, find, text } from '../manager-helpers.js';
import { renderStory, storiesOf } from './render-story.js';

/** Resolves once `el` (the story's element, in `canvas`) shows the state its story is named for; fails otherwise. */
export type StateCheck = (el: HTMLElement, canvas: HTMLElement) => Promise<void>;

export const showsLoading: StateCheck = async (el) => {
  const status = await find(el, '.status.loading', 'the loading status');
  expect(status.getAttribute('role')).to.equal('status');
  expect(status.getAttribute('aria-busy')).to.equal('true');
};

/** What `selector` matches in the element's shadow root, once there, saying `words`. */
export function showsText(selector: string, words: string): StateCheck {
  return async (el) => {
    const found = await find(el, selector, `${selector} saying “${words}”`, 15000);
    expect(text(found)).to.contain(words);
  };
}

/** The empty block, saying `words`. */
export function showsEmpty(words: string): StateCheck {
  return showsText('.status.empty', words);
}

/** The error block of an unreachable backend: an alert with "Try again". */
export const showsError: StateCheck = async (el) => {
  const error = await find(el, '.status.error', 'the error', 15000);
  expect(error.getAttribute('role')).to.equal('alert');
  expect(text(error)).to.contain('cannot be reached');
  expect(error.querySelector('[part~="retry-button"]'), 'the retry button').to.exist;
};

/**
 * The error, then the story's own "Bring the service back" button and "Try again": the element shows `ready`
 * (checked with axe in the error state first).
 */
export function recovers(ready: StateCheck): StateCheck {
  return async (el, canvas) => {
    await showsError(el, canvas);
    await expect(el).to.be.accessible();
    canvas.querySelector<HTMLButtonElement>('p > button')!.click();
    $(el, '[part~="retry-button"]')!.click();
    await ready(el, canvas);
  };
}

/** `ready`, in the dark scheme. */
export function inDark(ready: StateCheck): StateCheck {
  return async (el, canvas) => {
    await ready(el, canvas);
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
  };
}

/** `ready`, inside `lang="fr"`, with `probe` (what the element shows) reading `french`. */
export function inFrench(ready: StateCheck, probe: (el: HTMLElement) => string | null | undefined, french: string): StateCheck {
  return async (el, canvas) => {
    await ready(el, canvas);
    expect(el.closest('[lang="fr"]'), 'a lang="fr" ancestor').to.exist;
    expect(probe(el)).to.contain(french);
  };
}

/** The placeholder of the element's search field, for `inFrench`. */
export const searchPlaceholder = (el: HTMLElement): string | undefined => $<HTMLInputElement>(el, 'input[type="search"]')?.placeholder;

/**
 * A test per story of a stories module: render it as Storybook would, wait for the state its `states` entry checks,
 * and run axe. A story without an entry fails, so that a new story gets its check.
 */
export function describeStories(module: object, tag: string, states: Record<string, StateCheck>): void {
  describe(`${tag} stories`, () => {
    for (const entry of storiesOf(module)) {
      it(`${entry.exportName} shows its state and is accessible`, async function () {
        this.timeout(30000);
        const check = states[entry.exportName];
        if (!check) throw new Error(`No state check for the story ${entry.exportName}.`);
        const canvas = await renderStory(entry);
        const el = canvas.querySelector<HTMLElement>(tag)!;
        await check(el, canvas);
        await expect(el).to.be.accessible();
      });
    }
  });
}
