import { type SmsClient, createSmsClient } from '../../../src/client.js';
import type { Principal, SettingsUpdate, SmsNumber } from '../../../src/model/index.js';
import type { SmsBackend } from '../../../src/ports/backend.js';

export type UserKey = 'alice' | 'bob' | 'carol' | 'dave' | 'erin';
type NumberKey = 'alice' | 'group' | 'dave1' | 'dave2';

/** What sets one organisation of the world apart from its twin; everything else (user ids, names...) is the same. */
export interface OrganisationSpec {
  id: string;
  name: string;
  settings: SettingsUpdate;
  /** Its SMS numbers, in E.164: a number belongs to one organisation. */
  numbers: Record<NumberKey, string>;
  /** The alpha tags its Sales department sends as. */
  alphaTags: string[];
  /** The domain of its users' e-mail addresses (e-mail to SMS finds the organisation by the writer's address). */
  emailDomain: string;
}

/**
 * One organisation of the world, made by the world's operator: Sales and Support; alice (ext 201, own number), bob
 * (ext 202) and carol (ext 203, Support) sharing the group number, dave with two extensions and two numbers, erin
 * (ext 206) with no number, and ext 207 spare. Its principals name it (`organisationId`).
 */
export interface WorldOrganisation {
  /** The organisation's id, which its principals carry. */
  id: string;
  admin: SmsClient;
  alice: SmsClient;
  bob: SmsClient;
  carol: SmsClient;
  dave: SmsClient;
  erin: SmsClient;
  principals: Record<UserKey | 'admin', Principal>;
  dep: { sales: string; support: string };
  ext: { alice: string; bob: string; carol: string; dave1: string; dave2: string; erin: string; spare: string };
  num: Record<NumberKey, SmsNumber>;
  /** Clients for the same principals on another backend (after a crash). */
  clientsOn(backend: SmsBackend): Record<UserKey | 'admin', SmsClient>;
}

const USERS: [UserKey, name: string, department: 'sales' | 'support', extensions: (keyof WorldOrganisation['ext'])[]][] = [
  ['alice', 'Alice Adams', 'sales', ['alice']],
  ['bob', 'Bob Brown', 'sales', ['bob']],
  ['carol', 'Carol Chen', 'support', ['carol']],
  ['dave', 'Dave Diaz', 'support', ['dave1', 'dave2']],
  ['erin', 'Erin Evans', 'support', ['erin']],
];

/**
 * Creates the organisation as the operator, then its directory and numbers as its first administrator (stored on first
 * sight, as an organisation's first administrator is), through `seed`; its clients are on `backend`.
 */
export async function buildOrganisation(seed: SmsBackend, backend: SmsBackend, operator: SmsClient, spec: OrganisationSpec): Promise<WorldOrganisation> {
  await operator.organisations.create({ id: spec.id, name: spec.name });
  const organisationId = spec.id;
  const principals = { admin: { userId: 'admin', role: 'admin', organisationId } } as WorldOrganisation['principals'];
  const admin = createSmsClient({ backend: seed, principal: principals.admin });
  await admin.settings.update(spec.settings);
  const sales = await admin.directory.createDepartment({ name: 'Sales', costCode: 'S-100', alphaTags: spec.alphaTags });
  const support = await admin.directory.createDepartment({ name: 'Support', costCode: 'S-200' });
  const dep = { sales: sales.id, support: support.id };
  const extension = async (number: string, name: string, departmentId: string) => (await admin.directory.createExtension({ number, name, departmentId })).id;
  const ext = {
    alice: await extension('201', 'Alice desk', dep.sales),
    bob: await extension('202', 'Bob desk', dep.sales),
    carol: await extension('203', 'Carol desk', dep.support),
    dave1: await extension('204', 'Dave desk', dep.support),
    dave2: await extension('205', 'Dave mobile', dep.support),
    erin: await extension('206', 'Erin desk', dep.support),
    spare: await extension('207', 'Spare', dep.sales),
  };
  for (const [key, name, department, extensions] of USERS) {
    const extensionIds = extensions.map((held) => ext[held]);
    const departmentId = dep[department];
    await admin.directory.createUser({ id: key, name, email: `${key}@${spec.emailDomain}`, role: 'user', departmentId, extensionIds });
    principals[key] = { userId: key, role: 'user', extensionId: extensionIds[0]!, departmentId, organisationId };
  }
  const num = {
    alice: await admin.numbers.create({ e164: spec.numbers.alice, label: 'Alice', extensionIds: [ext.alice] }),
    group: await admin.numbers.create({ e164: spec.numbers.group, label: 'Front desk', extensionIds: [ext.bob, ext.carol] }),
    dave1: await admin.numbers.create({ e164: spec.numbers.dave1, label: 'Dave desk', extensionIds: [ext.dave1] }),
    dave2: await admin.numbers.create({ e164: spec.numbers.dave2, label: 'Dave mobile', extensionIds: [ext.dave2] }),
  };
  const clientsOn = (on: SmsBackend) => {
    const entries = Object.entries(principals).map(([key, principal]) => [key, createSmsClient({ backend: on, principal })]);
    return Object.fromEntries(entries) as Record<UserKey | 'admin', SmsClient>;
  };
  return { id: organisationId, ...clientsOn(backend), principals, dep, ext, num, clientsOn };
}
