/**
 * List queries in react-admin "simple REST" form (API.md, "Resources"):
 * `?filter={...}&sort=["field","ASC"|"DESC"]&range=[start,end]`, JSON in the query string.
 *
 * `parseListQuery` checks the three parameters against a per-resource whitelist (`ListSpec`)
 * and turns them into a `ListQuery`; `applyListQuery` (apply-list-query.ts) turns that into
 * SQL with bound parameters. Nothing the client sends reaches SQL text: field names are
 * looked up in the spec, values are bound.
 *
 * Decisions:
 * - Without `range`, the first `defaultPageSize` rows (25). A getMany
 *   (`filter={"id":[...]}`, which react-admin sends without `range`) gets a page as large
 *   as its id list, so asking for 30 records by id returns 30.
 * - An empty "any of" array matches nothing: `{"status":[]}` → no rows, never all rows.
 * - `null` means IS NULL; inside an array (`[null, 3]`) it adds "or IS NULL".
 * - `q` splits on white space; every word must occur (case- and accent-insensitively:
 *   "ardigo" finds "Ardigò") in at least one of the resource's search columns. Words shorter
 *   than 3 characters are ignored, since no trigram index can serve them; a `q` with no
 *   longer word is a 400.
 * - `_gte`/`_lte` are inclusive. On an instant field they also take a date `YYYY-MM-DD`,
 *   meaning the whole UTC day: `_gte` from 00:00:00.000Z, `_lte` up to 23:59:59.999Z.
 * - Without `sort`, the resource's `defaultSort`; `id` always breaks ties (same direction).
 */
import {
  type CodedError,
  type FieldError,
  isIsoDate,
  parseIsoInstant,
  type QueryParamReason,
} from '@generattivi/shared';
import { jsonInputProblem, MAX_JSON_DEPTH } from '../input-limits';
import { INT32_MAX, INT32_MIN } from '../validators';

export type SortOrder = 'ASC' | 'DESC';
export type FieldType = 'int' | 'string' | 'enum' | 'date' | 'instant' | 'boolean' | 'decimal';

export interface ListField {
  /**
   * The entity property on the spec's alias (`status`), or `alias.property` on a joined
   * alias. TypeORM maps it to the real column name.
   */
  column: string;
  type: FieldType;
  /** The allowed values of an `enum` field. */
  values?: readonly string[];
  /** May appear in `filter` (default true). */
  filter?: boolean;
  /** May appear in `sort` (default true). */
  sort?: boolean;
  /** Accepts `<field>_gte` / `<field>_lte` (default: true for int, decimal, date, instant). */
  range?: boolean;
  /**
   * The column holds a JSON array of integers (`[1,3]`, as simple-json writes it): equality
   * means "contains", an array means "contains any of". Not sortable, no ranges.
   */
  jsonArray?: boolean;
}

export interface ListSpec<F extends string = string> {
  /** The collection name, as in `Content-Range: pacts 0-24/100`. */
  resource: string;
  /** The alias of the query builder's main entity. */
  alias: string;
  fields: Readonly<Record<F, ListField>>;
  /** Columns (same form as `ListField.column`) searched by `q`; without them `q` is a 400. */
  search?: readonly string[];
  /**
   * The table whose search columns have a search index (database/migrations/search-tables.ts):
   * its FTS5 table on SQLite; on PostgreSQL the GIN trigram indexes serve the same SQL as
   * for any table. Without it `q` compares every row (small tables only).
   */
  searchIndex?: string;
  /**
   * Related indexed tables `q` also reaches (needs `searchIndex`): a word matches the row when
   * it occurs in one of the spec's search columns OR in the related row's (a pact found by its
   * beneficiary's name). Each goes through the related table's search index.
   */
  searchVia?: readonly SearchVia[];
  /** Field and order without `sort`; `id` breaks ties. (NoInfer: field names come from `fields`.) */
  defaultSort: readonly [NoInfer<F>, SortOrder];
  /** Largest page a client may ask for (default 1000). */
  maxPage?: number;
  /** Rows returned without `range` (default 25). */
  defaultPageSize?: number;
}

/** A related table searched by `q` (ListSpec.searchVia); every name is the database's. */
export interface SearchVia {
  /** The column of the spec's table holding the related row's id (`beneficiary_id`). */
  column: string;
  /** The related table: one of database/migrations/search-tables.ts, FTS-indexed on SQLite. */
  table: string;
  /** Its searched columns, among those that table indexes. */
  columns: readonly string[];
}

/**
 * A checked filter value in its API form: int → number; decimal → decimal string;
 * string, enum, date → string; instant → ISO 8601 UTC (`2026-05-01T09:30:00.000Z`);
 * boolean → boolean. The driver form is chosen when the query is applied.
 */
export type FilterValue = string | number | boolean;

export type FilterCondition =
  | { readonly field: string; readonly op: 'eq'; readonly value: FilterValue }
  | { readonly field: string; readonly op: 'null' }
  | {
      readonly field: string;
      readonly op: 'in';
      readonly values: readonly FilterValue[];
      readonly orNull: boolean;
    }
  | { readonly field: string; readonly op: 'gte' | 'lte'; readonly value: FilterValue };

export interface ListQuery {
  readonly filters: readonly FilterCondition[];
  /** Words of `q`; each must match one search column. Empty: no search. */
  readonly search: readonly string[];
  readonly sort: { readonly field: string; readonly order: SortOrder };
  /** Inclusive, like the `range` parameter. */
  readonly range: { readonly start: number; readonly end: number };
}

/** The raw query-string values: JSON text, or undefined when absent. */
export interface RawListParams {
  filter?: unknown;
  sort?: unknown;
  range?: unknown;
}

/** Why a parameter was refused: a QUERY_PARAM reason, or a code of its own with its parameters. */
export type ListParamProblem =
  QueryParamReason | CodedError<'SEARCH_TOO_SHORT' | 'TOO_DEEP' | 'NUL_CHARACTER'>;

/** The field error of one refused parameter: its code, parameters and English wording. */
export function listParamError(
  param: string,
  problem: ListParamProblem,
  message: string,
): FieldError {
  return typeof problem === 'string'
    ? { code: 'QUERY_PARAM', params: { param, reason: problem }, message }
    : ({ ...problem, message } as FieldError);
}

/**
 * A 400 about list parameters: `fieldErrors` maps `filter` / `sort` / `range` to its code
 * and parameters, `errors` to the English wording of what is wrong.
 */
export class ListQueryError extends Error {
  override readonly name = 'ListQueryError';
  readonly errors: Readonly<Record<string, string>>;

  constructor(readonly fieldErrors: Readonly<Record<string, FieldError>>) {
    const entries = Object.entries(fieldErrors);
    super(entries.map(([param, { message }]) => `${param}: ${message}`).join('; '));
    this.errors = Object.fromEntries(entries.map(([param, { message }]) => [param, message]));
  }

  /** One parameter refused for one reason. */
  static of(param: string, problem: ListParamProblem, message: string): ListQueryError {
    return new ListQueryError({ [param]: listParamError(param, problem, message) });
  }
}

export const DEFAULT_MAX_PAGE = 1000;
export const DEFAULT_PAGE_SIZE = 25;
const MAX_SEARCH_LENGTH = 200;
const MAX_SEARCH_WORDS = 10;
/** Trigram indexes serve substrings of 3 characters or more. */
export const MIN_SEARCH_WORD = 3;

const RANGE_TYPES: ReadonlySet<FieldType> = new Set<FieldType>([
  'int',
  'decimal',
  'date',
  'instant',
]);

export const isFilterable = (field: ListField): boolean => field.filter !== false;
export const isSortable = (field: ListField): boolean => field.sort !== false && !field.jsonArray;
export const allowsRange = (field: ListField): boolean =>
  field.filter !== false && !field.jsonArray && (field.range ?? RANGE_TYPES.has(field.type));

export const maxPageOf = (spec: ListSpec): number => spec.maxPage ?? DEFAULT_MAX_PAGE;
const defaultPageSizeOf = (spec: ListSpec): number =>
  Math.min(spec.defaultPageSize ?? DEFAULT_PAGE_SIZE, maxPageOf(spec));

/** The spec's field of that name; never an inherited property such as `constructor`. */
export function fieldOf(spec: ListSpec, name: string): ListField | undefined {
  return Object.hasOwn(spec.fields, name) ? spec.fields[name] : undefined;
}

// ---------------------------------------------------------------------------------------
// Spec checks: a spec is code, so a bad one is a programming error found at start-up.

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const COLUMN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;
const checkedSpecs = new WeakSet<ListSpec>();

function specProblems(spec: ListSpec): string[] {
  const problems: string[] = [];
  const positive = (n: number | undefined) => n === undefined || (Number.isSafeInteger(n) && n > 0);
  if (!COLUMN.test(spec.alias) || spec.alias.includes('.')) problems.push(`alias "${spec.alias}"`);
  for (const [name, field] of Object.entries<ListField>(spec.fields)) {
    if (!FIELD_NAME.test(name) || name === 'q') problems.push(`field name "${name}"`);
    if (!COLUMN.test(field.column)) problems.push(`${name}: column "${field.column}"`);
    if ((field.type === 'enum') !== (field.values !== undefined && field.values.length > 0)) {
      problems.push(`${name}: an enum needs values, and only an enum has them`);
    }
    if (field.range === true && !RANGE_TYPES.has(field.type)) {
      problems.push(`${name}: ranges need an int, decimal, date or instant field`);
    }
  }
  const id = fieldOf(spec, 'id');
  if (!id || !isSortable(id)) problems.push('a sortable "id" field (the tiebreak) is required');
  const sortField = fieldOf(spec, spec.defaultSort[0]);
  if (!sortField || !isSortable(sortField)) problems.push(`defaultSort "${spec.defaultSort[0]}"`);
  for (const column of spec.search ?? []) {
    if (!COLUMN.test(column)) problems.push(`search column "${column}"`);
    if (spec.searchIndex && column.includes('.'))
      problems.push(`search column "${column}" is not of the indexed table`);
  }
  if (spec.searchIndex !== undefined && !/^[a-z_]+$/.test(spec.searchIndex))
    problems.push(`searchIndex "${spec.searchIndex}"`);
  const dbName = /^[a-z_]+$/;
  for (const via of spec.searchVia ?? []) {
    if (!spec.searchIndex) problems.push('searchVia needs searchIndex');
    if (![via.column, via.table, ...via.columns].every((name) => dbName.test(name)))
      problems.push(`searchVia ${via.table}.${via.column}: names must be lower_snake_case`);
    if (via.columns.length === 0) problems.push(`searchVia ${via.table}: no columns`);
  }
  if (!positive(spec.maxPage)) problems.push('maxPage must be a positive integer');
  if (!positive(spec.defaultPageSize)) problems.push('defaultPageSize must be a positive integer');
  return problems;
}

/** Throws when the spec is unusable; each spec is checked once. */
export function assertValidSpec(spec: ListSpec): void {
  if (checkedSpecs.has(spec)) return;
  const problems = specProblems(spec);
  if (problems.length > 0) {
    throw new Error(`ListSpec "${spec.resource}" is invalid: ${problems.join('; ')}`);
  }
  checkedSpecs.add(spec);
}

/** Declares a resource's list spec, typed (defaultSort must name a field) and checked now. */
export function defineListSpec<F extends string>(spec: ListSpec<F>): ListSpec<F> {
  assertValidSpec(spec);
  return spec;
}

// ---------------------------------------------------------------------------------------
// Parsing. A `Problem` is a client mistake inside one parameter; it never leaves this file.

class Problem extends Error {
  constructor(
    readonly why: ListParamProblem,
    message: string,
  ) {
    super(message);
  }
}

function fail(why: ListParamProblem, message: string): never {
  throw new Problem(why, message);
}

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

/** How a wrong value is shown back: `the string "12"`, `1.5`, `an object`, `null`. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  return String(value);
}

/** The decoded JSON of a query-string parameter, or undefined when absent. */
function decodeParam(raw: unknown, example: string): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (Array.isArray(raw)) fail('REPEATED', 'given more than once');
  if (typeof raw !== 'string') fail('NOT_JSON', `must be JSON text such as ${example}`);
  let decoded: unknown;
  try {
    decoded = JSON.parse(raw);
  } catch {
    return fail('NOT_JSON', `malformed JSON; expected something like ${example}`);
  }
  const problem = jsonInputProblem(decoded);
  if (problem) {
    const why: ListParamProblem =
      problem.code === 'TOO_DEEP'
        ? { code: 'TOO_DEEP', params: { max: MAX_JSON_DEPTH } }
        : { code: 'NUL_CHARACTER', params: {} };
    fail(why, problem.path ? `${problem.path} ${problem.problem}` : problem.problem);
  }
  return decoded;
}

// Values ---------------------------------------------------------------------------------

/** Within decimal(12,2) and far from what a double cannot hold (`1e400`, 400 digits). */
const DECIMAL_TEXT = /^-?\d{1,15}(\.\d{1,15})?$/;
const MAX_DECIMAL = 1e15;
const INSTANT_EXAMPLE = '2026-05-01T09:30:00Z';

function parseInstant(value: unknown, bound: 'gte' | 'lte' | undefined): string {
  if (typeof value === 'string') {
    if (bound !== undefined && isIsoDate(value)) {
      return `${value}T${bound === 'gte' ? '00:00:00.000' : '23:59:59.999'}Z`;
    }
    const instant = parseIsoInstant(value);
    if (instant !== undefined) return instant;
  }
  const alternative = bound !== undefined ? ' or a date YYYY-MM-DD' : '';
  return fail(
    'VALUE',
    `must be an ISO 8601 instant such as ${INSTANT_EXAMPLE}${alternative}, got ${describe(value)}`,
  );
}

/** One value checked against the field's type; `bound` is set for `_gte` / `_lte`. */
function parseValue(field: ListField, value: unknown, bound?: 'gte' | 'lte'): FilterValue {
  const got = `got ${describe(value)}`;
  switch (field.type) {
    case 'int':
      return Number.isInteger(value) && Number(value) >= INT32_MIN && Number(value) <= INT32_MAX
        ? (value as number)
        : fail('VALUE', `must be an integer from ${INT32_MIN} to ${INT32_MAX}, ${got}`);
    case 'decimal':
      if (typeof value === 'number' && Math.abs(value) < MAX_DECIMAL) return String(value);
      if (typeof value === 'string' && DECIMAL_TEXT.test(value)) return value;
      return fail('VALUE', `must be a number with at most 15 digits before the point, ${got}`);
    case 'string':
      return typeof value === 'string' ? value : fail('VALUE', `must be a string, ${got}`);
    case 'enum': {
      const values = field.values ?? [];
      return typeof value === 'string' && values.includes(value)
        ? value
        : fail('VALUE', `must be one of ${values.join(' | ')}, ${got}`);
    }
    case 'date':
      return isIsoDate(value) ? value : fail('VALUE', `must be a date YYYY-MM-DD, ${got}`);
    case 'instant':
      return parseInstant(value, bound);
    case 'boolean':
      return typeof value === 'boolean' ? value : fail('VALUE', `must be true or false, ${got}`);
  }
}

// filter ---------------------------------------------------------------------------------

function parseEquality(
  name: string,
  field: ListField,
  value: unknown,
  maxValues: number,
): FilterCondition {
  if (value === null) return { field: name, op: 'null' };
  if (!Array.isArray(value)) return { field: name, op: 'eq', value: parseValue(field, value) };
  const items: unknown[] = value;
  if (items.length > maxValues)
    fail('TOO_MANY_VALUES', `takes at most ${maxValues} values, got ${items.length}`);
  const values = items.filter((item) => item !== null).map((item) => parseValue(field, item));
  return { field: name, op: 'in', values, orNull: items.includes(null) };
}

function parseSearch(value: unknown): string[] {
  if (typeof value !== 'string') fail('VALUE', `must be a string, got ${describe(value)}`);
  if (value.length > MAX_SEARCH_LENGTH)
    fail('SEARCH_TOO_LONG', `must be at most ${MAX_SEARCH_LENGTH} characters`);
  const words = value.split(/\s+/).filter((word) => word !== '');
  if (words.length > MAX_SEARCH_WORDS)
    fail('SEARCH_TOO_LONG', `must be at most ${MAX_SEARCH_WORDS} words`);
  const usable = words.filter((word) => [...word].length >= MIN_SEARCH_WORD);
  if (words.length > 0 && usable.length === 0) {
    fail(
      { code: 'SEARCH_TOO_SHORT', params: { min: MIN_SEARCH_WORD } },
      `needs a word of at least ${MIN_SEARCH_WORD} characters (shorter words are ignored: no index can serve them)`,
    );
  }
  return usable;
}

const fieldNames = (spec: ListSpec, keep: (field: ListField) => boolean): string[] =>
  Object.entries<ListField>(spec.fields)
    .filter(([, field]) => keep(field))
    .map(([name]) => name);

function filterableList(spec: ListSpec): string {
  const names = [...fieldNames(spec, isFilterable), ...(spec.search?.length ? ['q'] : [])];
  const ranged = fieldNames(spec, allowsRange);
  const ranges = ranged.length ? `; ranges (_gte, _lte): ${ranged.join(', ')}` : '';
  return `filterable: ${names.join(', ')}${ranges}`;
}

const BOUND_KEY = /^(.+)_(gte|lte)$/;

/** A `filter` key that names no filterable field. */
class UnknownKey extends Error {}

interface ParsedFilter {
  filters: FilterCondition[];
  search: string[];
}

/** One `filter` key and its value → conditions, or a problem naming the key. */
function parseFilterEntry(key: string, value: unknown, spec: ListSpec): Partial<ParsedFilter> {
  if (key === 'q' && spec.search?.length) return { search: parseSearch(value) };
  const field = fieldOf(spec, key);
  if (field && isFilterable(field)) {
    return { filters: [parseEquality(key, field, value, maxPageOf(spec))] };
  }
  const bound = BOUND_KEY.exec(key);
  const base = bound ? fieldOf(spec, bound[1]) : undefined;
  if (!bound || !base || !isFilterable(base)) throw new UnknownKey(key);
  if (!allowsRange(base))
    fail('NO_RANGE', `is not allowed: ranges work on ${fieldNames(spec, allowsRange).join(', ')}`);
  const op = bound[2] as 'gte' | 'lte';
  return { filters: [{ field: bound[1], op, value: parseValue(base, value, op) }] };
}

function parseFilter(raw: unknown, spec: ListSpec): ParsedFilter {
  const decoded = decodeParam(raw, '{"status":"ACTIVE"}');
  const parsed: ParsedFilter = { filters: [], search: [] };
  if (decoded === undefined) return parsed;
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) {
    fail('SHAPE', `must be a JSON object such as {"status":"ACTIVE"}, got ${describe(decoded)}`);
  }
  const problems: Problem[] = [];
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(decoded)) {
    try {
      const entry = parseFilterEntry(key, value, spec);
      parsed.filters.push(...(entry.filters ?? []));
      parsed.search.push(...(entry.search ?? []));
    } catch (error) {
      if (error instanceof UnknownKey) unknown.push(quote(key));
      else if (error instanceof Problem)
        problems.push(new Problem(error.why, `${key} ${error.message}`));
      else throw error;
    }
  }
  if (unknown.length > 0) {
    const noun = unknown.length === 1 ? 'field' : 'fields';
    problems.push(
      new Problem(
        'UNKNOWN_FIELD',
        `unknown ${noun} ${unknown.join(', ')}; ${filterableList(spec)}`,
      ),
    );
  }
  // The first problem names the code; the message lists them all.
  if (problems.length > 0) fail(problems[0].why, problems.map((p) => p.message).join('; '));
  return parsed;
}

// sort -----------------------------------------------------------------------------------

const sortableList = (spec: ListSpec): string =>
  `sortable: ${fieldNames(spec, isSortable).join(', ')}`;

function parseSort(raw: unknown, spec: ListSpec): ListQuery['sort'] {
  const decoded = decodeParam(raw, '["id","ASC"]');
  if (decoded === undefined) return { field: spec.defaultSort[0], order: spec.defaultSort[1] };
  if (!Array.isArray(decoded) || decoded.length !== 2) {
    fail('SHAPE', `must be a JSON array ["field","ASC"|"DESC"], got ${describe(decoded)}`);
  }
  const [field, order]: unknown[] = decoded;
  if (typeof field !== 'string')
    fail('UNKNOWN_FIELD', `field must be a string, got ${describe(field)}`);
  const sortField = fieldOf(spec, field);
  if (!sortField) fail('UNKNOWN_FIELD', `unknown field ${quote(field)}; ${sortableList(spec)}`);
  if (!isSortable(sortField))
    fail('UNKNOWN_FIELD', `${quote(field)} cannot be sorted; ${sortableList(spec)}`);
  if (order !== 'ASC' && order !== 'DESC')
    fail('SORT_ORDER', `order must be "ASC" or "DESC", got ${describe(order)}`);
  return { field, order };
}

// range ----------------------------------------------------------------------------------

/** Rows without `range`: the default page, or the whole id list of a getMany. */
function defaultRows(spec: ListSpec, filter: ParsedFilter | undefined): number {
  const ids = filter?.filters.find((c) => c.field === 'id' && c.op === 'in');
  const asked = ids?.op === 'in' ? ids.values.length : 0;
  return Math.min(maxPageOf(spec), Math.max(defaultPageSizeOf(spec), asked));
}

function parseRange(raw: unknown, spec: ListSpec, rowsByDefault: number): ListQuery['range'] {
  const decoded = decodeParam(raw, '[0,24]');
  if (decoded === undefined) return { start: 0, end: rowsByDefault - 1 };
  if (!Array.isArray(decoded) || decoded.length !== 2) {
    fail('SHAPE', `must be a JSON array [start,end], got ${describe(decoded)}`);
  }
  const [start, end]: unknown[] = decoded;
  if (!Number.isSafeInteger(start))
    fail('RANGE_BOUNDS', `start must be an integer, got ${describe(start)}`);
  if (!Number.isSafeInteger(end))
    fail('RANGE_BOUNDS', `end must be an integer, got ${describe(end)}`);
  const [from, to] = [start as number, end as number];
  if (from < 0) fail('RANGE_BOUNDS', `start (${from}) must not be negative`);
  if (to < from) fail('RANGE_BOUNDS', `end (${to}) is before start (${from})`);
  const rows = to - from + 1;
  const max = maxPageOf(spec);
  if (rows > max)
    fail('PAGE_TOO_LARGE', `[${from},${to}] asks for ${rows} rows; at most ${max} per page`);
  return { start: from, end: to };
}

// ---------------------------------------------------------------------------------------

/**
 * Checks `filter`, `sort` and `range` (raw query-string values) against the spec.
 * Throws a `ListQueryError` naming every offending parameter.
 */
export function parseListQuery(raw: RawListParams, spec: ListSpec): ListQuery {
  assertValidSpec(spec);
  const errors: Record<string, FieldError> = {};
  const attempt = <T>(param: string, parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      errors[param] = listParamError(param, error.why, error.message);
      return undefined;
    }
  };
  const filter = attempt('filter', () => parseFilter(raw.filter, spec));
  const sort = attempt('sort', () => parseSort(raw.sort, spec));
  const range = attempt('range', () => parseRange(raw.range, spec, defaultRows(spec, filter)));
  if (!filter || !sort || !range) throw new ListQueryError(errors);
  return { filters: filter.filters, search: filter.search, sort, range };
}
