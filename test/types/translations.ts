// pbx-sms/translations/* as a portal imports it: one language at a time, typed, registered as it is.
import { registerTranslation } from 'pbx-sms/components';
import fr, { fr as named } from 'pbx-sms/translations/fr';

registerTranslation(fr, named);
export const segments: { one?: string; many?: string; other: string } = fr.segments;
// @ts-expect-error: a translation holds the elements' terms and no other
export const unknown = fr.notATerm;
