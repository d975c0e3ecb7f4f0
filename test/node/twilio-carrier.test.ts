import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCarrierContract } from '../contract/carrier.contract.js';
import { startTwilioWorld } from '../fixtures/twilio-harness.js';

runCarrierContract({
  name: 'Twilio carrier against the fake API, webhooks through a forwarder',
  async create() {
    const world = await startTwilioWorld();
    return { carrier: world.carrier, settle: () => world.settle(), close: () => world.close() };
  },
});
