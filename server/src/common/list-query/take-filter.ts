import { ListQueryError, type RawListParams } from './list-query';

/**
 * Takes derived filters (such as a milestone's `overdue`) out of `filter` before the
 * whitelist check, so the resource can turn them into SQL of its own. Returns the rest of
 * the parameters unchanged and the taken values (undefined when absent).
 */
export function takeFilters<K extends string>(
  raw: RawListParams,
  keys: readonly K[],
): { rest: RawListParams; taken: Partial<Record<K, unknown>> } {
  if (typeof raw.filter !== 'string' || raw.filter.trim() === '') return { rest: raw, taken: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.filter);
  } catch {
    throw ListQueryError.of('filter', 'NOT_JSON', 'is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    return { rest: raw, taken: {} };
  const filter = { ...(parsed as Record<string, unknown>) };
  const taken: Partial<Record<K, unknown>> = {};
  for (const key of keys) {
    if (key in filter) {
      taken[key] = filter[key];
      delete filter[key];
    }
  }
  return { rest: { ...raw, filter: JSON.stringify(filter) }, taken };
}

/**
 * A 400 (MASKED_FIELD) naming the `keys` the filter uses: fields the reader sees masked or not
 * at all, which a filter or a search would reveal.
 */
export function refuseMaskedFilters(raw: RawListParams, keys: readonly string[]): void {
  const used = Object.keys(takeFilters(raw, keys).taken);
  if (used.length > 0) {
    throw ListQueryError.of(
      'filter',
      'MASKED_FIELD',
      `${used.join(', ')}: masked or hidden for your role, and cannot be filtered or searched on`,
    );
  }
}
