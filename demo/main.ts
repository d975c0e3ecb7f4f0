// The demo page. The portal registers the elements' shipped translation of the language chosen (demo/translations.ts),
// as a host portal registers the languages it offers. Served by `npm start`, a new window first shows the sign-in
// (<demo-sign-in>), then <demo-portal> as the person chosen (kept for this window only, in sessionStorage); without a
// server, the portal on the embedded backend.
import { onServer } from './backend.js';
import type { Who } from './people.js';
import { DemoPortal } from './portal.js';
import { DemoSignIn, type DemoSignInEvent } from './sign-in.js';

// Registered here: package.json's sideEffects names only the elements' own registration modules.
if (!customElements.get('demo-portal')) customElements.define('demo-portal', DemoPortal);
if (!customElements.get('demo-sign-in')) customElements.define('demo-sign-in', DemoSignIn);

const SESSION = 'pbx-sms-demo-person';

interface Session {
  who: Who;
  organisationId: string;
}

function saved(): Session | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(SESSION) ?? 'null') as Partial<Session> | null;
    return typeof value?.who === 'string' && typeof value.organisationId === 'string' ? (value as Session) : null;
  } catch {
    return null;
  }
}

function show(session: Session | null): void {
  document.body.querySelector('demo-portal, demo-sign-in')?.remove();
  if (!session) {
    document.body.prepend(document.createElement('demo-sign-in'));
    return;
  }
  const portal = document.createElement('demo-portal');
  portal.who = session.who;
  portal.organisationId = session.organisationId;
  portal.addEventListener('demo-person-change', (event) => sessionStorage.setItem(SESSION, JSON.stringify((event as CustomEvent<Session>).detail)));
  portal.addEventListener('demo-sign-out', () => {
    sessionStorage.removeItem(SESSION);
    show(null);
  });
  document.body.prepend(portal);
}

if (onServer()) {
  document.body.addEventListener('demo-sign-in', (event) => {
    const { person } = event as DemoSignInEvent;
    const session = { who: (person.key ?? 'alice') as Who, organisationId: person.organisationId ?? 'default' };
    sessionStorage.setItem(SESSION, JSON.stringify(session));
    show(session);
  });
  show(saved());
} else {
  show({ who: 'alice', organisationId: 'default' });
}
