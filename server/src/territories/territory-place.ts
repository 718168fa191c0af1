import type { EntityManager } from 'typeorm';
import type { Caller } from '../auth/caller';
import { worksInTerritory } from '../auth/scope';
import { FieldsError, ForbiddenError } from '../common/domain-error';
import { PREFETCHED, recallPrefetched } from '../common/prefetched';
import { Territory } from './territory.entity';
import { fieldError } from '../common/error-body';

export interface Place {
  territory: Territory;
  /** As the territory spells it; null when none was given. */
  municipality: string | null;
}

/**
 * Where a record is written: an existing territory (else 400) the caller works in (else 403)
 * and, when given, one of its municipalities (else 400), matched ignoring case and
 * surrounding spaces and stored as the territory spells it.
 */
export async function resolvePlace(
  tx: EntityManager,
  caller: Caller,
  territoryId: number,
  municipality: string | null | undefined,
): Promise<Place> {
  const known = recallPrefetched<Territory | null>(tx, PREFETCHED.territory, territoryId);
  const territory = known ? known.value : await tx.findOneBy(Territory, { id: territoryId });
  if (!territory)
    throw new FieldsError({
      territoryId: fieldError(
        'NO_SUCH_RECORD',
        { resource: 'territories', id: territoryId },
        `no territory ${territoryId}`,
      ),
    });
  if (!worksInTerritory(caller, territory.id)) {
    throw new ForbiddenError(
      'NOT_IN_TERRITORY',
      { territory: territory.name },
      `you do not work in territory ${territory.code}`,
    );
  }
  const wanted = municipality?.trim().toLocaleLowerCase('it');
  if (!wanted) return { territory, municipality: null };
  const found = territory.municipalities.find((m) => m.toLocaleLowerCase('it') === wanted);
  if (!found) {
    throw new FieldsError({
      municipality: fieldError(
        'NOT_MUNICIPALITY_OF',
        { territory: territory.name },
        `is not a municipality of ${territory.name}`,
      ),
    });
  }
  return { territory, municipality: found };
}
