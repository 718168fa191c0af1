import type { ErrorCode } from '@generattivi/shared';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../auth/caller';
import { worksInTerritory } from '../auth/scope';
import { ForbiddenError } from '../common/domain-error';
import { Place, resolvePlace } from './territory-place';

/** What a record placed in a territory (civic centers, laboratories) is sent with. */
export interface PlacedBody {
  name: string;
  territoryId: number;
  municipality?: string | null;
  description?: string | null;
}

/** A placed record as stored. */
export interface Placed {
  territoryId: number;
  municipality: string | null;
  description: string;
}

/** The refusal of an edit by someone who does not work in the record's territory. */
export interface OutsideTerritory {
  code: ErrorCode;
  message: string;
}

/**
 * The fields every placed record shares, as they are written: the name trimmed, the place
 * resolved (see resolvePlace), the description. On an edit (`current` given) the caller must
 * work in the record's present territory, and what the body leaves out stays as it is.
 */
export async function placedFields(
  tx: EntityManager,
  caller: Caller,
  body: PlacedBody,
  edit?: { current: Placed; outside: OutsideTerritory },
): Promise<{
  place: Place;
  fields: { name: string; territoryId: number; municipality: string | null; description: string };
}> {
  const current = edit?.current;
  if (edit && !worksInTerritory(caller, edit.current.territoryId))
    throw new ForbiddenError(edit.outside.code, {}, edit.outside.message);
  const municipality = body.municipality === undefined ? current?.municipality : body.municipality;
  const place = await resolvePlace(tx, caller, body.territoryId, municipality);
  return {
    place,
    fields: {
      name: body.name.trim(),
      territoryId: place.territory.id,
      municipality: place.municipality,
      description:
        body.description === undefined ? (current?.description ?? '') : (body.description ?? ''),
    },
  };
}
