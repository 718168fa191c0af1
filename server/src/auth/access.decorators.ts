import { SetMetadata } from '@nestjs/common';
import type { Role } from '@generattivi/shared';

export const ACCESS_KEY = 'generattivi:access';

/** Who may call a route. Every route declares one; the global guard denies the rest. */
export type AccessRule = { public: true } | { roles: readonly Role[] };

/** Anyone, without a token (health, login, the admin's files). */
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies AccessRule);

/** Signed-in callers with one of these roles; record-level scope is checked by the services. */
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { roles } satisfies AccessRule);

export const ALL_ROLES: readonly Role[] = ['ADMIN', 'MANAGER', 'SOCIAL_WORKER', 'COMMUNITY_MAKER'];

/** Any signed-in caller. */
export const AnyRole = () => Roles(...ALL_ROLES);
