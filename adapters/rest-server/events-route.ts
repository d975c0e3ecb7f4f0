import * as z from 'zod';
import { SMS_EVENT_TYPES, type Principal } from '../../src/model/index.js';
import type { SmsBackend } from '../../src/ports/backend.js';
import { PROBLEM_TYPE, Problem, REST_BASE_PATH, REST_EVENTS_PATH, RestEvent } from '../../src/ports/rest-operations.js';
import { answer } from './context.js';
import type { EventStreams } from './events.js';
import type { HonoModules } from './load.js';
import { PROBLEM_RESPONSE } from './routes.js';

type App = InstanceType<HonoModules['OpenAPIHono']>;

interface EventsContext {
  req: { header(name: string): string | undefined; query(name: string): string | undefined };
  get(key: 'principal'): Principal;
}

const EventId = z.string().regex(/^\d{1,15}$/);

/**
 * Every live event's schema, named `SmsEvent` in the document (`meta` rather than the registry's `register`, which
 * only takes schemas made after hono extended zod).
 */
const SmsEventSchema = RestEvent.meta({ id: 'SmsEvent' });

const DESCRIPTION = [
  'A stream of Server-Sent Events (text/event-stream) of what the caller may see, open until the server ends it.',
  'Each event is a frame `id: <event id>`, `event: <type>`, `data: <the event as JSON>` (the SmsEvent schema; its `type`',
  `is one of ${SMS_EVENT_TYPES.join(', ')}). The stream opens with \`retry: <ms>\`; an idle stream gets a \`: heartbeat\``,
  'comment. To resume after a lost connection, send the last id received as `Last-Event-ID` (or `?after=` where a',
  'client cannot set headers): the events after it that are still kept are sent first.',
].join(' ');

/**
 * Serves the live event stream at `GET /v1/events` (the caller's events as Server-Sent Events, resumable with
 * `Last-Event-ID`) and describes it in the OpenAPI document: the frame, the resume header and query, every event's
 * schema (`SmsEvent`, from the model's schemas), and the 429 of too many streams. Register it before the table's
 * routes: its literal path must win over any parameter.
 */
export function addEventStream(app: App, streams: EventStreams, backend: () => SmsBackend): void {
  const path = `${REST_BASE_PATH}${REST_EVENTS_PATH}`;
  app.openAPIRegistry.registerPath({
    method: 'get',
    path,
    operationId: 'events',
    tags: ['events'],
    summary: 'Live events the caller may see, as Server-Sent Events; resume with Last-Event-ID.',
    description: DESCRIPTION,
    request: {
      headers: z.object({ 'Last-Event-ID': EventId.optional().describe('The id of the last event received: the stream resumes after it.') }),
      query: z.object({ after: EventId.optional().describe('As Last-Event-ID, for clients that cannot set headers (the header wins).') }),
    },
    responses: {
      200: {
        description: 'The event stream: one Server-Sent Event per live event, whose `data:` is the event as JSON.',
        content: { 'text/event-stream': { schema: SmsEventSchema } },
      },
      429: {
        description: 'The caller holds as many event streams as the server allows per user (`events.too_many_streams`).',
        headers: { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } } },
        content: { [PROBLEM_TYPE]: { schema: Problem } },
      },
      default: PROBLEM_RESPONSE,
    },
  });
  app.get(path, (c) => {
    const request = c as unknown as EventsContext;
    const resume = request.req.header('last-event-id') ?? request.req.query('after');
    const result = streams.respond(backend(), request.get('principal'), resume);
    return result instanceof Response ? result : answer(result);
  });
}
