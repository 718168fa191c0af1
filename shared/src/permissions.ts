/**
 * Who may do what (DOMAIN.md "Who may do what"), once for the server's guards and the admin's
 * buttons: role × resource × action. A grant is `false`, `true` (every record the role sees) or
 * a scope word; the server applies the scope and the rules that depend on a record's state
 * (a pact is deleted only while DRAFT and without notes, a record still referenced is 409).
 */
import {
  DOCUMENT_KINDS,
  RESOURCES,
  ROLES,
  type DocumentKind,
  type DocumentOwnerType,
  type Role,
} from './enums';
import type { PactAction } from './pact-state-machine';

/** The record scopes a grant may be limited to. */
export const SCOPES = ['own-territories', 'assigned', 'own-caseload'] as const;
/**
 * `own-territories`: records of the caller's territories; `assigned`: the pacts the caller is
 * currently assigned to (with their people, milestones and notes); `own-caseload`: figures
 * of the caller's own pacts.
 */
export type Scope = (typeof SCOPES)[number];
export type Grant = boolean | Scope;

/** The API collections and the other guarded parts of the API. */
export const PERMISSION_RESOURCES = [
  ...RESOURCES,
  'eligibility',
  'reports',
  'alerts',
  'session',
  'documents',
  'search',
  'saved-filters',
  'retention-schedule',
  'access-log',
  'imports',
  'mail-outbox',
  'notifications',
  'profile',
] as const;
export type PermissionResource = (typeof PERMISSION_RESOURCES)[number];

/** The pact transitions a person asks for (API.md "Pact transitions"). */
export const PACT_TRANSITION_ACTIONS = [
  'submit',
  'approve',
  'send-back',
  'suspend',
  'resume',
  'complete',
  'terminate',
  'cancel',
] as const;

export const ACTIONS = [
  'list',
  'show',
  'create',
  'edit',
  'delete',
  ...PACT_TRANSITION_ACTIONS,
  'assign',
  'hand-over',
  'check',
  'pick',
  'access-log',
  'anonymise',
  'subject-access',
  'possible-duplicates',
  'verify',
  'verify-all',
  'export',
  'print',
  'download',
] as const;
export type Action = (typeof ACTIONS)[number];

type Grants = Readonly<Record<Role, Grant>>;
const grants = (admin: Grant, manager: Grant, socialWorker: Grant, maker: Grant): Grants => ({
  ADMIN: admin,
  MANAGER: manager,
  SOCIAL_WORKER: socialWorker,
  COMMUNITY_MAKER: maker,
});

const ALL = grants(true, true, true, true);
const ADMIN_ONLY = grants(true, false, false, false);
/** Case records: managers read everything, social workers their territories, makers their pacts. */
const CASE_READ = grants(true, true, 'own-territories', 'assigned');
/** Written by the social workers of the territory (and the administrator). */
const CASE_WRITE = grants(true, false, 'own-territories', false);
/**
 * A spreadsheet of people: whoever reads them in a list, but a community maker, who follows
 * a few pacts, takes no list of people away.
 */
const PEOPLE_EXPORT = grants(true, true, 'own-territories', false);
/** Written by the social workers of the territory and the makers assigned to the pact. */
const PACT_WORK = grants(true, false, 'own-territories', 'assigned');
/** Reference data every role reads; the administrator manages it. */
const DIRECTORY = {
  list: ALL,
  show: ALL,
  create: ADMIN_ONLY,
  edit: ADMIN_ONLY,
  delete: ADMIN_ONLY,
};

/**
 * The table. A missing action is refused to everyone.
 *
 * Deleting: a social worker manages the case records of their territories, and undoing a
 * record made by mistake is part of that, so they delete — in their territories — a DRAFT pact
 * without notes, a milestone of a DRAFT pact, a beneficiary or household nothing references;
 * whatever has a history (an approved pact, a person with a pact) is refused with 409, and the
 * audit trail keeps every delete. A maker co-designs their DRAFT pacts and so adds and removes
 * their milestones too. Accounts and territories are never deleted (409).
 */
export const PERMISSIONS: Readonly<
  Record<PermissionResource, Readonly<Partial<Record<Action, Grants>>>>
> = {
  territories: DIRECTORY,
  /**
   * The accounts page is for ADMIN (and MANAGER, read-only); everyone reads the directory
   * as the choices of a picker (the maker to assign, the social worker of a pact).
   */
  users: {
    ...DIRECTORY,
    list: grants(true, true, false, false),
    show: grants(true, true, false, false),
    pick: ALL,
  },
  beneficiaries: {
    list: CASE_READ,
    show: CASE_READ,
    create: CASE_WRITE,
    edit: CASE_WRITE,
    delete: CASE_WRITE,
    'access-log': ADMIN_ONLY,
    /** Forgetting a person (GDPR art. 17) is the administrator's decision, with a reason. */
    anonymise: ADMIN_ONLY,
    /** Everything held about the person, as a ZIP (GDPR art. 15). */
    'subject-access': ADMIN_ONLY,
    /** Fiscal codes entered for a person out of the caller's scope: ADMIN resolves them. */
    'possible-duplicates': ADMIN_ONLY,
    export: PEOPLE_EXPORT,
  },
  households: {
    list: CASE_READ,
    show: CASE_READ,
    export: PEOPLE_EXPORT,
    create: CASE_WRITE,
    edit: CASE_WRITE,
    delete: CASE_WRITE,
  },
  pacts: {
    list: CASE_READ,
    show: CASE_READ,
    export: CASE_READ,
    create: CASE_WRITE,
    /** A maker edits the DRAFT pacts assigned to them (the server refuses the others). */
    edit: PACT_WORK,
    delete: CASE_WRITE,
    submit: PACT_WORK,
    approve: CASE_WRITE,
    'send-back': CASE_WRITE,
    suspend: CASE_WRITE,
    resume: CASE_WRITE,
    complete: CASE_WRITE,
    terminate: CASE_WRITE,
    cancel: CASE_WRITE,
    /** The maker must work in the pact's territory. */
    assign: CASE_WRITE,
    /**
     * The pact as a PDF to sign: it names the people, so whoever sees the pact and works on it
     * prints it; the manager, who audits outcomes, does not.
     */
    print: PACT_WORK,
  },
  milestones: {
    list: CASE_READ,
    show: CASE_READ,
    export: CASE_READ,
    create: PACT_WORK,
    edit: PACT_WORK,
    /** Only while the pact is a DRAFT. */
    delete: PACT_WORK,
  },
  /** The diary is append-only. */
  notes: { list: CASE_READ, show: CASE_READ, export: CASE_READ, create: PACT_WORK },
  /**
   * Written by the server when a pact is assigned (`pacts.assign`) or handed over: all the
   * open pacts of a community maker (or social worker) move to a colleague of the territory,
   * by whoever may assign them.
   */
  assignments: { list: CASE_READ, show: CASE_READ, 'hand-over': CASE_WRITE },
  /**
   * Pact templates shape new pacts, so whoever creates pacts reads them (a social worker: those
   * of their territories and those for every territory) and manages those of their
   * territories; the manager reads them, as every other record, to audit. A community maker
   * never creates a pact (the social worker opens it), so the templates are no business of
   * theirs.
   */
  'pact-templates': {
    list: grants(true, true, 'own-territories', false),
    show: grants(true, true, 'own-territories', false),
    create: CASE_WRITE,
    edit: CASE_WRITE,
    delete: CASE_WRITE,
  },
  'community-labs': {
    list: ALL,
    show: ALL,
    create: CASE_WRITE,
    edit: CASE_WRITE,
    delete: ADMIN_ONLY,
  },
  'civic-centers': {
    list: ALL,
    show: ALL,
    create: CASE_WRITE,
    edit: CASE_WRITE,
    delete: ADMIN_ONLY,
  },
  /** Append-only; the full re-check of the chain is a heavy job the administrator starts. */
  'audit-events': {
    list: grants(true, true, false, false),
    show: grants(true, true, false, false),
    verify: grants(true, true, false, false),
    'verify-all': ADMIN_ONLY,
  },
  eligibility: { show: ALL, check: PACT_WORK },
  reports: {
    show: grants(true, true, 'own-territories', 'own-caseload'),
    export: grants(true, true, 'own-territories', 'own-caseload'),
  },
  alerts: { list: CASE_READ },
  /** One search over pacts, beneficiaries and households, each as its own list is scoped. */
  search: { list: CASE_READ },
  /** Each person's own saved list filters: everyone keeps theirs, nobody sees another's. */
  'saved-filters': { list: ALL, show: ALL, create: ALL, delete: ALL },
  /** Each person's own in-app notifications: read and marked read by their reader alone. */
  notifications: { list: ALL, edit: ALL },
  /** Each person's own profile (the e-mail digest they receive) and its preview. */
  profile: { show: ALL, edit: ALL },
  /** Who is anonymised next (RETENTION_YEARS after their last pact closed), and when. */
  'retention-schedule': { list: ADMIN_ONLY },
  /**
   * Files attached to pacts, milestones, beneficiaries and households, read as their owner is.
   * The manager reads the metadata only; a maker adds only EVIDENCE to their pacts and their
   * milestones, and never sees identity documents or ISEE certificates. Deleting a mistaken
   * upload is for whoever writes its owner (the trail keeps name, size and hash).
   */
  documents: {
    list: CASE_READ,
    show: CASE_READ,
    create: PACT_WORK,
    delete: PACT_WORK,
    download: PACT_WORK,
  },
  /** Who read which person's record: read-only, for the administrator. */
  'access-log': { list: ADMIN_ONLY },
  /**
   * Spreadsheet imports of people, households and pacts: whoever writes those records (a
   * social worker into their territories, row by row as the API checks); each sees their own.
   */
  imports: { show: CASE_WRITE, create: CASE_WRITE },
  /**
   * The mails the server sends (invitations, password resets): their links let anyone set a
   * password, so only the administrator reads them, and sends again one that failed (`edit`).
   */
  'mail-outbox': { list: ADMIN_ONLY, show: ADMIN_ONLY, edit: ADMIN_ONLY },
  /** One's own session: who am I, change one's password (`edit`), sign out. */
  session: { show: ALL, edit: ALL, delete: ALL },
};

/** The grant of `role` for `action` on `resource` (false when the table does not list it). */
export function grantOf(role: Role, resource: PermissionResource, action: Action): Grant {
  return PERMISSIONS[resource][action]?.[role] ?? false;
}

/** True when `role` may do `action` on some records of `resource`. */
export function isAllowed(role: Role, resource: PermissionResource, action: Action): boolean {
  return grantOf(role, resource, action) !== false;
}

/** What a community maker adds to and removes from the records they follow: evidence only. */
const MAKER_DOCUMENT_KINDS: readonly DocumentKind[] = ['EVIDENCE'];
/** The records a community maker attaches evidence to: their pacts and those pacts' milestones. */
const MAKER_DOCUMENT_OWNERS: readonly DocumentOwnerType[] = ['pacts', 'milestones'];

/**
 * The kinds of document `role` may attach to a record of `ownerType` (none when it may not
 * upload): every kind for those the table lets upload, EVIDENCE on pacts and milestones for a
 * community maker. The server applies the scope.
 */
export function documentKindsFor(
  role: Role,
  ownerType: DocumentOwnerType,
): readonly DocumentKind[] {
  if (!isAllowed(role, 'documents', 'create')) return [];
  if (role !== 'COMMUNITY_MAKER') return DOCUMENT_KINDS;
  return MAKER_DOCUMENT_OWNERS.includes(ownerType) ? MAKER_DOCUMENT_KINDS : [];
}

/** Whether `role` may remove a document of `kind` (a community maker: their evidence only). */
export function mayRemoveDocument(role: Role, kind: DocumentKind): boolean {
  if (!isAllowed(role, 'documents', 'delete')) return false;
  return role !== 'COMMUNITY_MAKER' || MAKER_DOCUMENT_KINDS.includes(kind);
}

/** The roles that may do at least one of `actions` on `resource`, in `ROLES` order. */
export function rolesAllowed(resource: PermissionResource, ...actions: Action[]): Role[] {
  return ROLES.filter((role) => actions.some((action) => isAllowed(role, resource, action)));
}

/** The table's action for a pact transition of the state machine (`SEND_BACK` → `send-back`). */
export function transitionPermission(action: PactAction): (typeof PACT_TRANSITION_ACTIONS)[number] {
  return action.toLowerCase().replace('_', '-') as (typeof PACT_TRANSITION_ACTIONS)[number];
}

/**
 * How much of a person a role reads (DOMAIN.md, "Access follows the assignment"; issue of the
 * least privilege): ADMIN and social workers everything; a community maker, while assigned,
 * what the field needs — names and contacts, the year of birth, never the fiscal code; a
 * manager, who audits outcomes, initials, the year of birth and the fiscal code masked.
 */
export interface PersonView {
  names: 'full' | 'initials';
  birth: 'date' | 'year';
  fiscalCode: 'full' | 'masked' | 'none';
  contacts: boolean;
}

const PERSON_VIEWS: Readonly<Record<Role, PersonView>> = {
  ADMIN: { names: 'full', birth: 'date', fiscalCode: 'full', contacts: true },
  SOCIAL_WORKER: { names: 'full', birth: 'date', fiscalCode: 'full', contacts: true },
  COMMUNITY_MAKER: { names: 'full', birth: 'year', fiscalCode: 'none', contacts: true },
  MANAGER: { names: 'initials', birth: 'year', fiscalCode: 'masked', contacts: false },
};

export function personViewOf(role: Role): PersonView {
  return PERSON_VIEWS[role];
}
