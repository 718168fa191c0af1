import { RESOURCES, ROLES, type Resource, type Role } from '@generattivi/shared';
import { canAccess } from './canAccess';

/** L list, S show, X export, C create, K clone, E edit, D delete. */
const ACTIONS = {
  L: 'list',
  S: 'show',
  X: 'export',
  C: 'create',
  K: 'clone',
  E: 'edit',
  D: 'delete',
};

const NONE = '';
const READ = 'LS';
/** Notes are append-only: created (or cloned), never edited or deleted. */
const APPEND = 'LSCK';
const FULL = 'LSCKED';
/** The same actions and the export (X), which the case records' lists have. */
const X = (actions: string) => actions.replace(/^LS/, 'LSX');

/** The same actions on every resource, to start a role's row from. */
const every = (actions: string) =>
  Object.fromEntries(RESOURCES.map((resource) => [resource, actions])) as Record<Resource, string>;

const EXPECTED: Record<Role, Record<Resource, string>> = {
  // Accounts and territories are never deleted (409 for everyone): no delete is offered.
  ADMIN: {
    ...every(FULL),
    users: 'LSCKE',
    territories: 'LSCKE',
    beneficiaries: X(FULL),
    households: X(FULL),
    pacts: X(FULL),
    milestones: X(FULL),
    notes: X(APPEND),
    assignments: READ,
    'audit-events': READ,
  },
  MANAGER: {
    ...every(READ),
    beneficiaries: X(READ),
    households: X(READ),
    pacts: X(READ),
    milestones: X(READ),
    notes: X(READ),
  },
  // A social worker deletes the case records of their territories that nothing references
  // (the server answers 409 for the others) and keeps the labs and civic centers up to date.
  SOCIAL_WORKER: {
    ...every(READ),
    users: NONE,
    beneficiaries: X(FULL),
    households: X(FULL),
    pacts: X(FULL),
    milestones: X(FULL),
    notes: X(APPEND),
    'community-labs': 'LSCKE',
    'civic-centers': 'LSCKE',
    'audit-events': NONE,
    // Those of their territories (the common ones are refused for the record, below).
    'pact-templates': FULL,
  },
  // A maker reads the people of their pacts but takes no list of people away (no export).
  COMMUNITY_MAKER: {
    ...every(READ),
    users: NONE,
    pacts: 'LSXE',
    milestones: X(FULL),
    notes: X(APPEND),
    'audit-events': NONE,
    // They never create a pact, so templates are no business of theirs.
    'pact-templates': NONE,
  },
};

const cases = ROLES.flatMap((role) => RESOURCES.map((resource) => [role, resource] as const));

describe(canAccess.name, () => {
  test.each(cases)('%s on %s', (role, resource) => {
    const allowed = Object.entries(ACTIONS)
      .filter(([, action]) => canAccess(role, resource, action))
      .map(([letter]) => letter)
      .join('');
    expect(allowed).toBe(EXPECTED[role][resource]);
  });

  it('denies everything without a known role', () => {
    for (const role of [undefined, null, '', 'admin', 'GUEST']) {
      expect(canAccess(role, 'pacts', 'list')).toBe(false);
    }
  });

  it('denies unknown resources and actions, even to an administrator', () => {
    expect(canAccess('ADMIN', 'settings-that-do-not-exist', 'list')).toBe(false);
    expect(canAccess('ADMIN', 'pacts', 'launch')).toBe(false);
  });

  it("answers the table's own actions too (transitions, assignment, the audit re-check)", () => {
    expect(canAccess('COMMUNITY_MAKER', 'pacts', 'submit')).toBe(true);
    expect(canAccess('COMMUNITY_MAKER', 'pacts', 'approve')).toBe(false);
    expect(canAccess('SOCIAL_WORKER', 'pacts', 'assign')).toBe(true);
    // the directory a picker reads, without the accounts page
    expect(canAccess('COMMUNITY_MAKER', 'users', 'pick')).toBe(true);
    expect(canAccess('COMMUNITY_MAKER', 'users', 'list')).toBe(false);
    expect(canAccess('MANAGER', 'audit-events', 'verify')).toBe(true);
    expect(canAccess('MANAGER', 'audit-events', 'verify-all')).toBe(false);
  });
});

describe('canAccess for a record of a territory', () => {
  const mine = [1, 2];

  it.each([
    ['community-labs', 'edit'],
    ['civic-centers', 'edit'],
    ['pact-templates', 'edit'],
    ['pact-templates', 'delete'],
    ['beneficiaries', 'delete'],
  ])(
    'lets a social worker change %s (%s) of their territories only, not the common ones',
    (resource, action) => {
      expect(canAccess('SOCIAL_WORKER', resource, action, { territoryId: 2 }, mine)).toBe(true);
      expect(canAccess('SOCIAL_WORKER', resource, action, { territoryId: 3 }, mine)).toBe(false);
      expect(canAccess('SOCIAL_WORKER', resource, action, { territoryId: null }, mine)).toBe(false);
      expect(canAccess('SOCIAL_WORKER', resource, action, { territoryId: 2 }, undefined)).toBe(
        false,
      );
      expect(canAccess('ADMIN', resource, action, { territoryId: null }, [])).toBe(true);
    },
  );

  it('leaves reading, and records without a territory, to the table', () => {
    expect(canAccess('SOCIAL_WORKER', 'community-labs', 'show', { territoryId: 3 }, mine)).toBe(
      true,
    );
    expect(canAccess('SOCIAL_WORKER', 'pact-templates', 'show', { territoryId: null }, mine)).toBe(
      true,
    );
    expect(canAccess('SOCIAL_WORKER', 'milestones', 'edit', { pactId: 9 }, mine)).toBe(true);
    expect(canAccess('MANAGER', 'community-labs', 'edit', { territoryId: 1 }, [1])).toBe(false);
  });
});

describe('canAccess for the possible duplicates', () => {
  it('offers the list to ADMIN only, and nothing else on it', () => {
    expect(canAccess('ADMIN', 'possible-duplicates', 'list')).toBe(true);
    for (const role of ['MANAGER', 'SOCIAL_WORKER', 'COMMUNITY_MAKER'])
      expect([role, canAccess(role, 'possible-duplicates', 'list')]).toEqual([role, false]);
    for (const action of ['show', 'create', 'edit', 'delete', 'export'])
      expect([action, canAccess('ADMIN', 'possible-duplicates', action)]).toEqual([action, false]);
  });
});
