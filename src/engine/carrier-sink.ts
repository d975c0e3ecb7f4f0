import type * as z from 'zod';
import { InboundSms, StatusReport } from '../model/carrier.js';
import type { CarrierSink } from '../ports/carrier.js';
import type { Deployment } from './deployment.js';
import type { EngineCounters } from './stats.js';

/**
 * The sink the engine gives its carrier. Each inbound SMS and delivery report is parsed with its schema first (see
 * `src/model/carrier.ts`): what does not fit, such as a report whose provider id is missing or null, is dropped and
 * counted in `backend.stats()`, never thrown back at the carrier and never applied. The rest waits for recovery
 * (`ready`) and goes to the organisation it belongs to.
 */
export function createCarrierSink(deployment: Deployment): CarrierSink {
  const parsed = <S extends z.ZodType>(schema: S, dropped: keyof EngineCounters, handle: (input: z.output<S>) => Promise<unknown>) =>
    async (input: unknown): Promise<void> => {
      const result = schema.safeParse(input);
      if (!result.success) {
        deployment.core.counters[dropped] += 1;
        return;
      }
      await deployment.ready;
      await handle(result.data);
    };
  return {
    inbound: parsed(InboundSms, 'inboundDropped', (message) => deployment.receive(message)),
    status: parsed(StatusReport, 'reportsDropped', (report) => deployment.applyReport(report)),
  };
}
