import { Injectable } from '@nestjs/common';
import { TERRITORY_CODES } from '@generattivi/shared';
import type { Caller } from '../auth/caller';
import { ConflictError } from '../common/domain-error';
import { columns } from '../common/list-columns';
import { defineListSpec } from '../common/list-query';
import { ReadByEveryone } from '../common/read-by-everyone';
import { createRecord, updateRecord } from '../common/versioned-update';
import { CreateTerritoryDto, UpdateTerritoryDto } from './dto/territory.dto';
import { Territory } from './territory.entity';

export const TERRITORY_LIST = defineListSpec({
  resource: 'territories',
  alias: 't',
  fields: columns('id:int code:enum name:string', {
    code: { values: TERRITORY_CODES },
  }),
  search: ['name', 'municipalities'],
  defaultSort: ['id', 'ASC'],
});

const TERRITORY = {
  entity: Territory,
  resource: 'territories',
  toRecord: (t: Territory) => t,
  readOnly: ['id', 'code', 'createdAt', 'updatedAt'],
} as const;

/** The three ambiti: read by everyone, edited (name, municipalities) by ADMIN. */
@Injectable()
export class TerritoriesService extends ReadByEveryone(Territory, TERRITORY_LIST) {
  async create(caller: Caller, body: CreateTerritoryDto): Promise<Territory> {
    return this.uow.run(async (tx) => {
      if (await tx.existsBy(Territory, { code: body.code })) {
        throw new ConflictError(
          'DUPLICATE_CODE',
          { code: body.code },
          `code: territory ${body.code} already exists`,
        );
      }
      return createRecord({ tx, audit: this.audit, actorId: caller.id }, TERRITORY, {
        code: body.code,
        name: body.name.trim(),
        municipalities: body.municipalities,
      });
    });
  }

  async update(caller: Caller, id: number, body: UpdateTerritoryDto): Promise<Territory> {
    return this.uow.run(async (tx) => {
      const writer = { tx, audit: this.audit, actorId: caller.id };
      return updateRecord(writer, TERRITORY, await this.get(id, tx), body, () => ({
        name: body.name.trim(),
        municipalities: body.municipalities,
      }));
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
