/** One tab of the demo page. Add a file per element family under demo/sections and list it in demo/main.ts. */
export interface DemoSection {
  /** The URL hash that opens the tab: `#composer`. */
  id: string;
  /** The tab's label. */
  title: string;
  /** Renders the section into its panel, once, the first time the tab is opened. */
  mount(panel: HTMLElement): void | Promise<void>;
}
