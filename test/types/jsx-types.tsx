// pbx-sms/types/jsx: the elements' tags typed for JSX frameworks. Preact is not installed here, so the tags are
// checked in React 19's JSX, which takes them the same way (a custom element's `on<event>` prop is a listener).
// pbx-sms/types/solid is built on solid-js's own JSX types and is not checked here (solid-js is not installed).
import type { SmsClient } from 'pbx-sms';
import type { CustomElements } from 'pbx-sms/types/jsx';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}

declare const client: SmsClient;
declare function show(conversationId: string): void;

export const tags = (
  <sms-provider client={client}>
    <sms-inbox layout="split" default-country="AU" onsms-conversation-select={(event) => show(event.detail.conversation.id)} />
    <sms-conversation conversation-id="c1" no-sound scheme="dark" onsms-call={(event) => show(event.detail.e164)} />
  </sms-provider>
);

// @ts-expect-error layout is 'list' or 'split'
export const wrongLayout = <sms-inbox layout="grid" />;
// @ts-expect-error scheme is 'light' or 'dark'
export const wrongScheme = <sms-inbox scheme="blue" />;
// @ts-expect-error the select event's detail has a conversation, not a number
export const wrongDetail = <sms-inbox onsms-conversation-select={(event) => show(event.detail.e164)} />;
