import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { Caller } from '../auth/caller';
import { constraintViolation } from '../common/constraint-violation';
import { ConflictError, FieldsError } from '../common/domain-error';
import { fieldError } from '../common/error-body';
import { columns } from '../common/list-columns';
import { Pact } from '../pacts/pact.entity';
import { PlacedRecords } from '../territories/placed-records';
import { Territory } from '../territories/territory.entity';
import { venueList } from '../territories/venue-list';
import { User } from '../users/user.entity';
import { CommunityLab } from './community-lab.entity';
import { CommunityLabRecord, toCommunityLabRecord } from './community-lab.record';
import {
  COMMUNITY_LAB_READ_ONLY,
  CreateCommunityLabDto,
  UpdateCommunityLabDto,
} from './dto/community-lab.dto';

export const COMMUNITY_LAB_LIST = venueList(
  'community-labs',
  'l',
  columns(
    [
      'id:int name:string territoryId:int municipality:string communityMakerIds:int',
      'createdAt:instant updatedAt:instant',
    ],
    { communityMakerIds: { jsonArray: true } },
  ),
);

const OUTSIDE = {
  code: 'LAB_NOT_IN_TERRITORY',
  message: 'you may edit only the community laboratories of your territories',
} as const;

/**
 * Laboratori di comunità: they describe the project, not people, so every role reads them all.
 * ADMIN and the social workers of the territory write; only ADMIN deletes.
 */
@Injectable()
export class CommunityLabsService extends PlacedRecords(
  { entity: CommunityLab, toRecord: toCommunityLabRecord, readOnly: COMMUNITY_LAB_READ_ONLY },
  COMMUNITY_LAB_LIST,
  OUTSIDE,
) {
  create(caller: Caller, body: CreateCommunityLabDto): Promise<CommunityLabRecord> {
    return this.createPlaced(caller, body, async ({ tx, place }) => ({
      communityMakerIds: await checkedMakers(tx, body.communityMakerIds ?? [], place.territory),
    }));
  }

  update(caller: Caller, id: number, body: UpdateCommunityLabDto): Promise<CommunityLabRecord> {
    return this.updatePlaced(caller, id, body, async ({ tx, place, current }) => ({
      communityMakerIds: await checkedMakers(
        tx,
        body.communityMakerIds ?? current.communityMakerIds,
        place.territory,
      ),
    }));
  }

  /** ADMIN only; refused while a pact names the laboratory. */
  async remove(caller: Caller, id: number): Promise<CommunityLabRecord> {
    try {
      return await this.uow.run(async (tx) => {
        const record = toCommunityLabRecord(await this.get(id, tx));
        const pacts = await tx.countBy(Pact, { communityLabId: id });
        if (pacts > 0) {
          throw new ConflictError(
            'REFERENCED',
            { resource: 'community-labs', id, count: pacts },
            `community-labs ${id} is named by ${pacts} pact${pacts === 1 ? '' : 's'} and cannot be deleted`,
          );
        }
        await tx.delete(CommunityLab, { id });
        await this.audit.deleted(tx, caller.id, 'community-labs', id, record);
        return record;
      });
    } catch (error) {
      if (constraintViolation(error) !== 'foreign-key') throw error;
      throw new ConflictError(
        'REFERENCED_MEANWHILE',
        { resource: 'community-labs', id },
        `community-labs ${id} was named by a pact meanwhile and cannot be deleted`,
      );
    }
  }
}

/** Each id an active community maker working in the territory; sorted, without repeats. */
async function checkedMakers(
  tx: EntityManager,
  ids: readonly number[],
  territory: Territory,
): Promise<number[]> {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  if (unique.length === 0) return unique;
  const users = await tx.findBy(User, { id: In(unique) });
  const fits = (id: number) =>
    users.some(
      (u) =>
        u.id === id &&
        u.active &&
        u.role === 'COMMUNITY_MAKER' &&
        u.territoryIds.includes(territory.id),
    );
  const wrong = unique.filter((id) => !fits(id));
  if (wrong.length > 0) {
    throw new FieldsError({
      communityMakerIds: fieldError(
        'MAKERS_OF_TERRITORY',
        { ids: wrong.join(', '), territory: territory.name },
        `${wrong.length === 1 ? 'user' : 'users'} ${wrong.join(', ')}: not an active community maker working in ${territory.name}`,
      ),
    });
  }
  return unique;
}
