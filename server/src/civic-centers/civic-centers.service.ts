import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { columns } from '../common/list-columns';
import { PlacedRecords } from '../territories/placed-records';
import { venueList } from '../territories/venue-list';
import { CivicCenter } from './civic-center.entity';
import { CivicCenterRecord, toCivicCenterRecord } from './civic-center.record';
import {
  CIVIC_CENTER_READ_ONLY,
  CreateCivicCenterDto,
  UpdateCivicCenterDto,
} from './dto/civic-center.dto';

export const CIVIC_CENTER_LIST = venueList(
  'civic-centers',
  'c',
  columns([
    'id:int name:string territoryId:int municipality:string childrenReached:int',
    'adultsReached:int createdAt:instant updatedAt:instant',
  ]),
);

const OUTSIDE = {
  code: 'CIVIC_CENTER_NOT_IN_TERRITORY',
  message: 'you may edit only the Civic Centers of your territories',
} as const;

/**
 * Civic Centers: they describe the project, not people, so every role reads them all.
 * ADMIN and the social workers of the territory write; only ADMIN deletes.
 */
@Injectable()
export class CivicCentersService extends PlacedRecords(
  { entity: CivicCenter, toRecord: toCivicCenterRecord, readOnly: CIVIC_CENTER_READ_ONLY },
  CIVIC_CENTER_LIST,
  OUTSIDE,
) {
  create(caller: Caller, body: CreateCivicCenterDto): Promise<CivicCenterRecord> {
    return this.createPlaced(caller, body, () => ({
      childrenReached: body.childrenReached ?? 0,
      adultsReached: body.adultsReached ?? 0,
    }));
  }

  update(caller: Caller, id: number, body: UpdateCivicCenterDto): Promise<CivicCenterRecord> {
    return this.updatePlaced(caller, id, body, ({ current }) => ({
      childrenReached: body.childrenReached ?? current.childrenReached,
      adultsReached: body.adultsReached ?? current.adultsReached,
    }));
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
