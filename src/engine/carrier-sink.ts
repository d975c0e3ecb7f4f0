import type * as z from 'zod';
import { InboundSms, StatusReport } from '../model/carrier.js';
import type { CarrierSink } from '../ports/carrier.js';
import type { EngineContext } from './context.js';
import type { EngineCounters } from './stats.js';
import { receiveSms } from './inbound.js';

/**
 * The sink the engine gives its carrier. Each inbound SMS and delivery report is parsed with its schema first (see
 * `src/model/carrier.ts`): what does not fit, such as a report whose provider id is missing or null, is dropped and
 * counted in `backend.stats()`, never thrown back at the carrier and never applied. The rest waits for recovery
 * (`ready`) and is handled as usual.
 */
export function createCarrierSink(ctx: EngineContext, ready: Promise<void>): CarrierSink {
  const parsed = <S extends z.ZodType>(schema: S, dropped: keyof EngineCounters, handle: (input: z.output<S>) => Promise<unknown>) =>
    async (input: unknown): Promise<void> => {
      const result = schema.safeParse(input);
      if (!result.success) {
        ctx.counters[dropped] += 1;
        return;
      }
      await ready;
      await handle(result.data);
    };
  return {
    inbound: parsed(InboundSms, 'inboundDropped', (message) => receiveSms(ctx, message)),
    status: parsed(StatusReport, 'reportsDropped', (report) => ctx.applyReport(report)),
  };
}
