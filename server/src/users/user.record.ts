import type { AuthUser, User as UserRecord } from '@generattivi/shared';
import type { User } from './user.entity';

/** What the API shows of a user: never the password hash or the token version. */
export type { UserRecord };

/** A user as stored and audited: the record without its load (`openPacts`), which is counted. */
export type StoredUserRecord = Omit<UserRecord, 'openPacts'>;

export function toUserRecord(u: User): StoredUserRecord {
  return {
    ...toSessionUser(u),
    active: u.active,
    digestFrequency: u.digestFrequency,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
    version: u.version,
  } satisfies StoredUserRecord;
}

/** The `user` object of login and /auth/me (API.md). */
export function toSessionUser(
  u: Pick<User, 'id' | 'email' | 'fullName' | 'role' | 'territoryIds' | 'mustChangePassword'>,
): AuthUser {
  return {
    id: u.id,
    email: u.email,
    fullName: u.fullName,
    role: u.role,
    territoryIds: u.territoryIds,
    mustChangePassword: u.mustChangePassword,
  } satisfies AuthUser;
}
