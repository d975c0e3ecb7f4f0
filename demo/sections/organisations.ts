import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Organisation, OrganisationUsage, SmsClient } from '../../src/index.js';
import { portalStyles } from '../portal.styles.js';
import type { DemoTerm } from '../terms.js';
import type { DemoSection } from './section.js';

/** Asks the portal to show an organisation (its people, its messaging). */
export class DemoOpenOrganisationEvent extends Event {
  constructor(readonly organisationId: string) {
    super('demo-open-organisation', { bubbles: true, composed: true });
  }
}

/**
 * The hosting vendor's page, as its portal would have it: every organisation with its status and this month's usage
 * (from `client.organisations`), suspend and resume, and "Open" to look at one organisation's messaging.
 */
export class DemoOrganisations extends LitElement {
  static override styles = [portalStyles, css`
    :host {
      display: block;
      min-width: 0;
      min-height: 0;
      background: none;
    }
  `];

  @property({ attribute: false }) client?: SmsClient;
  @property({ attribute: false }) t: (key: DemoTerm) => string = (key) => key;
  @property({ attribute: false }) current = '';
  @state() private organisations: Organisation[] | null = null;
  @state() private usage = new Map<string, OrganisationUsage>();
  @state() private error: string | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) void this.load();
  }

  private async load(): Promise<void> {
    const { client } = this;
    if (!client) return;
    try {
      const [page, usage] = await Promise.all([client.organisations.list({ limit: 100 }), client.organisations.usage()]);
      this.organisations = page.items;
      this.usage = new Map(usage.map((row) => [row.organisationId, row]));
      this.error = null;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private async setStatus(organisation: Organisation): Promise<void> {
    const { client } = this;
    if (!client) return;
    if (organisation.status === 'active') await client.organisations.suspend(organisation.id);
    else await client.organisations.resume(organisation.id);
    await this.load();
  }

  override render() {
    const { t } = this;
    if (this.error) return html`<p class="hint" role="alert">${this.error}</p>`;
    if (!this.organisations) return html`<p class="hint" role="status">…</p>`;
    return html`<div class="card table-card">
      <table class="table">
        <caption>${t('organisationsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('organisation')}</th>
            <th scope="col">${t('status')}</th>
            <th scope="col" class="number">${t('messagesThisMonth')}</th>
            <th scope="col" class="number">${t('costThisMonth')}</th>
            <th scope="col"><span class="visually-hidden">${t('actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${this.organisations.map((organisation) => {
            const usage = this.usage.get(organisation.id);
            const cost = usage ? new Intl.NumberFormat(document.documentElement.lang || 'en', { style: 'currency', currency: usage.currency }).format(usage.cost / 100) : '–';
            return html`<tr>
              <th scope="row">${organisation.name}${organisation.id === this.current ? html` <span class="tag">${t('shown')}</span>` : nothing}</th>
              <td>${t(organisation.status === 'active' ? 'active' : 'suspended')}</td>
              <td class="number">${usage?.messages ?? 0}</td>
              <td class="number">${cost}</td>
              <td>
                <div class="row-actions">
                  <button type="button" class="button" @click=${() => this.dispatchEvent(new DemoOpenOrganisationEvent(organisation.id))}>
                    ${t('open')}<span class="visually-hidden"> ${organisation.name}</span>
                  </button>
                  <button type="button" class="button" @click=${() => void this.setStatus(organisation)}>
                    ${t(organisation.status === 'active' ? 'suspend' : 'resume')}<span class="visually-hidden"> ${organisation.name}</span>
                  </button>
                </div>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }
}

if (!customElements.get('demo-organisations')) customElements.define('demo-organisations', DemoOrganisations);

/** The operator's page: the organisations of the deployment. */
export const organisationsSection: DemoSection = {
  id: 'organisations',
  title: 'organisations',
  render: (context) => html`
    <p class="hint">${context.t('organisationsHint')}</p>
    <demo-organisations .client=${context.client} .t=${context.t} .current=${context.organisationId}></demo-organisations>
  `,
};
