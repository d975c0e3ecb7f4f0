// Every story of the list and blocklist managers, rendered as Storybook would (loaders, decorators, render, play):
// each shows its state and passes axe.
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as blocklistStories from '../../stories/blocklist-manager.stories.js';
import * as listStories from '../../stories/list-manager.stories.js';
import { find } from './manager-helpers.js';

type Render = (args: Record<string, unknown>, context: { loaded: Record<string, unknown> }) => TemplateResult;
type Decorator = (story: () => TemplateResult) => TemplateResult;
type Loader = () => Promise<Record<string, unknown>>;

interface StoryModule {
  default: { args?: Record<string, unknown>; loaders?: readonly Loader[]; render: Render };
  [name: string]: unknown;
}

interface Story {
  name?: string;
  args?: Record<string, unknown>;
  loaders?: readonly Loader[];
  decorators?: readonly Decorator[];
  play?: (context: { canvasElement: HTMLElement }) => Promise<void>;
}

/** What each story shows once loaded; the others show rows. */
const EXPECTED: Record<string, string> = { Loading: '.status.loading', Empty: '.status.empty', ErrorWithRetry: '.status.error' };

/** Renders a story into the page and returns its element once it shows its state. */
async function renderStory(module: StoryModule, name: string, story: Story, tag: string): Promise<HTMLElement> {
  const meta = module.default;
  const loaders = story.loaders ?? meta.loaders ?? [];
  const loaded = Object.assign({}, ...(await Promise.all(loaders.map((loader) => loader()))));
  const args = { ...meta.args, ...story.args };
  let template = () => meta.render(args, { loaded });
  for (const decorator of story.decorators ?? []) {
    const inner = template;
    template = () => decorator(inner);
  }
  const canvas = await fixture<HTMLElement>(html`<div>${template()}</div>`);
  const el = canvas.querySelector<HTMLElement>(tag)!;
  await find(el, EXPECTED[name] ?? 'tbody tr[data-row]', `${name} to show its state`, 15000);
  await story.play?.({ canvasElement: canvas });
  return el;
}

function storiesOf(module: StoryModule): [string, Story][] {
  return Object.entries(module).filter(([name]) => name !== 'default') as [string, Story][];
}

for (const [module, tag] of [[blocklistStories, 'sms-blocklist-manager'], [listStories, 'sms-list-manager']] as const) {
  describe(`${tag} stories`, () => {
    for (const [name, story] of storiesOf(module as unknown as StoryModule)) {
      it(`${name} renders its state and is accessible`, async function () {
        this.timeout(30000);
        const el = await renderStory(module as unknown as StoryModule, name, story, tag);
        if (name === 'French') expect(el.closest('[lang="fr"]')).to.exist;
        if (name === 'Details') await find(el, '[part~="details"]', 'the details');
        await expect(el).to.be.accessible();
      });
    }
  });
}
