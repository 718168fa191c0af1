import type { CivicCenter as CivicCenterRecord } from '@generattivi/shared';
import type { CivicCenter } from './civic-center.entity';

export type { CivicCenterRecord };

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
  } satisfies CivicCenterRecord;
}
