import { InboundSms, StatusReport } from '../model/carrier.js';
import type { CarrierSink } from '../ports/carrier.js';
import type { EngineContext } from './context.js';
import { receiveSms } from './inbound.js';

/**
 * The sink the engine gives its carrier. Each inbound SMS and delivery report is parsed with its schema first (see
 * `src/model/carrier.ts`): what does not fit, such as a report whose provider id is missing or null, is dropped and
 * counted in `backend.stats()`, never thrown back at the carrier and never applied. The rest waits for recovery
 * (`ready`) and is handled as usual.
 */
export function createCarrierSink(ctx: EngineContext, ready: Promise<void>): CarrierSink {
  return {
    async inbound(input) {
      const parsed = InboundSms.safeParse(input);
      if (!parsed.success) {
        ctx.counters.inboundDropped += 1;
        return;
      }
      await ready;
      await receiveSms(ctx, parsed.data);
    },
    async status(input) {
      const parsed = StatusReport.safeParse(input);
      if (!parsed.success) {
        ctx.counters.reportsDropped += 1;
        return;
      }
      await ready;
      await ctx.applyReport(parsed.data);
    },
  };
}
