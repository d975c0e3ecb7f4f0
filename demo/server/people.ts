import { type Principal, type SmsBackend, createSmsClient } from '../../src/index.js';
import { DEMO_USERS } from '../../src/seed/demo-data.js';

/** Someone the demo's sign-in page offers, with the principal a token for them names. */
export interface SignInPerson {
  /** The demo portal's name for them (`alice`, `admin`, `operator`...), or null for someone added since. */
  key: string | null;
  name: string;
  /** What they do: "Sales · ext 201", "Administrator", "Hosting vendor". */
  detail: string;
  organisationId: string | null;
  organisationName: string | null;
  principal: Principal;
}

/** The demo's administrator in every organisation it seeds, who reads each directory for the sign-in page. */
const DEMO_ADMIN_ID = 'demo-admin';

/**
 * Everyone the sign-in page lists, read from the directory (not from a list of our own): the people of every active
 * organisation, then the hosting vendor's operator.
 */
export async function signInPeople(backend: SmsBackend, operator: Principal): Promise<SignInPerson[]> {
  const operatorClient = createSmsClient({ backend, principal: operator });
  const organisations = (await operatorClient.organisations.list({ limit: 100 })).items.filter((organisation) => organisation.status === 'active');
  const people: SignInPerson[] = [];
  for (const organisation of organisations) {
    const admin = createSmsClient({ backend, principal: { organisationId: organisation.id, userId: DEMO_ADMIN_ID, role: 'admin' } });
    const [users, extensions, departments] = await Promise.all([
      admin.directory.users({ limit: 100 }),
      admin.directory.extensions({ limit: 500 }),
      admin.directory.departments({ limit: 100 }),
    ]);
    const extensionNumber = new Map(extensions.items.map((extension) => [extension.id, extension.number]));
    const departmentName = new Map(departments.items.map((department) => [department.id, department.name]));
    for (const user of users.items) {
      const extensionId = user.extensionIds[0];
      const principal: Principal = {
        organisationId: organisation.id, userId: user.id, role: user.role,
        ...(extensionId && { extensionId }), ...(user.departmentId && { departmentId: user.departmentId }),
      };
      const detail = user.role === 'admin'
        ? 'Administrator'
        : [user.departmentId && departmentName.get(user.departmentId), extensionId && `ext ${extensionNumber.get(extensionId) ?? extensionId}`].filter(Boolean).join(' · ');
      const key = user.role === 'admin' ? 'admin' : (DEMO_USERS.find((demo) => demo.name === user.name)?.key ?? null);
      people.push({ key, name: user.name, detail, organisationId: organisation.id, organisationName: organisation.name, principal });
    }
  }
  people.push({ key: 'operator', name: 'Sam Rivera', detail: 'Hosting vendor', organisationId: null, organisationName: null, principal: operator });
  return people;
}
