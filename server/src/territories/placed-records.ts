import type { DeepPartial, EntityManager, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Caller } from '../auth/caller';
import { ReadByEveryone } from '../common/read-by-everyone';
import {
  assertNoReadOnlyOnCreate,
  createRecord,
  SavedResource,
  updateRecord,
} from '../common/versioned-update';
import { OutsideTerritory, Placed, PlacedBody, placedFields } from './placed-fields';
import type { Place } from './territory-place';
import type { VenueList } from './venue-list';

/** A resource placed in a territory, as it is saved (its name is its list's). */
export interface PlacedResource<E, R> extends Omit<SavedResource<E, R>, 'resource'> {
  entity: new () => E;
}

/**
 * The base of the service of a record placed in a territory (civic centers, laboratories):
 * everyone reads it (ReadByEveryone); create and update write the fields every placed record
 * shares (placedFields) plus those the resource adds (`extra`, given the transaction, the
 * resolved place and, on an update, the stored record).
 */
export function PlacedRecords<
  E extends ObjectLiteral & Placed & { id: number; version: number },
  R extends object,
>(placed: PlacedResource<E, R>, spec: VenueList, outside: OutsideTerritory) {
  const target = { ...placed, resource: spec.resource };
  abstract class Writes extends ReadByEveryone(target.entity, spec) {
    protected createPlaced(
      caller: Caller,
      body: PlacedBody,
      extra: (at: { tx: EntityManager; place: Place }) => Promise<DeepPartial<E>> | DeepPartial<E>,
    ): Promise<R> {
      assertNoReadOnlyOnCreate(body, [...target.readOnly, 'version']);
      return this.uow.run(async (tx) => {
        const { place, fields } = await placedFields(tx, caller, body);
        return createRecord({ tx, audit: this.audit, actorId: caller.id }, target, {
          ...fields,
          ...(await extra({ tx, place })),
        } as DeepPartial<E>);
      });
    }

    protected updatePlaced(
      caller: Caller,
      id: number,
      body: PlacedBody & { version: number },
      extra: (at: {
        tx: EntityManager;
        place: Place;
        current: E;
      }) => Promise<QueryDeepPartialEntity<E>> | QueryDeepPartialEntity<E>,
    ): Promise<R> {
      return this.uow.run(async (tx) => {
        const current = await this.get(id, tx);
        const writer = { tx, audit: this.audit, actorId: caller.id };
        return updateRecord(writer, target, current, body, async () => {
          const edit = { current, outside };
          const { place, fields } = await placedFields(tx, caller, body, edit);
          return {
            ...fields,
            ...(await extra({ tx, place, current })),
          } as QueryDeepPartialEntity<E>;
        });
      });
    }
  }
  return Writes;
}
