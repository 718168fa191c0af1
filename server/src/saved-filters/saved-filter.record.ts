import type { SavedFilter as SavedFilterRecord } from '@generattivi/shared';
import type { SavedFilter } from './saved-filter.entity';

export function toSavedFilterRecord(f: SavedFilter): SavedFilterRecord {
  return {
    id: f.id,
    resource: f.resource,
    name: f.name,
    filter: JSON.parse(f.filter) as Record<string, unknown>,
    sort: f.sortField && f.sortOrder ? { field: f.sortField, order: f.sortOrder } : null,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
  };
}
