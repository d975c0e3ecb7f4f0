import type { ReactiveControllerHost } from 'lit';
import type { SmsClient } from '../../src/client.js';
import { isNotFoundError } from '../../src/errors/not-found-error.js';

/** Names looked up, per client: an id's name, or null when the directory has none (an administrator, someone gone). */
const looked = new WeakMap<SmsClient, Map<string, Promise<string | null>>>();
/** The most ids one client remembers; past it, it starts again. */
const MAX_REMEMBERED = 500;

/**
 * The names of the colleagues who sent messages on a group number (`directory.get`), for an element that shows who
 * wrote what. Each id is looked up once per client, whichever element asks (the inbox and a conversation share
 * them); `name(id)` answers at once from what is known, starts a lookup for an id it has not seen, and updates the
 * host when the name arrives. An id the directory does not know, or a lookup that fails, stays without a name.
 *
 * @example
 * private readonly colleagues = new ColleagueNamesController(this, () => this.smsClient);
 * render() { return html`${this.colleagues.name(message.senderId) ?? ''}`; }
 */
export class ColleagueNamesController {
  private readonly known = new Map<string, string | null>();
  private client: SmsClient | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly clientOf: () => SmsClient | undefined,
  ) {}

  /** The name of the user `id`, if known; undefined while it is looked up, or when it cannot be. */
  name(id: string): string | undefined {
    const client = this.clientOf();
    if (!client) return undefined;
    if (client !== this.client) {
      this.client = client;
      this.known.clear();
    }
    if (this.known.has(id)) return this.known.get(id) ?? undefined;
    this.known.set(id, null);
    void lookUp(client, id).then((name) => {
      if (client !== this.client || name === null) return;
      this.known.set(id, name);
      this.host.requestUpdate();
    });
    return undefined;
  }
}

function lookUp(client: SmsClient, id: string): Promise<string | null> {
  let names = looked.get(client);
  if (!names || names.size >= MAX_REMEMBERED) looked.set(client, (names = new Map()));
  let name = names.get(id);
  if (!name) {
    // A lookup that fails (the service out of reach) is forgotten, for an element that asks later; a 404 is kept.
    name = client.directory.get(id).then(
      (person) => person.name,
      (error: unknown) => {
        if (!isNotFoundError(error)) names.delete(id);
        return null;
      },
    );
    names.set(id, name);
  }
  return name;
}
