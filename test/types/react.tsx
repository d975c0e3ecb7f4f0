// pbx-sms/react in a React 19 portal, as the built package exports it.
import { createRef } from 'react';
import type { SmsClient } from 'pbx-sms';
import { SmsComposer, SmsConversation, SmsInbox, SmsProvider, type SmsInboxElement } from 'pbx-sms/react';

declare const client: SmsClient;
declare function show(conversationId: string): void;

const inbox = createRef<SmsInboxElement>();

export const page = (
  <SmsProvider client={client}>
    <SmsInbox
      ref={inbox}
      layout="split"
      defaultCountry="AU"
      pageSize={25}
      onSmsConversationSelect={(event) => show(event.detail.conversation.id)}
      onSmsConversationOpen={(event) => show(event.detail.conversation.id)}
    />
    <SmsConversation conversationId="c1" noSound onSmsCall={(event) => console.log(event.detail.e164)} />
    <SmsComposer client={client} to="+61412345678" onSmsSend={(event) => console.log(event.detail)} />
  </SmsProvider>
);

export const refReachesTheElement = (): string | undefined => inbox.current?.selectedId;

// Misuse is refused, so that this file fails when the types stop saying anything:
// @ts-expect-error layout is 'list' or 'split'
export const wrongLayout = <SmsInbox layout="grid" />;
// @ts-expect-error the select event's detail has a conversation, not a number
export const wrongDetail = <SmsInbox onSmsConversationSelect={(event) => show(event.detail.e164)} />;
// @ts-expect-error client is an SmsClient
export const wrongClient = <SmsInbox client="alice" />;
