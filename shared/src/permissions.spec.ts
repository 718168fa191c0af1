import { DOCUMENT_KINDS, RESOURCES, ROLES } from './enums';
import { PACT_TRANSITIONS } from './pact-state-machine';
import {
  ACTIONS,
  documentKindsFor,
  grantOf,
  isAllowed,
  mayRemoveDocument,
  PERMISSION_RESOURCES,
  PERMISSIONS,
  personViewOf,
  rolesAllowed,
  SCOPES,
  transitionPermission,
} from './permissions';

/** DOMAIN.md "Who may do what", row by row. */
describe('the permission table', () => {
  it('covers every API collection, with only known actions, roles and grants', () => {
    expect(PERMISSION_RESOURCES).toEqual(expect.arrayContaining([...RESOURCES]));
    for (const resource of PERMISSION_RESOURCES) {
      for (const [action, grants] of Object.entries(PERMISSIONS[resource])) {
        expect(ACTIONS).toContain(action);
        expect(Object.keys(grants ?? {}).sort()).toEqual([...ROLES].sort());
        for (const grant of Object.values(grants ?? {})) {
          expect([true, false, ...SCOPES]).toContain(grant);
        }
      }
    }
  });

  it('case records: all for ADMIN and MANAGER, the territories of a social worker, the pacts of a maker', () => {
    for (const resource of [
      'beneficiaries',
      'households',
      'pacts',
      'milestones',
      'notes',
    ] as const) {
      for (const action of ['list', 'show'] as const) {
        expect(grantOf('ADMIN', resource, action)).toBe(true);
        expect(grantOf('MANAGER', resource, action)).toBe(true);
        expect(grantOf('SOCIAL_WORKER', resource, action)).toBe('own-territories');
        expect(grantOf('COMMUNITY_MAKER', resource, action)).toBe('assigned');
      }
    }
  });

  it('pact templates: managed by ADMIN and social workers, read by the manager, not by makers', () => {
    for (const action of ['create', 'edit', 'delete'] as const) {
      expect(rolesAllowed('pact-templates', action)).toEqual(['ADMIN', 'SOCIAL_WORKER']);
      expect(grantOf('SOCIAL_WORKER', 'pact-templates', action)).toBe('own-territories');
    }
    expect(rolesAllowed('pact-templates', 'list')).toEqual(['ADMIN', 'MANAGER', 'SOCIAL_WORKER']);
    expect(rolesAllowed('assignments', 'hand-over')).toEqual(['ADMIN', 'SOCIAL_WORKER']);
  });

  it('the manager writes nothing', () => {
    for (const resource of PERMISSION_RESOURCES) {
      for (const action of ACTIONS.filter(
        (a) => !['list', 'show', 'pick', 'export', 'verify'].includes(a),
      )) {
        // signing out, changing one's own password
        if (resource === 'session' && ['delete', 'edit'].includes(action)) continue;
        // Their own list filters, notifications and profile: not case records.
        if (['saved-filters', 'notifications', 'profile'].includes(resource)) continue;
        expect([resource, action, isAllowed('MANAGER', resource, action)]).toEqual([
          resource,
          action,
          false,
        ]);
      }
    }
  });

  it('the mail outbox: the administrator alone reads it and sends a message again', () => {
    for (const action of ['list', 'show', 'edit'] as const)
      expect(rolesAllowed('mail-outbox', action)).toEqual(['ADMIN']);
    expect(rolesAllowed('mail-outbox', 'delete')).toEqual([]);
    expect(rolesAllowed('session', 'edit')).toEqual([...ROLES]);
  });

  it('saved filters: everyone keeps their own, and never edits one', () => {
    for (const action of ['list', 'show', 'create', 'delete'] as const)
      expect(rolesAllowed('saved-filters', action)).toEqual([...ROLES]);
    expect(rolesAllowed('saved-filters', 'edit')).toEqual([]);
  });

  it('notifications and profile: everyone reads and edits their own', () => {
    for (const action of ['list', 'edit'] as const)
      expect(rolesAllowed('notifications', action)).toEqual([...ROLES]);
    for (const action of ['show', 'edit'] as const)
      expect(rolesAllowed('profile', action)).toEqual([...ROLES]);
    expect(rolesAllowed('notifications', 'delete')).toEqual([]);
  });

  it('beneficiaries and households: created, edited and deleted by ADMIN and the social worker of the territory', () => {
    for (const resource of ['beneficiaries', 'households'] as const) {
      for (const action of ['create', 'edit', 'delete'] as const) {
        expect(rolesAllowed(resource, action)).toEqual(['ADMIN', 'SOCIAL_WORKER']);
        expect(grantOf('SOCIAL_WORKER', resource, action)).toBe('own-territories');
      }
    }
  });

  it('pacts: the maker edits, submits and prints their pacts (the manager never prints one); only ADMIN and the social worker do the rest', () => {
    expect(rolesAllowed('pacts', 'create')).toEqual(['ADMIN', 'SOCIAL_WORKER']);
    expect(rolesAllowed('pacts', 'delete')).toEqual(['ADMIN', 'SOCIAL_WORKER']);
    expect(rolesAllowed('pacts', 'assign')).toEqual(['ADMIN', 'SOCIAL_WORKER']);
    expect(grantOf('COMMUNITY_MAKER', 'pacts', 'edit')).toBe('assigned');
    expect(grantOf('COMMUNITY_MAKER', 'pacts', 'submit')).toBe('assigned');
    expect(ROLES.map((role) => grantOf(role, 'pacts', 'print'))).toEqual([
      true,
      false,
      'own-territories',
      'assigned',
    ]);
    for (const action of [
      'approve',
      'send-back',
      'suspend',
      'resume',
      'complete',
      'terminate',
      'cancel',
    ] as const) {
      expect(rolesAllowed('pacts', action)).toEqual(['ADMIN', 'SOCIAL_WORKER']);
      expect(grantOf('SOCIAL_WORKER', 'pacts', action)).toBe('own-territories');
    }
  });

  it('documents: read as their owner, the content not by the manager, added and removed by those who work on the owner', () => {
    expect(ROLES.map((role) => grantOf(role, 'documents', 'list'))).toEqual([
      true,
      true,
      'own-territories',
      'assigned',
    ]);
    expect(rolesAllowed('documents', 'show')).toEqual(rolesAllowed('documents', 'list'));
    for (const action of ['download', 'create', 'delete'] as const) {
      expect(ROLES.map((role) => grantOf(role, 'documents', action))).toEqual([
        true,
        false,
        'own-territories',
        'assigned',
      ]);
    }
    expect(rolesAllowed('documents', 'edit')).toEqual([]);
  });

  it('gives the state machine its roles: one table', () => {
    for (const t of PACT_TRANSITIONS) {
      expect(t.roles).toEqual(rolesAllowed('pacts', transitionPermission(t.action)));
      expect(ACTIONS).toContain(transitionPermission(t.action));
    }
    expect(transitionPermission('SEND_BACK')).toBe('send-back');
  });

  it('milestones and diary notes: the social worker of the territory and the maker of the pact; notes are never edited nor deleted', () => {
    for (const action of ['create', 'edit', 'delete'] as const) {
      expect(rolesAllowed('milestones', action)).toEqual([
        'ADMIN',
        'SOCIAL_WORKER',
        'COMMUNITY_MAKER',
      ]);
    }
    expect(grantOf('COMMUNITY_MAKER', 'milestones', 'delete')).toBe('assigned');
    expect(rolesAllowed('notes', 'create')).toEqual(['ADMIN', 'SOCIAL_WORKER', 'COMMUNITY_MAKER']);
    expect(rolesAllowed('notes', 'edit', 'delete')).toEqual([]);
    expect(rolesAllowed('assignments', 'create', 'edit', 'delete')).toEqual([]);
  });

  it('reports: all, their territories, their own caseload', () => {
    expect(ROLES.map((role) => grantOf(role, 'reports', 'show'))).toEqual([
      true,
      true,
      'own-territories',
      'own-caseload',
    ]);
  });

  it('the audit trail: ADMIN and MANAGER read it, nobody writes it, ADMIN starts the full re-check', () => {
    expect(rolesAllowed('audit-events', 'list', 'show', 'verify')).toEqual(['ADMIN', 'MANAGER']);
    expect(rolesAllowed('audit-events', 'create', 'edit', 'delete')).toEqual([]);
    expect(rolesAllowed('audit-events', 'verify-all')).toEqual(['ADMIN']);
  });

  it('users and territories: only ADMIN writes them; the accounts page is for ADMIN and MANAGER, the directory for everyone', () => {
    expect(rolesAllowed('territories', 'list')).toEqual([...ROLES]);
    expect(rolesAllowed('users', 'list')).toEqual(['ADMIN', 'MANAGER']);
    expect(rolesAllowed('users', 'show')).toEqual(['ADMIN', 'MANAGER']);
    expect(rolesAllowed('users', 'pick')).toEqual([...ROLES]);
    expect(rolesAllowed('users', 'list', 'pick')).toEqual([...ROLES]);
    for (const resource of ['users', 'territories'] as const) {
      for (const action of ['create', 'edit', 'delete'] as const) {
        expect(rolesAllowed(resource, action)).toEqual(['ADMIN']);
      }
    }
    expect(rolesAllowed('beneficiaries', 'access-log')).toEqual(['ADMIN']);
    expect(rolesAllowed('beneficiaries', 'possible-duplicates')).toEqual(['ADMIN']);
  });

  it('refuses an action the table does not list', () => {
    expect(grantOf('ADMIN', 'notes', 'edit')).toBe(false);
    expect(isAllowed('ADMIN', 'alerts', 'delete')).toBe(false);
    expect(rolesAllowed('pacts')).toEqual([]);
  });
});

describe(documentKindsFor.name, () => {
  it('offers every kind to those who upload, evidence on pacts and milestones to a community maker', () => {
    expect(documentKindsFor('SOCIAL_WORKER', 'beneficiaries')).toEqual(DOCUMENT_KINDS);
    expect(documentKindsFor('ADMIN', 'households')).toEqual(DOCUMENT_KINDS);
    expect(documentKindsFor('COMMUNITY_MAKER', 'pacts')).toEqual(['EVIDENCE']);
    expect(documentKindsFor('COMMUNITY_MAKER', 'milestones')).toEqual(['EVIDENCE']);
    expect(documentKindsFor('COMMUNITY_MAKER', 'beneficiaries')).toEqual([]);
    expect(documentKindsFor('COMMUNITY_MAKER', 'households')).toEqual([]);
    expect(documentKindsFor('MANAGER', 'pacts')).toEqual([]);
  });
});

describe(mayRemoveDocument.name, () => {
  it('lets those who write remove any kind, a community maker their evidence only, a manager none', () => {
    for (const kind of DOCUMENT_KINDS) {
      expect(mayRemoveDocument('SOCIAL_WORKER', kind)).toBe(true);
      expect(mayRemoveDocument('MANAGER', kind)).toBe(false);
      expect(mayRemoveDocument('COMMUNITY_MAKER', kind)).toBe(kind === 'EVIDENCE');
    }
  });
});

describe(personViewOf.name, () => {
  it('gives each role what it needs of a person and no more', () => {
    expect(Object.fromEntries(ROLES.map((role) => [role, personViewOf(role)]))).toEqual({
      ADMIN: { names: 'full', birth: 'date', fiscalCode: 'full', contacts: true },
      SOCIAL_WORKER: { names: 'full', birth: 'date', fiscalCode: 'full', contacts: true },
      COMMUNITY_MAKER: { names: 'full', birth: 'year', fiscalCode: 'none', contacts: true },
      MANAGER: { names: 'initials', birth: 'year', fiscalCode: 'masked', contacts: false },
    });
  });
});
