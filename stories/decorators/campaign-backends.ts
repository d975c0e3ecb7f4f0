import { SmsError, type SmsBackend } from '../../src/index.js';

type CampaignsApi = SmsBackend['campaigns'];

/**
 * A copy of a backend with some campaign methods replaced (events and close still work): a failure at one place,
 * a spy on one call.
 *
 * @example
 * const backend = overrideCampaigns(demo.backend, { stop: () => Promise.reject(new StateError(...)) });
 */
export function overrideCampaigns(base: SmsBackend, overrides: Partial<CampaignsApi>): SmsBackend {
  return { ...base, subscribe: base.subscribe.bind(base), close: base.close.bind(base), campaigns: { ...base.campaigns, ...overrides } };
}

/**
 * A copy of a backend whose campaign writes (`create`, `update`, `createUpload`, `uploadFile` by default) fail as an unreachable
 * service would, until `recover()`; everything else works, so that an editor loads and only its save fails (the
 * "nothing typed is lost" state). `calls` lists the writes tried.
 *
 * @example
 * const backend = failingCampaignWrites(demo.backend);
 * // ...the save fails...
 * backend.recover();
 */
export function failingCampaignWrites(
  base: SmsBackend,
  methods: readonly (keyof CampaignsApi)[] = ['create', 'update', 'createUpload', 'uploadFile'],
): SmsBackend & { recover(): void; calls: string[] } {
  let failing = true;
  const calls: string[] = [];
  const overrides: Record<string, unknown> = {};
  for (const name of methods) {
    const method = base.campaigns[name] as (...args: unknown[]) => Promise<unknown>;
    overrides[name] = (...args: unknown[]) => {
      calls.push(name);
      if (failing) return Promise.reject(new SmsError('backend.unavailable', 'The SMS service cannot be reached. Check the connection and try again.'));
      return method.apply(base.campaigns, args);
    };
  }
  return Object.assign(overrideCampaigns(base, overrides), { recover: () => (failing = false), calls });
}
