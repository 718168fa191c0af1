import { PACT_TYPES, isIsoDate, type PactType } from '@generattivi/shared';
import type { ReportQuery } from '../providers/reports';

/** The dashboard's filters read from the page address (`?territoryId=2&type=AUTONOMY&from=…`). */
export function reportQueryFrom(search: URLSearchParams): ReportQuery {
  const query: ReportQuery = {};
  const territoryId = Number(search.get('territoryId'));
  if (Number.isInteger(territoryId) && territoryId > 0) query.territoryId = territoryId;
  const type = search.get('type');
  if (type && (PACT_TYPES as readonly string[]).includes(type)) query.type = type as PactType;
  for (const key of ['from', 'to'] as const) {
    const value = search.get(key);
    if (value && isIsoDate(value)) query[key] = value;
  }
  return query;
}

/** The page address's parameters for the dashboard's filters: only those set, in one order. */
export function reportQuerySearch(query: ReportQuery): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of ['territoryId', 'type', 'from', 'to'] as const) {
    const value = query[key];
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  return search;
}
