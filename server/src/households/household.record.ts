import type { Household as HouseholdRecord, Role } from '@generattivi/shared';
import { initials } from '../beneficiaries/beneficiary.record';
import type { Household } from './household.entity';

export type { HouseholdRecord };

/** A household as the API shows it; the ISEE as a JSON number (the column is a decimal). */
export function toHouseholdRecord(h: Household): HouseholdRecord {
  return {
    id: h.id,
    name: h.name,
    territoryId: h.territoryId,
    municipality: h.municipality,
    membersCount: h.membersCount,
    iseeEur: h.iseeEur === null ? null : Number(h.iseeEur),
    vulnerable: h.vulnerable,
    vulnerabilityReason: h.vulnerabilityReason,
    assessedById: h.assessedById,
    assessedAt: h.assessedAt,
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
    version: h.version,
  } satisfies HouseholdRecord;
}

/** The record as `viewer` may read it: a manager, who audits outcomes, reads the name's initials. */
export function toHouseholdView(h: Household, viewer: { role: Role }): HouseholdRecord {
  const record = toHouseholdRecord(h);
  return viewer.role === 'MANAGER' ? { ...record, name: initials(record.name) } : record;
}
