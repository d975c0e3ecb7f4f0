import { html, render } from 'lit';
import { registerTranslation } from '../../components/index.js';
import '../../components/blocklist-manager/sms-blocklist-manager.js';
import '../../components/list-manager/sms-list-manager.js';
import { translationFrLists } from '../../test/fixtures/translation-fr-lists.js';
import { demoClient } from '../backend.js';
import type { DemoSection } from './section.js';

type Who = 'admin' | 'alice' | 'chloe';

const PEOPLE: ReadonlyArray<[Who, string]> = [
  ['admin', 'Administrator (every list; changes the blocklist)'],
  ['alice', 'Alice Nguyen (sales lists; blocklist read-only)'],
  ['chloe', 'Chloe Martin (support lists; blocklist read-only)'],
];

registerTranslation(translationFrLists);

/**
 * The guard rails of bulk sending: the predefined recipient lists and the blocklist, as an administrator manages
 * them (a user sees their department's lists and the blocklist read-only).
 */
export const listsSection: DemoSection = {
  id: 'lists',
  title: 'Lists & blocklist',
  mount(panel) {
    let who: Who = 'admin';
    const draw = async () => {
      const client = await demoClient(who);
      render(
        html`
          <label style="display: block; margin-bottom: 1rem">
            Signed in as
            <select
              @change=${(event: Event) => {
                who = (event.target as HTMLSelectElement).value as Who;
                void draw();
              }}
            >
              ${PEOPLE.map(([key, label]) => html`<option value=${key} ?selected=${key === who}>${label}</option>`)}
            </select>
          </label>
          <div style="display: grid; gap: 1.5rem">
            <div class="card">
              <sms-list-manager .client=${client} default-country="AU"></sms-list-manager>
            </div>
            <div class="card">
              <sms-blocklist-manager .client=${client} default-country="AU"></sms-blocklist-manager>
            </div>
          </div>
        `,
        panel,
      );
    };
    return draw();
  },
};
