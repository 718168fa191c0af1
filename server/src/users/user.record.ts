import type { User } from './user.entity';

/** What the API shows of a user: never the password hash or the token version. */
export interface UserRecord {
  id: number;
  email: string;
  fullName: string;
  role: User['role'];
  territoryIds: number[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function toUserRecord(u: User): UserRecord {
  return {
    id: u.id,
    email: u.email,
    fullName: u.fullName,
    role: u.role,
    territoryIds: u.territoryIds,
    active: u.active,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
    version: u.version,
  };
}

/** The `user` object of login and /auth/me (API.md). */
export function toSessionUser(
  u: Pick<User, 'id' | 'email' | 'fullName' | 'role' | 'territoryIds'>,
) {
  return {
    id: u.id,
    email: u.email,
    fullName: u.fullName,
    role: u.role,
    territoryIds: u.territoryIds,
  };
}
