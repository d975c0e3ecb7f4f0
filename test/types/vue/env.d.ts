// What a Vue portal adds once (its env.d.ts, or any file its tsconfig includes): the elements' types in templates.
import type {} from 'pbx-sms/types/vue';
