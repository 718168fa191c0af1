import { PACT_STATUSES, ROLES, type PactStatus, type Role } from '@generattivi/shared';
import {
  canAddNote,
  canAssignMaker,
  canEditPact,
  canSeeAudit,
  canWriteMilestones,
} from './pactPermissions';

const OPEN: PactStatus[] = ['DRAFT', 'SUBMITTED', 'ACTIVE', 'SUSPENDED'];
const cases = ROLES.flatMap((role) => PACT_STATUSES.map((status) => [role, status] as const));

describe('pact permissions', () => {
  test.each(cases)('%s on a %s pact', (role: Role, status: PactStatus) => {
    const open = OPEN.includes(status);
    const caseManager = role === 'ADMIN' || role === 'SOCIAL_WORKER';
    expect(canEditPact(role, status)).toBe(
      caseManager ? open : role === 'COMMUNITY_MAKER' && status === 'DRAFT',
    );
    expect(canAssignMaker(role, status)).toBe(caseManager && open);
    expect(canWriteMilestones(role, status)).toBe(role !== 'MANAGER' && open);
  });

  it('lets everyone but managers write diary notes, and only ADMIN and MANAGER read the audit', () => {
    expect(ROLES.filter(canAddNote)).toEqual(['ADMIN', 'SOCIAL_WORKER', 'COMMUNITY_MAKER']);
    expect(ROLES.filter(canSeeAudit)).toEqual(['ADMIN', 'MANAGER']);
  });

  it('shows nothing without a role', () => {
    expect(canEditPact(undefined, 'DRAFT')).toBe(false);
    expect(canAssignMaker(undefined, 'DRAFT')).toBe(false);
    expect(canWriteMilestones(undefined, 'DRAFT')).toBe(false);
    expect(canAddNote(undefined)).toBe(false);
  });
});
