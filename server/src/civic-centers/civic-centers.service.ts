import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { columns } from '../common/list-columns';
import { defineListSpec } from '../common/list-query';
import { ReadByEveryone } from '../common/read-by-everyone';
import { assertNoReadOnlyOnCreate, createRecord, updateRecord } from '../common/versioned-update';
import { placedFields } from '../territories/placed-fields';
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
  fields: columns([
    'id:int name:string territoryId:int municipality:string childrenReached:int',
    'adultsReached:int createdAt:instant updatedAt:instant',
  ]),
  search: ['name', 'description'],
  defaultSort: ['name', 'ASC'],
});

const CIVIC_CENTER = {
  entity: CivicCenter,
  resource: 'civic-centers',
  toRecord: toCivicCenterRecord,
  readOnly: CIVIC_CENTER_READ_ONLY,
} as const;

const OUTSIDE = {
  code: 'CIVIC_CENTER_NOT_IN_TERRITORY',
  message: 'you may edit only the Civic Centers of your territories',
} as const;

/**
 * Civic Centers: they describe the project, not people, so every role reads them all.
 * ADMIN and the social workers of the territory write; only ADMIN deletes.
 */
@Injectable()
export class CivicCentersService extends ReadByEveryone(CivicCenter, CIVIC_CENTER_LIST) {
  async create(caller: Caller, body: CreateCivicCenterDto): Promise<CivicCenterRecord> {
    assertNoReadOnlyOnCreate(body, [...CIVIC_CENTER_READ_ONLY, 'version']);
    return this.uow.run(async (tx) => {
      const { fields } = await placedFields(tx, caller, body);
      return createRecord({ tx, audit: this.audit, actorId: caller.id }, CIVIC_CENTER, {
        ...fields,
        childrenReached: body.childrenReached ?? 0,
        adultsReached: body.adultsReached ?? 0,
      });
    });
  }

  async update(caller: Caller, id: number, body: UpdateCivicCenterDto): Promise<CivicCenterRecord> {
    return this.uow.run(async (tx) => {
      const current = await this.get(id, tx);
      const writer = { tx, audit: this.audit, actorId: caller.id };
      return updateRecord(writer, CIVIC_CENTER, current, body, async () => ({
        ...(await placedFields(tx, caller, body, { current, outside: OUTSIDE })).fields,
        childrenReached: body.childrenReached ?? current.childrenReached,
        adultsReached: body.adultsReached ?? current.adultsReached,
      }));
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
