import * as z from 'zod';
import { REST_BASE_PATH } from '../../src/ports/rest-operations.js';
import type { RestServerWebhooks } from './options.js';
import type { HonoModules } from './load.js';

type App = InstanceType<HonoModules['OpenAPIHono']>;

const KINDS = ['inbound', 'status'] as const;

/** The path of a carrier's webhook of one kind. */
export function webhookPath(name: string, kind: (typeof KINDS)[number]): string {
  return `${REST_BASE_PATH}/webhooks/${name}/${kind}`;
}

/**
 * Serves each carrier's webhooks at `POST /v1/webhooks/<name>/<kind>`, handing the provider's request to its handler
 * as it came (the handler verifies the provider's signature and parses the form). Mounted before authentication, so
 * that no bearer token is asked; listed in the OpenAPI document with no security.
 */
export function addWebhooks(app: App, webhooks: Readonly<Record<string, RestServerWebhooks>>): void {
  for (const [name, handlers] of Object.entries(webhooks)) {
    for (const kind of KINDS) {
      const handler = handlers[kind];
      if (!handler) continue;
      const path = webhookPath(name, kind);
      app.post(path, (c) => handler.call(handlers, c.req.raw));
      app.openAPIRegistry.registerPath({
        method: 'post',
        path,
        operationId: `webhooks.${name}.${kind}`,
        tags: ['webhooks'],
        summary: kind === 'inbound' ? `Inbound messages from ${name} (signed by the provider).` : `Delivery reports from ${name} (signed by the provider).`,
        security: [],
        request: { body: { required: true, content: { 'application/x-www-form-urlencoded': { schema: z.record(z.string(), z.string()) } } } },
        responses: { 200: { description: 'Taken.' }, default: { description: "The provider's own answer: 403 bad signature, 413, 415, 503 try again." } },
      });
    }
  }
}
