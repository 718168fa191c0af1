import { ROLES, type Resource, type Role } from '@generattivi/shared';

/**
 * What a role may do with a collection, at the menu and button level (DOMAIN.md "Who may do
 * what"). The server stays authoritative: it applies the record scope (territories, assigned
 * pacts) and the rules that depend on a record's state (a community maker edits DRAFT pacts only).
 */
type Level = 'read' | 'append' | 'update' | 'write' | 'manage';

const READ = ['list', 'show', 'export'];
const ACTIONS: Record<Level, readonly string[]> = {
  read: READ,
  append: [...READ, 'create', 'clone'],
  update: [...READ, 'edit'],
  write: [...READ, 'create', 'clone', 'edit'],
  manage: [...READ, 'create', 'clone', 'edit', 'delete'],
};

/** Diary notes are append-only; assignments and audit events are written by the server only. */
const APPEND_ONLY = { notes: 'append', assignments: 'read', 'audit-events': 'read' } as const;

const ACCESS: Record<Role, Partial<Record<Resource, Level>>> = {
  ADMIN: {
    territories: 'manage',
    users: 'manage',
    beneficiaries: 'manage',
    households: 'manage',
    pacts: 'manage',
    milestones: 'manage',
    'community-labs': 'manage',
    'civic-centers': 'manage',
    ...APPEND_ONLY,
  },
  MANAGER: {
    territories: 'read',
    users: 'read',
    beneficiaries: 'read',
    households: 'read',
    pacts: 'read',
    milestones: 'read',
    notes: 'read',
    assignments: 'read',
    'community-labs': 'read',
    'civic-centers': 'read',
    'audit-events': 'read',
  },
  SOCIAL_WORKER: {
    territories: 'read',
    beneficiaries: 'write',
    households: 'write',
    pacts: 'write',
    milestones: 'write',
    notes: 'append',
    assignments: 'read',
    'community-labs': 'read',
    'civic-centers': 'read',
  },
  COMMUNITY_MAKER: {
    territories: 'read',
    beneficiaries: 'read',
    households: 'read',
    pacts: 'update',
    milestones: 'write',
    notes: 'append',
    assignments: 'read',
    'community-labs': 'read',
    'civic-centers': 'read',
  },
};

const isRole = (role: unknown): role is Role => ROLES.includes(role as Role);

/** True when `role` may perform the react-admin `action` (list, show, create, edit…) on `resource`. */
export function canAccess(role: unknown, resource: string, action: string): boolean {
  if (!isRole(role)) return false;
  const level = ACCESS[role][resource as Resource];
  return level !== undefined && ACTIONS[level].includes(action);
}
