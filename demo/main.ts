// The demo page: <demo-portal> (demo/portal.ts) on the embedded default backend (demo/backend.ts), with the French
// translations of the elements registered, as a host portal registers the languages it offers.
import { registerTranslation } from '../components/index.js';
import { translationFr } from '../test/fixtures/translation-fr.js';
import { translationFrCampaigns } from '../test/fixtures/translation-fr-campaigns.js';
import { translationFrLists } from '../test/fixtures/translation-fr-lists.js';
import { DemoPortal } from './portal.js';

for (const translation of [translationFr, translationFrCampaigns, translationFrLists]) registerTranslation(translation);
// Registered here: package.json's sideEffects names only the elements' own registration modules.
if (!customElements.get('demo-portal')) customElements.define('demo-portal', DemoPortal);
