import type { CommunityLab as CommunityLabRecord } from '@generattivi/shared';
import type { CommunityLab } from './community-lab.entity';

export type { CommunityLabRecord };

export function toCommunityLabRecord(l: CommunityLab): CommunityLabRecord {
  return {
    id: l.id,
    name: l.name,
    territoryId: l.territoryId,
    municipality: l.municipality,
    description: l.description,
    communityMakerIds: l.communityMakerIds,
    createdAt: l.createdAt,
    updatedAt: l.updatedAt,
    version: l.version,
  } satisfies CommunityLabRecord;
}
