/** The closed vocabularies of the domain (DOMAIN.md). Values are the API's wire values. */

export const TERRITORY_CODES = ['CREMA', 'CREMONA', 'CASALMAGGIORE'] as const;
export type TerritoryCode = (typeof TERRITORY_CODES)[number];

export const ROLES = ['ADMIN', 'MANAGER', 'SOCIAL_WORKER', 'COMMUNITY_MAKER'] as const;
export type Role = (typeof ROLES)[number];

export const EMPLOYMENT_STATUSES = [
  'EMPLOYED',
  'UNEMPLOYED',
  'STUDENT',
  'RETIRED',
  'INACTIVE',
] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

export const SEXES = ['F', 'M'] as const;
export type Sex = (typeof SEXES)[number];

export const PACT_TYPES = ['INCLUSION', 'AUTONOMY'] as const;
export type PactType = (typeof PACT_TYPES)[number];

export const PACT_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'ACTIVE',
  'SUSPENDED',
  'COMPLETED',
  'TERMINATED',
  'CANCELLED',
] as const;
export type PactStatus = (typeof PACT_STATUSES)[number];

/** A pact in one of these states counts as "open" for the one-open-pact rule. */
export const OPEN_PACT_STATUSES: readonly PactStatus[] = [
  'DRAFT',
  'SUBMITTED',
  'ACTIVE',
  'SUSPENDED',
];
/** A pact in one of these states is read-only (diary notes may still be added). */
export const CLOSED_PACT_STATUSES: readonly PactStatus[] = ['COMPLETED', 'TERMINATED', 'CANCELLED'];

export function isPactClosed(status: PactStatus): boolean {
  return CLOSED_PACT_STATUSES.includes(status);
}

export const MILESTONE_STATUSES = ['PENDING', 'ACHIEVED', 'MISSED', 'CANCELLED'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const NOTE_KINDS = ['MEETING', 'CALL', 'HOME_VISIT', 'NOTE'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** The records a document is attached to (API.md "Further endpoints": documents). */
export const DOCUMENT_OWNER_TYPES = ['pacts', 'milestones', 'beneficiaries', 'households'] as const;
export type DocumentOwnerType = (typeof DOCUMENT_OWNER_TYPES)[number];
/** What a document is; a community maker adds only EVIDENCE and never reads the personal ones. */
export const DOCUMENT_KINDS = [
  'SIGNED_PACT',
  'ISEE_CERTIFICATE',
  'IDENTITY_DOCUMENT',
  'EVIDENCE',
  'OTHER',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** The kinds a community maker never reads: they are about a person's identity and income. */
export const PERSONAL_DOCUMENT_KINDS: readonly DocumentKind[] = [
  'ISEE_CERTIFICATE',
  'IDENTITY_DOCUMENT',
];
/** The file types a document may be, decided from its bytes. */
export const DOCUMENT_MEDIA_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

export const AUTONOMY_OUTCOMES = ['EMPLOYED', 'TRAINING', 'INTERNSHIP', 'PARTIAL'] as const;
export const INCLUSION_OUTCOMES = [
  'AUTONOMY_REGAINED',
  'IMPROVED',
  'REFERRED_TO_SERVICES',
  'PARTIAL',
] as const;
export type AutonomyOutcome = (typeof AUTONOMY_OUTCOMES)[number];
export type InclusionOutcome = (typeof INCLUSION_OUTCOMES)[number];
export type PactOutcome = AutonomyOutcome | InclusionOutcome;

export const OUTCOMES_BY_TYPE: Record<PactType, readonly PactOutcome[]> = {
  AUTONOMY: AUTONOMY_OUTCOMES,
  INCLUSION: INCLUSION_OUTCOMES,
};

export const TERMINATION_CODES = [
  'DROPPED_OUT',
  'MOVED_AWAY',
  'NO_LONGER_ELIGIBLE',
  'OTHER',
] as const;
export type TerminationCode = (typeof TERMINATION_CODES)[number];

/** The collections of the HTTP API; also the `entityType` of audit events. */
export const RESOURCES = [
  'territories',
  'users',
  'beneficiaries',
  'households',
  'pacts',
  'milestones',
  'notes',
  'assignments',
  'community-labs',
  'civic-centers',
  'audit-events',
  'pact-templates',
] as const;
export type Resource = (typeof RESOURCES)[number];
