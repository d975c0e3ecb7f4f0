// The demo page: one tab per element family. To add one, write demo/sections/NAME.ts (a DemoSection) and list it
// in SECTIONS below; the tab bar, the URL hash (#NAME) and keyboard navigation come for free.
import { registerTranslation } from '../components/index.js';
import { translationFr } from '../test/fixtures/translation-fr.js';
import { composerSection } from './sections/composer.js';
import { conversationSection } from './sections/conversation.js';
import { inboxSection } from './sections/inbox.js';
import { campaignsSection } from './sections/campaigns.js';
import { listsSection } from './sections/lists.js';
import type { DemoSection } from './sections/section.js';

const SECTIONS: DemoSection[] = [composerSection, inboxSection, conversationSection, campaignsSection, listsSection];

registerTranslation(translationFr);

/** The colour scheme chosen in the header, applied to the page and to every `<sms-*>` element in `root`. */
let scheme = 'auto';

function applyScheme(root: ParentNode): void {
  document.documentElement.dataset.scheme = scheme;
  for (const element of root.querySelectorAll('*')) {
    if (!element.localName.startsWith('sms-')) continue;
    if (scheme === 'auto') element.removeAttribute('scheme');
    else element.setAttribute('scheme', scheme);
  }
}

function setUpSettings(): void {
  const language = document.querySelector<HTMLSelectElement>('#language')!;
  language.value = document.documentElement.lang || 'en';
  language.addEventListener('change', () => {
    document.documentElement.lang = language.value;
  });
  const schemeSelect = document.querySelector<HTMLSelectElement>('#scheme')!;
  schemeSelect.addEventListener('change', () => {
    scheme = schemeSelect.value;
    applyScheme(document);
  });
}

function setUpTabs(sections: readonly DemoSection[]): void {
  const tabList = document.querySelector<HTMLElement>('[role="tablist"]')!;
  const main = document.querySelector<HTMLElement>('main')!;
  const mounted = new Set<string>();
  const tabs = sections.map((section) => {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.role = 'tab';
    tab.id = `tab-${section.id}`;
    tab.textContent = section.title;
    tab.setAttribute('aria-controls', `panel-${section.id}`);
    const panel = document.createElement('section');
    panel.role = 'tabpanel';
    panel.id = `panel-${section.id}`;
    panel.setAttribute('aria-labelledby', tab.id);
    panel.hidden = true;
    tabList.append(tab);
    main.append(panel);
    return { section, tab, panel };
  });

  const select = async (id: string, focus = false) => {
    const chosen = tabs.find((entry) => entry.section.id === id) ?? tabs[0]!;
    for (const { section, tab, panel } of tabs) {
      const selected = section === chosen.section;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      panel.hidden = !selected;
    }
    if (focus) chosen.tab.focus();
    if (!mounted.has(chosen.section.id)) {
      mounted.add(chosen.section.id);
      await chosen.section.mount(chosen.panel);
      applyScheme(chosen.panel);
    }
  };

  tabList.addEventListener('click', (event) => {
    const tab = (event.target as HTMLElement).closest<HTMLElement>('[role="tab"]');
    if (tab) location.hash = tab.id.slice('tab-'.length);
  });
  tabList.addEventListener('keydown', (event) => {
    const index = tabs.findIndex(({ tab }) => tab === document.activeElement);
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: tabs.length - 1 - index }[event.key];
    if (index < 0 || step === undefined) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length]!;
    history.replaceState(null, '', `#${next.section.id}`);
    void select(next.section.id, true);
  });
  window.addEventListener('hashchange', () => void select(location.hash.slice(1)));
  void select(location.hash.slice(1));
}

setUpSettings();
setUpTabs(SECTIONS);
