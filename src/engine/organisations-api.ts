import { ValidationError } from '../errors/validation-error.js';
import type { Organisation, OrganisationLimits, OrganisationLimitsUpdate, OrganisationUsage } from '../model/index.js';
import { OrganisationCreate, OrganisationQuery, OrganisationRemoval, OrganisationUpdate, OrganisationUsageQuery } from '../model/index.js';
import type { OrganisationsApi } from '../ports/backend.js';
import { SYSTEM_SCOPE, type UsageRecord } from '../ports/store.js';
import type { Deployment } from './deployment.js';
import { monthOf, monthRange, usageRecords } from './usage.js';
import { parseInput } from './validate.js';

/**
 * The hosting vendor's side: organisations created, renamed, suspended, resumed and deleted, and their usage. Every
 * method is called for a principal `Deployment.enterOperator` let in as an operator.
 */
export function createOrganisationsApi(deployment: Deployment): OrganisationsApi {
  const { core, organisations } = deployment;
  const records = () => core.ports.store.scope(SYSTEM_SCOPE).collection('organisations');

  async function changeStatus(id: string, status: Organisation['status']): Promise<Organisation> {
    const current = await organisations.require(id);
    if (current.status === status) return current;
    const updated = await organisations.update(id, { status, suspendedAt: status === 'suspended' ? core.nowIso() : null });
    const engine = deployment.engineOf(id);
    if (status === 'suspended') await engine.suspend();
    else await engine.resume();
    return updated;
  }

  return {
    async list(_principal, query = {}) {
      const input = parseInput(OrganisationQuery, query, 'query');
      const text = input.query?.trim();
      return records().find({
        where: input.status ? { status: input.status } : {},
        search: text ? { fields: ['name', 'id'], text } : undefined,
        orderBy: [['name', 'asc']],
        cursor: input.cursor,
        limit: input.limit,
      });
    },

    async get(_principal, id) {
      return organisations.require(id);
    },

    async create(_principal, input) {
      const parsed = parseInput(OrganisationCreate, input, 'organisation');
      const id = parsed.id ?? core.id('org');
      const organisation = await organisations.create({
        id, name: parsed.name, ...(parsed.settings && { settings: parsed.settings }), ...(parsed.limits && { limits: parsed.limits }),
      });
      const shortCode = organisation.settings.shortCode;
      if (shortCode !== null && !(await organisations.claimAddress(shortCode, id, null))) {
        await organisations.remove(id);
        throw new ValidationError(`The short code ${shortCode} belongs to another organisation.`, { field: 'settings.shortCode', value: shortCode });
      }
      await deployment.startEngine(id);
      return organisation;
    },

    async update(_principal, id, input) {
      const patch = parseInput(OrganisationUpdate, input, 'organisation');
      const current = await organisations.require(id);
      if (patch.name === undefined && patch.limits === undefined) return current;
      const updated = await organisations.update(id, {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.limits !== undefined && { limits: changedLimits(current.limits, patch.limits) }),
      });
      // Campaigns paused by the daily cap go on if the new caps let them.
      if (patch.limits !== undefined) deployment.loaded(id)?.runner.resumePaused();
      return updated;
    },

    suspend: (_principal, id) => changeStatus(id, 'suspended'),

    resume: (_principal, id) => changeStatus(id, 'active'),

    async remove(_principal, id, confirmation) {
      const { confirmName } = parseInput(OrganisationRemoval, confirmation, 'confirmation');
      const organisation = await organisations.require(id);
      if (confirmName !== organisation.name) {
        throw new ValidationError(`To delete "${organisation.name}" and all its data, confirm with its name.`, { field: 'confirmName', value: confirmName });
      }
      await deployment.forget(id);
      await core.ports.store.scope(id).clear();
      await organisations.remove(id);
    },

    async usage(_principal, query = {}) {
      const input = parseInput(OrganisationUsageQuery, query, 'query');
      const { from, to } = monthRange(input, monthOf(core.nowIso()));
      const ids = input.organisationId ? [(await organisations.require(input.organisationId)).id] : await organisations.ids();
      const rows: OrganisationUsage[] = [];
      for (const id of ids) {
        const organisation = await organisations.require(id);
        const byMonth = new Map<string, OrganisationUsage>();
        for (const record of await usageRecords(deployment.engineOf(id).ctx, { from, to })) {
          const row = byMonth.get(record.month) ?? blankRow(organisation, record.month);
          addRecord(row, record);
          byMonth.set(record.month, row);
        }
        rows.push(...[...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : 1)));
      }
      return rows;
    },
  };
}

/** The caps after an update: those it names change (`null` lifts one), the others stay. */
function changedLimits(current: OrganisationLimits, patch: OrganisationLimitsUpdate): OrganisationLimits {
  return {
    sendsPerSecond: patch.sendsPerSecond === undefined ? current.sendsPerSecond : patch.sendsPerSecond,
    sendsPerDay: patch.sendsPerDay === undefined ? current.sendsPerDay : patch.sendsPerDay,
  };
}

function blankRow(organisation: Organisation, month: string): OrganisationUsage {
  return { organisationId: organisation.id, name: organisation.name, month, currency: organisation.settings.currency, messages: 0, segments: 0, cost: 0, inbound: 0 };
}

function addRecord(row: OrganisationUsage, record: UsageRecord): void {
  row.messages += record.messages;
  row.segments += record.segments;
  row.cost += record.cost;
  row.inbound += record.inbound;
}
