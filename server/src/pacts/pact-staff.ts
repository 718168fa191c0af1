import type { ErrorCode, Role } from '@generattivi/shared';
import type { EntityManager } from 'typeorm';
import { CommunityLab } from '../community-labs/community-lab.entity';
import { FieldsError } from '../common/domain-error';
import { fieldError } from '../common/error-body';
import { User } from '../users/user.entity';

/** The people a pact names, each with the field and the error that refuses a wrong one. */
const STAFF = {
  socialWorkerId: {
    role: 'SOCIAL_WORKER',
    code: 'SOCIAL_WORKER_OF_TERRITORY',
    message: 'must be an active social worker of the pact territory',
  },
  communityMakerId: {
    role: 'COMMUNITY_MAKER',
    code: 'MAKER_OF_TERRITORY',
    message: 'must be an active community maker working in the pact territory',
  },
} as const satisfies Record<string, { role: Role; code: ErrorCode; message: string }>;

/** User `id` is active, has the field's role and works in the pact's territory; else a 400. */
export async function assertStaff(
  tx: EntityManager,
  field: keyof typeof STAFF,
  id: number,
  territoryId: number,
): Promise<void> {
  const { role, code, message } = STAFF[field];
  const u = await tx.findOneBy(User, { id });
  if (!u || !u.active || u.role !== role || !u.territoryIds.includes(territoryId))
    throw new FieldsError({ [field]: fieldError(code, {}, message) });
}

/** Laboratory `id` belongs to the pact's territory; else a 400. */
export async function assertLab(tx: EntityManager, id: number, territoryId: number): Promise<void> {
  const lab = await tx.findOneBy(CommunityLab, { id });
  if (!lab || lab.territoryId !== territoryId)
    throw new FieldsError({
      communityLabId: fieldError(
        'LAB_OF_TERRITORY',
        {},
        'must be a community laboratory of the pact territory',
      ),
    });
}
