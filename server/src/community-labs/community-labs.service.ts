import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { worksInTerritory } from '../auth/scope';
import { constraintViolation } from '../common/constraint-violation';
import { ConflictError, FieldsError, ForbiddenError, NotFoundError } from '../common/domain-error';
import {
  defineListSpec,
  findList,
  ListResult,
  parseListQuery,
  RawListParams,
} from '../common/list-query';
import { UnitOfWork } from '../common/unit-of-work';
import {
  assertNoReadOnlyOnCreate,
  assertReadOnlyUnchanged,
  updateVersioned,
  versionConflict,
} from '../common/versioned-update';
import { resolvePlace } from '../territories/territory-place';
import { Pact } from '../pacts/pact.entity';
import { Territory } from '../territories/territory.entity';
import { User } from '../users/user.entity';
import { CommunityLab } from './community-lab.entity';
import { CommunityLabRecord, toCommunityLabRecord } from './community-lab.record';
import {
  COMMUNITY_LAB_READ_ONLY,
  CreateCommunityLabDto,
  UpdateCommunityLabDto,
} from './dto/community-lab.dto';
import { fieldError } from '../common/error-body';

export const COMMUNITY_LAB_LIST = defineListSpec({
  resource: 'community-labs',
  alias: 'l',
  fields: {
    id: { column: 'id', type: 'int' },
    name: { column: 'name', type: 'string' },
    territoryId: { column: 'territoryId', type: 'int' },
    municipality: { column: 'municipality', type: 'string' },
    communityMakerIds: { column: 'communityMakerIds', type: 'int', jsonArray: true },
    createdAt: { column: 'createdAt', type: 'instant' },
    updatedAt: { column: 'updatedAt', type: 'instant' },
  },
  search: ['name', 'description'],
  defaultSort: ['name', 'ASC'],
});

/**
 * Laboratori di comunità: they describe the project, not people, so every role reads them all.
 * ADMIN and the social workers of the territory write; only ADMIN deletes.
 */
@Injectable()
export class CommunityLabsService {
  constructor(
    @InjectRepository(CommunityLab) private readonly labs: Repository<CommunityLab>,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  list(raw: RawListParams): Promise<ListResult<CommunityLab>> {
    return findList(
      this.labs.createQueryBuilder('l'),
      parseListQuery(raw, COMMUNITY_LAB_LIST),
      COMMUNITY_LAB_LIST,
    );
  }

  async get(id: number, tx?: EntityManager): Promise<CommunityLab> {
    const lab = await (tx ? tx.getRepository(CommunityLab) : this.labs).findOneBy({ id });
    if (!lab) throw new NotFoundError('community-labs', id);
    return lab;
  }

  async create(caller: Caller, body: CreateCommunityLabDto): Promise<CommunityLabRecord> {
    assertNoReadOnlyOnCreate(body, [...COMMUNITY_LAB_READ_ONLY, 'version']);
    return this.uow.run(async (tx) => {
      const place = await resolvePlace(tx, caller, body.territoryId, body.municipality);
      const saved = await tx.save(
        tx.create(CommunityLab, {
          name: body.name.trim(),
          territoryId: place.territory.id,
          municipality: place.municipality,
          description: body.description ?? '',
          communityMakerIds: await checkedMakers(tx, body.communityMakerIds ?? [], place.territory),
        }),
      );
      const record = toCommunityLabRecord(await tx.findOneByOrFail(CommunityLab, { id: saved.id }));
      await this.audit.created(tx, caller.id, 'community-labs', record.id, record);
      return record;
    });
  }

  async update(
    caller: Caller,
    id: number,
    body: UpdateCommunityLabDto,
  ): Promise<CommunityLabRecord> {
    return this.uow.run(async (tx) => {
      const current = await this.get(id, tx);
      // A stale record also carries a stale updatedAt: the version speaks first (409, not 400).
      if (body.version !== current.version) throw versionConflict(body.version, current.version);
      const before = toCommunityLabRecord(current);
      assertReadOnlyUnchanged(body, before, COMMUNITY_LAB_READ_ONLY);
      if (!worksInTerritory(caller, current.territoryId)) {
        throw new ForbiddenError(
          'LAB_NOT_IN_TERRITORY',
          {},
          'you may edit only the community laboratories of your territories',
        );
      }
      const municipality =
        body.municipality === undefined ? current.municipality : body.municipality;
      const place = await resolvePlace(tx, caller, body.territoryId, municipality);
      const wrote = await updateVersioned(
        tx,
        CommunityLab,
        id,
        body.version,
        {
          name: body.name.trim(),
          territoryId: place.territory.id,
          municipality: place.municipality,
          description:
            body.description === undefined ? current.description : (body.description ?? ''),
          communityMakerIds: await checkedMakers(
            tx,
            body.communityMakerIds ?? current.communityMakerIds,
            place.territory,
          ),
        },
        current,
      );
      if (!wrote) return before;
      const after = toCommunityLabRecord(await tx.findOneByOrFail(CommunityLab, { id }));
      await this.audit.updated(tx, caller.id, 'community-labs', id, before, after);
      return after;
    });
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
