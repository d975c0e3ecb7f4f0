import type { Meta } from '@storybook/web-components-vite';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { SmsClient } from '../../src/index.js';
import { demoClient } from './demo.js';

/** The controls of a manager shown with no more than a default country: the country, a colour scheme, a width. */
export interface ManagerArgs {
  defaultCountry?: string;
  scheme?: 'light' | 'dark';
  width?: string;
}

/**
 * What the stories of such a manager share besides its title, tag and `tags` (which Storybook reads from the story
 * file itself): the controls, the demo administrator's client, and the element at most 72rem wide.
 *
 * @example
 * const meta = { title: 'Components/Keyword manager', component: 'sms-keyword-manager', tags: ['autodocs'], ...managerMeta('sms-keyword-manager') } satisfies Meta<ManagerArgs>;
 */
export function managerMeta(tag: string): Pick<Meta<ManagerArgs>, 'args' | 'argTypes' | 'loaders' | 'render'> {
  const element = unsafeStatic(tag);
  return {
    args: { defaultCountry: 'AU' },
    argTypes: {
      defaultCountry: { control: 'text' },
      scheme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
      width: { control: 'text' },
    },
    loaders: [async () => ({ client: await demoClient('admin') })],
    render: (args, { loaded }) => html`
      <div style="max-width: ${args.width ?? '72rem'}">
        <${element}
          .client=${(loaded as { client: SmsClient }).client}
          default-country=${ifDefined(args.defaultCountry || undefined)}
          scheme=${ifDefined(args.scheme)}
        ></${element}>
      </div>
    `,
  };
}
