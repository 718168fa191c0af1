import type { Beneficiary as SharedBeneficiary, Role } from '@generattivi/shared';
import type { Changes } from '../audit/audit.service';
import type { Beneficiary } from './beneficiary.entity';

const CONTACT_FIELDS = ['address', 'phone', 'email'] as const;

/**
 * A beneficiary as the API shows it (API.md names). For a manager the contact details are
 * absent and the fiscal code is masked.
 */
export type BeneficiaryRecord = SharedBeneficiary;

/** Managers audit outcomes: they see fiscal codes masked and no contact details (DOMAIN.md). */
export function seesPersonalDetails(role: Role): boolean {
  return role !== 'MANAGER';
}

/** The first six characters and the last; the rest `*`: `RSSMRA*********K`. */
export function maskFiscalCode(code: string): string {
  if (code.length <= 7) return '*'.repeat(code.length);
  return code.slice(0, 6) + '*'.repeat(code.length - 7) + code.slice(-1);
}

/** Everything stored, unmasked: for the audit trail and for callers who see personal details. */
export function toFullBeneficiaryRecord(b: Beneficiary): SharedBeneficiary {
  return {
    id: b.id,
    firstName: b.firstName,
    lastName: b.lastName,
    fiscalCode: b.fiscalCode,
    birthDate: b.birthDate,
    sex: b.sex,
    territoryId: b.territoryId,
    municipality: b.municipality,
    address: b.address,
    phone: b.phone,
    email: b.email,
    employmentStatus: b.employmentStatus,
    householdId: b.householdId,
    anonymisedAt: b.anonymisedAt,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
    version: b.version,
  } satisfies SharedBeneficiary;
}

/** The record as `viewer` may see it. */
export function toBeneficiaryRecord(b: Beneficiary, viewer: { role: Role }): BeneficiaryRecord {
  const full = toFullBeneficiaryRecord(b);
  if (seesPersonalDetails(viewer.role)) return full;
  const { address: _address, phone: _phone, email: _email, ...rest } = full;
  return { ...rest, fiscalCode: maskFiscalCode(full.fiscalCode) } satisfies BeneficiaryRecord;
}

/**
 * The changes of a beneficiaries audit event as a manager may see them: fiscal codes masked,
 * contact details left out. (The stored event stays whole, so the hash chain still verifies.)
 */
export function maskBeneficiaryChanges(changes: Changes): Changes {
  const mask = (v: unknown) => (typeof v === 'string' ? maskFiscalCode(v) : v);
  const out: Changes = {};
  for (const [field, [before, after]] of Object.entries(changes)) {
    if ((CONTACT_FIELDS as readonly string[]).includes(field)) continue;
    out[field] = field === 'fiscalCode' ? [mask(before), mask(after)] : [before, after];
  }
  return out;
}
