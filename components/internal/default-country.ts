import type { ReactiveControllerHost } from 'lit';
import type { SmsClient } from '../../src/client.js';
import type { Settings } from '../../src/model/settings.js';

export interface DefaultCountryOptions {
  /** The element's client now: a settings answer for an older client is dropped. */
  client: () => SmsClient | undefined;
  /** The element's `default-country` attribute, which wins over the backend's setting. */
  attribute: () => string | undefined;
}

/**
 * The country numbers typed or imported without a country code are read in: the element's `default-country`, else
 * the backend's setting, read with `load(client)` when the element gets a client.
 *
 * @example
 * private readonly defaults = new DefaultCountryController(this, { client: () => this.smsClient, attribute: () => this.defaultCountry });
 * willUpdate() { if (clientChanged && client) void this.defaults.load(client); }
 * checkPhone(typed, this.defaults.country);
 */
export class DefaultCountryController {
  /** The backend's default country: undefined until it is read, or when reading it failed. */
  fromSettings: string | undefined;
  /** The backend's settings as read by `load` (undefined until then, or when reading them failed). */
  settings: Settings | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DefaultCountryOptions,
  ) {}

  /** The country in effect (ISO 3166-1 alpha-2): the attribute, else the backend's. */
  get country(): string | undefined {
    return this.options.attribute() || this.fromSettings;
  }

  /** "Try again": reads the settings again if they could not be read. */
  retry(client: SmsClient): void {
    if (this.settings === undefined) void this.load(client);
  }

  /** Reads the backend's setting; when it cannot be read, numbers need a country code unless the attribute is set. */
  async load(client: SmsClient): Promise<void> {
    try {
      const settings = await client.settings.get();
      if (client !== this.options.client()) return;
      this.settings = settings;
      this.fromSettings = settings.defaultCountry;
      this.host.requestUpdate();
    } catch {
      // Without the setting, the attribute alone (or a country code in the number) says the country.
    }
  }
}
