import type { CivicCenter as SharedCivicCenter } from '@generattivi/shared';
import type { CivicCenter } from './civic-center.entity';

export type CivicCenterRecord = SharedCivicCenter & { municipality: string | null };

export function toCivicCenterRecord(c: CivicCenter): CivicCenterRecord {
  return {
    id: c.id,
    name: c.name,
    territoryId: c.territoryId,
    municipality: c.municipality,
    description: c.description,
    childrenReached: c.childrenReached,
    adultsReached: c.adultsReached,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: c.version,
  };
}
