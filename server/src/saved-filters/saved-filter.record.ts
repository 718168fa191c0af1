import type { SavedFilter } from './saved-filter.entity';

/** A saved filter as the API gives it. */
export interface SavedFilterRecord {
  id: number;
  resource: string;
  name: string;
  filter: Record<string, unknown>;
  sort: { field: string; order: 'ASC' | 'DESC' } | null;
  createdAt: string;
  updatedAt: string;
}

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
