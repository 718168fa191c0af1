/**
 * The records of the HTTP API (API.md), as the server sends them and the admin reads them.
 * Ids are numbers; dates are `YYYY-MM-DD` strings, instants ISO 8601 UTC strings; a field
 * that may be empty is `null`, never absent.
 */

import type { AuditAction } from './audit';
import type { EligibilityEvaluation } from './eligibility';
import type { DigestFrequency } from './notifications';
import type {
  DocumentKind,
  DocumentMediaType,
  DocumentOwnerType,
  EmploymentStatus,
  MilestoneStatus,
  NoteKind,
  PactOutcome,
  PactStatus,
  PactType,
  Resource,
  Role,
  Sex,
  TerminationCode,
  TerritoryCode,
} from './enums';

/** `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO 8601 UTC instant, e.g. `2026-03-01T09:30:00.000Z`. */
export type IsoInstant = string;

export interface BaseRecord {
  id: number;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

/** Editable records carry a version for optimistic locking: send it back with a `PUT`. */
export interface VersionedRecord extends BaseRecord {
  version: number;
}

export interface Territory extends VersionedRecord {
  code: TerritoryCode;
  name: string;
  municipalities: string[];
}

export interface User extends VersionedRecord {
  email: string;
  fullName: string;
  role: Role;
  territoryIds: number[];
  active: boolean;
  /** How often the user receives the e-mail digest; on create, defaultDigestFrequency(role). */
  digestFrequency: DigestFrequency;
  /**
   * Read-only: the open pacts the user holds, as community maker or social worker (the load
   * a hand-over or an assignment shows); ignored when sent back.
   */
  openPacts: number;
  /**
   * Read-only: the password was set by an administrator (or not set at all) and the user
   * changes it at their next sign-in; ignored when sent back.
   */
  mustChangePassword: boolean;
}

/** The `user` of `POST /api/auth/login` and `GET /api/auth/me`. */
export interface AuthUser {
  id: number;
  email: string;
  fullName: string;
  role: Role;
  territoryIds: number[];
  /** The admin shows only «Cambia la password» until the user has changed it. */
  mustChangePassword: boolean;
}

export interface LoginResponse {
  accessToken: string;
  user: AuthUser;
}

export interface Beneficiary extends VersionedRecord {
  /** Initials for managers (`M.`). */
  firstName: string;
  /** Initials for managers (`R.`). */
  lastName: string;
  /** Upper case; masked for managers; absent for community makers. */
  fiscalCode?: string;
  /** Absent for managers and community makers, who read `birthYear`. */
  birthDate?: IsoDate;
  /** Instead of `birthDate`, for managers and community makers. */
  birthYear?: number;
  sex: Sex;
  territoryId: number;
  municipality: string;
  /** Contact details: absent for managers. */
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  employmentStatus: EmploymentStatus;
  householdId: number | null;
  /** When the person was anonymised (identity replaced by a pseudonym); null otherwise. */
  anonymisedAt: IsoInstant | null;
}

/**
 * `GET /api/beneficiaries/possible-duplicates` (ADMIN): a fiscal code someone (`reportedById`,
 * for `territoryId`) tried to register while a person out of their scope (`beneficiaryId`)
 * holds it; resolved by ADMIN with a note.
 */
export interface PossibleDuplicate {
  id: number;
  at: string;
  beneficiaryId: number;
  reportedById: number;
  territoryId: number;
  resolved: boolean;
  resolvedAt: string | null;
  resolvedById: number | null;
  resolutionNote: string | null;
}

export interface Household extends VersionedRecord {
  name: string;
  territoryId: number;
  municipality: string;
  membersCount: number;
  /** Euros with cents; null when unknown. */
  iseeEur: number | null;
  vulnerable: boolean;
  vulnerabilityReason: string | null;
  assessedById: number | null;
  assessedAt: IsoInstant | null;
}

export interface Pact extends VersionedRecord {
  type: PactType;
  /** e.g. `AUT-CREMA-2026-0007`; read-only. */
  reference: string;
  /** Read-only: changes only through `POST /api/pacts/:id/transitions`. */
  status: PactStatus;
  territoryId: number;
  /** Required for AUTONOMY; the optional reference person for INCLUSION. */
  beneficiaryId: number | null;
  /** Required for INCLUSION. */
  householdId: number | null;
  socialWorkerId: number | null;
  communityMakerId: number | null;
  communityLabId: number | null;
  title: string;
  objectives: string | null;
  citizenCommitments: string | null;
  communityCommitments: string | null;
  startDate: IsoDate | null;
  plannedEndDate: IsoDate | null;
  /** When it was last submitted for approval; read-only. */
  submittedAt: IsoInstant | null;
  /** When it was approved (became ACTIVE); read-only. */
  approvedAt: IsoInstant | null;
  closedAt: IsoInstant | null;
  /** The outcome when COMPLETED, the termination code when TERMINATED. */
  outcome: PactOutcome | TerminationCode | null;
  closingNote: string | null;
  /** 0–100, derived from the milestones; read-only. */
  progress: number;
  /** The evaluation last run; read-only. */
  eligibility: EligibilityEvaluation | null;
  /** When the newest diary note happened (`occurredAt`); read-only. */
  lastNoteAt: IsoInstant | null;
}

export interface Milestone extends VersionedRecord {
  pactId: number;
  title: string;
  description: string | null;
  dueDate: IsoDate;
  status: MilestoneStatus;
  /** The date it was achieved. */
  achievedAt: IsoDate | null;
  evidence: string | null;
  /** PENDING, due before today, and the pact's clock runs (not SUSPENDED, not closed); read-only. */
  overdue: boolean;
}

/** A diary note: append-only. */
export interface Note extends BaseRecord {
  pactId: number;
  authorId: number;
  kind: NoteKind;
  occurredAt: IsoInstant;
  body: string;
}

/** Who followed a pact, from when to when: append-only history. */
export interface Assignment extends BaseRecord {
  pactId: number;
  communityMakerId: number;
  assignedById: number;
  startedAt: IsoInstant;
  /** Null while current. */
  endedAt: IsoInstant | null;
  reason: string | null;
}

export interface CommunityLab extends VersionedRecord {
  name: string;
  territoryId: number;
  municipality: string | null;
  description: string | null;
  communityMakerIds: number[];
}

export interface CivicCenter extends VersionedRecord {
  name: string;
  territoryId: number;
  municipality: string | null;
  description: string | null;
  childrenReached: number;
  adultsReached: number;
}

/** A milestone of a pact template: due `days` after the start of a pact made from it. */
export interface PactTemplateMilestone {
  title: string;
  description: string;
  days: number;
}

/**
 * A pact template (modello di patto): per type, and per territory or for all of them (null).
 * A pact created from it takes what its body leaves empty and the milestones, dated from its
 * start date.
 */
export interface PactTemplate extends VersionedRecord {
  type: PactType;
  territoryId: number | null;
  title: string;
  objectives: string;
  citizenCommitments: string;
  communityCommitments: string;
  durationDays: number;
  milestones: PactTemplateMilestone[];
}

/** The answer of `POST /api/assignments/hand-over`: the pacts moved, by id ascending. */
/** A list's filter and sort a person saved under a name (`/api/saved-filters`), their own only. */
export interface SavedFilter {
  id: number;
  /** The list: a collection name. */
  resource: string;
  name: string;
  filter: Record<string, unknown>;
  sort: { field: string; order: 'ASC' | 'DESC' } | null;
  createdAt: string;
  updatedAt: string;
}

export interface HandOverResult {
  moved: number;
  pactIds: number[];
}

/** An uploaded file's metadata; its bytes are at `/documents/:id/content`. */
export interface DocumentRecord {
  id: number;
  ownerType: DocumentOwnerType;
  ownerId: number;
  kind: DocumentKind;
  /** The name the file was uploaded with, cleaned of path separators and control characters. */
  fileName: string;
  mediaType: DocumentMediaType;
  sizeBytes: number;
  /** SHA-256 of the content, lowercase hex. */
  sha256: string;
  uploadedById: number;
  createdAt: IsoInstant;
}

/** What an audit event is about: a collection's record, `documents`, or `reports` for an export. */
export type AuditEntityType = Resource | 'documents' | 'reports' | 'mail-outbox';

/** Append-only and hash-chained: `hash` covers the event and `prevHash`. */
export interface AuditEvent {
  id: number;
  at: IsoInstant;
  /** Null for actions of the system (migrations, seeds). */
  actorId: number | null;
  action: AuditAction;
  entityType: AuditEntityType;
  /** Null when the event is about no single record (a report export). */
  entityId: number | null;
  /** Changed fields: `{field: [before, after]}`. */
  changes: Record<string, [unknown, unknown]>;
  /** Absent for a reader who sees personal data masked (a manager). */
  hash?: string;
  /** The previous event's hash; 64 zeros for the first event of the chain. Absent with `hash`. */
  prevHash?: string;
}

/** The body of `POST /api/pacts/:id/transitions`. */
export interface PactTransitionBody {
  to: PactStatus;
  reason?: string;
  /** The outcome (to COMPLETED) or the termination code (to TERMINATED). */
  outcome?: PactOutcome | TerminationCode;
  version: number;
}
