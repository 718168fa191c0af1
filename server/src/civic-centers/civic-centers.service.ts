import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { worksInTerritory } from '../auth/scope';
import { ForbiddenError, NotFoundError } from '../common/domain-error';
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
import { CivicCenter } from './civic-center.entity';
import { CivicCenterRecord, toCivicCenterRecord } from './civic-center.record';
import {
  CIVIC_CENTER_READ_ONLY,
  CreateCivicCenterDto,
  UpdateCivicCenterDto,
} from './dto/civic-center.dto';

export const CIVIC_CENTER_LIST = defineListSpec({
  resource: 'civic-centers',
  alias: 'c',
  fields: {
    id: { column: 'id', type: 'int' },
    name: { column: 'name', type: 'string' },
    territoryId: { column: 'territoryId', type: 'int' },
    municipality: { column: 'municipality', type: 'string' },
    childrenReached: { column: 'childrenReached', type: 'int' },
    adultsReached: { column: 'adultsReached', type: 'int' },
    createdAt: { column: 'createdAt', type: 'instant' },
    updatedAt: { column: 'updatedAt', type: 'instant' },
  },
  search: ['name', 'description'],
  defaultSort: ['name', 'ASC'],
});

/**
 * Civic Centers: they describe the project, not people, so every role reads them all.
 * ADMIN and the social workers of the territory write; only ADMIN deletes.
 */
@Injectable()
export class CivicCentersService {
  constructor(
    @InjectRepository(CivicCenter) private readonly centers: Repository<CivicCenter>,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  list(raw: RawListParams): Promise<ListResult<CivicCenter>> {
    return findList(
      this.centers.createQueryBuilder('c'),
      parseListQuery(raw, CIVIC_CENTER_LIST),
      CIVIC_CENTER_LIST,
    );
  }

  async get(id: number, tx?: EntityManager): Promise<CivicCenter> {
    const center = await (tx ? tx.getRepository(CivicCenter) : this.centers).findOneBy({ id });
    if (!center) throw new NotFoundError('civic-centers', id);
    return center;
  }

  async create(caller: Caller, body: CreateCivicCenterDto): Promise<CivicCenterRecord> {
    assertNoReadOnlyOnCreate(body, [...CIVIC_CENTER_READ_ONLY, 'version']);
    return this.uow.run(async (tx) => {
      const place = await resolvePlace(tx, caller, body.territoryId, body.municipality);
      const saved = await tx.save(
        tx.create(CivicCenter, {
          name: body.name.trim(),
          territoryId: place.territory.id,
          municipality: place.municipality,
          description: body.description ?? '',
          childrenReached: body.childrenReached ?? 0,
          adultsReached: body.adultsReached ?? 0,
        }),
      );
      const record = toCivicCenterRecord(await tx.findOneByOrFail(CivicCenter, { id: saved.id }));
      await this.audit.created(tx, caller.id, 'civic-centers', record.id, record);
      return record;
    });
  }

  async update(caller: Caller, id: number, body: UpdateCivicCenterDto): Promise<CivicCenterRecord> {
    return this.uow.run(async (tx) => {
      const current = await this.get(id, tx);
      // A stale record also carries a stale updatedAt: the version speaks first (409, not 400).
      if (body.version !== current.version) throw versionConflict(body.version, current.version);
      const before = toCivicCenterRecord(current);
      assertReadOnlyUnchanged(body, before, CIVIC_CENTER_READ_ONLY);
      if (!worksInTerritory(caller, current.territoryId)) {
        throw new ForbiddenError(
          'CIVIC_CENTER_NOT_IN_TERRITORY',
          {},
          'you may edit only the Civic Centers of your territories',
        );
      }
      const municipality =
        body.municipality === undefined ? current.municipality : body.municipality;
      const place = await resolvePlace(tx, caller, body.territoryId, municipality);
      const wrote = await updateVersioned(
        tx,
        CivicCenter,
        id,
        body.version,
        {
          name: body.name.trim(),
          territoryId: place.territory.id,
          municipality: place.municipality,
          description:
            body.description === undefined ? current.description : (body.description ?? ''),
          childrenReached: body.childrenReached ?? current.childrenReached,
          adultsReached: body.adultsReached ?? current.adultsReached,
        },
        current,
      );
      if (!wrote) return before;
      const after = toCivicCenterRecord(await tx.findOneByOrFail(CivicCenter, { id }));
      await this.audit.updated(tx, caller.id, 'civic-centers', id, before, after);
      return after;
    });
  }

  /** ADMIN only; nothing references a Civic Center. */
  async remove(caller: Caller, id: number): Promise<CivicCenterRecord> {
    return this.uow.run(async (tx) => {
      const record = toCivicCenterRecord(await this.get(id, tx));
      await tx.delete(CivicCenter, { id });
      await this.audit.deleted(tx, caller.id, 'civic-centers', id, record);
      return record;
    });
  }
}
