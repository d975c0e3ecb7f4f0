// Renders the stories of a stories file in the test page as Storybook does (prepareStory in storybook's preview
// API): loaders by level (project, component, story; each level in parallel, results merged), args of the component
// then the story, the story's own `render` or the component's, decorators from the story outwards, then `play`.
// The project level is what .storybook/preview.ts adds: the `scheme` global and its decorator.
import { fixture, html } from '@open-wc/testing';
import { initialGlobals, schemeDecorator } from '../../../stories/decorators/scheme.js';

export type Args = Record<string, unknown>;
export type Globals = Record<string, unknown>;
export type Loaded = Record<string, unknown>;

/** What a render function and a decorator are given besides the args. */
export interface StoryContext {
  args: Args;
  globals: Globals;
  loaded: Loaded;
}

export type Loader = (context: { args: Args; globals: Globals }) => Promise<Loaded | void> | Loaded | void;
export type Decorator = (story: () => unknown, context: StoryContext) => unknown;
export type Render = (args: Args, context: StoryContext) => unknown;
export type Play = (context: { canvasElement: HTMLElement; args: Args }) => Promise<void> | void;

/** The annotations a stories file's default export (the component) and each of its stories may carry. */
export interface StoryAnnotations {
  name?: string;
  args?: Args;
  globals?: Globals;
  loaders?: readonly Loader[];
  decorators?: readonly Decorator[];
  render?: Render;
  play?: Play;
}

/** One story of a stories file: its export name, its annotations and the component's. */
export interface StoryEntry {
  exportName: string;
  story: StoryAnnotations;
  component: StoryAnnotations;
}

const project = { globals: initialGlobals as Globals, loaders: [] as readonly Loader[], decorators: [schemeDecorator] as readonly Decorator[] };

/** The stories of a stories module (every named export but the component's default). */
export function storiesOf(module: object): StoryEntry[] {
  const { default: component, ...stories } = module as Record<string, StoryAnnotations>;
  return Object.entries(stories)
    .filter(([, story]) => typeof story === 'object' && story !== null)
    .map(([exportName, story]) => ({ exportName, story, component: component! }));
}

async function load(levels: readonly (readonly Loader[] | undefined)[], context: { args: Args; globals: Globals }): Promise<Loaded> {
  const loaded: Loaded = {};
  for (const loaders of levels) Object.assign(loaded, ...(await Promise.all((loaders ?? []).map((loader) => loader(context)))));
  return loaded;
}

/**
 * Renders a story into a fresh canvas (a `<div>` fixture), runs its `play`, and returns the canvas. Wait for the
 * element's state after it: like Storybook, nothing here waits for the element's data.
 */
export async function renderStory({ story, component }: StoryEntry): Promise<HTMLElement> {
  const args: Args = { ...component.args, ...story.args };
  const globals: Globals = { ...project.globals, ...component.globals, ...story.globals };
  const loaded = await load([project.loaders, component.loaders, story.loaders], { args, globals });
  const context: StoryContext = { args, globals, loaded };
  const render = story.render ?? component.render;
  if (!render) throw new Error('The story has no render function.');
  const decorators = [...(story.decorators ?? []), ...(component.decorators ?? []), ...project.decorators];
  const storyFn = decorators.reduce<() => unknown>((inner, decorator) => () => decorator(inner, context), () => render(args, context));
  const canvas = await fixture<HTMLElement>(html`<div>${storyFn()}</div>`);
  await (story.play ?? component.play)?.({ canvasElement: canvas, args });
  return canvas;
}

