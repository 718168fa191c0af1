import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TERRITORY_CODES } from '@generattivi/shared';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { ConflictError, NotFoundError } from '../common/domain-error';
import {
  defineListSpec,
  findList,
  ListResult,
  parseListQuery,
  RawListParams,
} from '../common/list-query';
import { UnitOfWork } from '../common/unit-of-work';
import { assertReadOnlyUnchanged, updateVersioned } from '../common/versioned-update';
import { CreateTerritoryDto, UpdateTerritoryDto } from './dto/territory.dto';
import { Territory } from './territory.entity';

export const TERRITORY_LIST = defineListSpec({
  resource: 'territories',
  alias: 't',
  fields: {
    id: { column: 'id', type: 'int' },
    code: { column: 'code', type: 'enum', values: TERRITORY_CODES },
    name: { column: 'name', type: 'string' },
  },
  search: ['name', 'municipalities'],
  defaultSort: ['id', 'ASC'],
});

/** The three ambiti: read by everyone, edited (name, municipalities) by ADMIN. */
@Injectable()
export class TerritoriesService {
  constructor(
    @InjectRepository(Territory) private readonly territories: Repository<Territory>,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  list(raw: RawListParams): Promise<ListResult<Territory>> {
    return findList(
      this.territories.createQueryBuilder('t'),
      parseListQuery(raw, TERRITORY_LIST),
      TERRITORY_LIST,
    );
  }

  async get(id: number): Promise<Territory> {
    const t = await this.territories.findOneBy({ id });
    if (!t) throw new NotFoundError('territories', id);
    return t;
  }

  async create(caller: Caller, body: CreateTerritoryDto): Promise<Territory> {
    return this.uow.run(async (tx) => {
      if (await tx.existsBy(Territory, { code: body.code })) {
        throw new ConflictError(
          'DUPLICATE_CODE',
          { code: body.code },
          `code: territory ${body.code} already exists`,
        );
      }
      const saved = await tx.save(
        tx.create(Territory, {
          code: body.code,
          name: body.name.trim(),
          municipalities: body.municipalities,
        }),
      );
      await this.audit.created(tx, caller.id, 'territories', saved.id, saved);
      return saved;
    });
  }

  async update(caller: Caller, id: number, body: UpdateTerritoryDto): Promise<Territory> {
    const current = await this.get(id);
    assertReadOnlyUnchanged(body, current, ['id', 'code', 'createdAt', 'updatedAt']);
    return this.uow.run(async (tx) => {
      const wrote = await updateVersioned(
        tx,
        Territory,
        id,
        body.version,
        { name: body.name.trim(), municipalities: body.municipalities },
        current,
      );
      if (!wrote) return current;
      const updated = await tx.findOneByOrFail(Territory, { id });
      await this.audit.updated(tx, caller.id, 'territories', id, current, updated);
      return updated;
    });
  }

  async remove(id: number): Promise<never> {
    await this.get(id);
    throw new ConflictError(
      'TERRITORY_REFERENCED',
      { id },
      `territories ${id}: a territory is referenced by accounts and case records and cannot be deleted`,
    );
  }
}
