import type { TemplateResult } from 'lit';
import type { SmsClient } from '../../src/index.js';
import type { Who } from '../people.js';
import type { DemoTerm } from '../terms.js';

/** What a section renders with: the signed-in person's client, the page's texts and scheme. */
export interface SectionContext {
  client: SmsClient;
  who: Who;
  /** The organisation the portal shows. */
  organisationId: string;
  /** The demo's text for a key, in the page's language. */
  t(key: DemoTerm): string;
  /** The scheme forced on the elements, or undefined to follow the system. */
  scheme: 'light' | 'dark' | undefined;
  /** Renders the page again (after a section's own state changed). */
  redraw(): void;
}

/** One page of the demo portal. Add a file per page under demo/sections and list it in demo/portal.ts. */
export interface DemoSection {
  /** The URL hash that opens the page: `#inbox`. */
  id: string;
  /** The page's name in the navigation. */
  title: DemoTerm;
  /** The page's content; called again whenever the page, the person, the language or the scheme changes. */
  render(context: SectionContext): TemplateResult;
}
