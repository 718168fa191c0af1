import {
  personViewOf,
  type Beneficiary as SharedBeneficiary,
  type Role,
} from '@generattivi/shared';
import type { Changes } from '../audit/audit.service';
import type { Beneficiary } from './beneficiary.entity';

const CONTACT_FIELDS = ['address', 'phone', 'email'] as const;
const NAME_FIELDS = ['firstName', 'lastName'] as const;

/**
 * A beneficiary as the API shows it (API.md names), as much of it as the reader's role needs:
 * see `toBeneficiaryRecord`.
 */
export type BeneficiaryRecord = SharedBeneficiary;

/** Managers audit outcomes: they see fiscal codes masked and no contact details (DOMAIN.md). */
export function seesPersonalDetails(role: Role): boolean {
  return role !== 'MANAGER';
}

/** Each word's first letter and a dot: `Anna Maria` → `A. M.`. */
export function initials(name: string): string {
  return name
    .split(/[\s'-]+/)
    .filter(Boolean)
    .map((word) => `${word.charAt(0).toUpperCase()}.`)
    .join(' ');
}

/** A person's name, surname first, as `viewer` may read it: a manager reads initials (`R. M.`). */
export function personName(
  viewer: { role: Role },
  person: { firstName: string; lastName: string },
): string {
  return personViewOf(viewer.role).names === 'initials'
    ? `${initials(person.lastName)} ${initials(person.firstName)}`
    : `${person.lastName} ${person.firstName}`;
}

/** The year of an ISO date (`1985-12-10` → 1985). */
const yearOf = (date: string) => Number(date.slice(0, 4));

/** The first six characters and the last; the rest `*`: `RSSMRA*********K`. */
export function maskFiscalCode(code: string): string {
  if (code.length <= 7) return '*'.repeat(code.length);
  return code.slice(0, 6) + '*'.repeat(code.length - 7) + code.slice(-1);
}

/** A record with everything: the fiscal code and the birth date present. */
export type FullBeneficiaryRecord = Omit<
  SharedBeneficiary,
  'fiscalCode' | 'birthDate' | 'birthYear'
> &
  Required<Pick<SharedBeneficiary, 'fiscalCode' | 'birthDate'>>;

/** Everything stored, unmasked: for the audit trail and for callers who see personal details. */
export function toFullBeneficiaryRecord(b: Beneficiary): FullBeneficiaryRecord {
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
  };
}

/**
 * The record as `viewer` may see it (shared `personViewOf`). ADMIN and social workers:
 * everything. A community maker (who reads the person only while assigned to their pact) what
 * the field needs — names, contacts, the year of birth — never the fiscal code nor the birth
 * date it is computed from. A manager, who audits outcomes: initials, the year of birth, the
 * fiscal code masked, no contact details.
 */
export function toBeneficiaryRecord(b: Beneficiary, viewer: { role: Role }): BeneficiaryRecord {
  const full = toFullBeneficiaryRecord(b);
  const view = personViewOf(viewer.role);
  if (view.birth === 'date' && view.fiscalCode === 'full' && view.names === 'full') return full;
  const { fiscalCode, birthDate, address, phone, email, ...rest } = full;
  const name = (text: string) => (view.names === 'initials' ? initials(text) : text);
  return {
    ...rest,
    firstName: name(full.firstName),
    lastName: name(full.lastName),
    ...(view.fiscalCode === 'none'
      ? {}
      : { fiscalCode: view.fiscalCode === 'masked' ? maskFiscalCode(fiscalCode) : fiscalCode }),
    ...(view.birth === 'date' ? { birthDate } : { birthYear: yearOf(birthDate) }),
    ...(view.contacts ? { address, phone, email } : {}),
  } satisfies BeneficiaryRecord;
}

/**
 * The changes of a beneficiaries audit event as a manager may see them: fiscal codes masked,
 * names as initials, birth dates as years, contact details left out. (The stored event stays
 * whole, so the hash chain still verifies.)
 */
export function maskBeneficiaryChanges(changes: Changes): Changes {
  const masked = (field: string, v: unknown): unknown => {
    if (typeof v !== 'string') return v;
    if (field === 'fiscalCode') return maskFiscalCode(v);
    if ((NAME_FIELDS as readonly string[]).includes(field)) return initials(v);
    return yearOf(v);
  };
  const out: Changes = {};
  for (const [field, [before, after]] of Object.entries(changes)) {
    if ((CONTACT_FIELDS as readonly string[]).includes(field)) continue;
    const hidden =
      field === 'fiscalCode' ||
      field === 'birthDate' ||
      (NAME_FIELDS as readonly string[]).includes(field);
    out[field] = hidden ? [masked(field, before), masked(field, after)] : [before, after];
  }
  return out;
}
