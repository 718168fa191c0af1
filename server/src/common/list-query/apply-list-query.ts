/**
 * A checked `ListQuery` → WHERE / ORDER BY / paging on a TypeORM query builder.
 * Column names come from the spec, every value is a bound parameter, and the SQL is the
 * same on SQLite and PostgreSQL (explicit NULLS FIRST / LAST) but for free-text search,
 * which goes through each engine's search index (searchWhere).
 */
import { In, type FindOptionsWhere, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import {
  assertValidSpec,
  fieldOf,
  type FilterCondition,
  type FilterValue,
  type ListField,
  type ListQuery,
  type ListSpec,
} from './list-query';
import { foldText } from '../../database/sqlite-functions';
import { SqliteReader } from '../../database/sqlite-reader';

export interface ListResult<T> {
  rows: T[];
  /** Rows matching the filter, all pages together. */
  total: number;
  /** Index of `rows[0]` in the whole list (the `range` start). */
  start: number;
}

const SQLITE_DRIVERS: ReadonlySet<string> = new Set([
  'sqlite',
  'better-sqlite3',
  'sqljs',
  'capacitor',
  'cordova',
  'react-native',
  'expo',
  'nativescript',
]);

/** A filter value as the driver must receive it. */
type ToParameter = (field: ListField, value: FilterValue) => FilterValue;

/**
 * SQLite keeps booleans as 0/1 and decimals as numbers; TypeORM converts a lone boolean
 * but not the items of an `IN (:...list)`, and better-sqlite3 refuses to bind `true`.
 * Instants and dates are ISO text on both engines (database/columns.ts) and pass as they are.
 */
function parameterConverter(driverType: string): ToParameter {
  if (!SQLITE_DRIVERS.has(driverType)) return (_field, value) => value;
  return (field, value) => {
    if (typeof value === 'boolean') return value ? 1 : 0;
    return field.type === 'decimal' ? Number(value) : value;
  };
}

/** `status` → `pact.status`; `territory.code` (a joined alias) stays as it is. */
function columnRef(spec: ListSpec, column: string): string {
  return column.includes('.') ? column : `${spec.alias}.${column}`;
}

/** Escapes LIKE wildcards so that the user's `%` and `_` match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

type Where = { sql: string; params: Record<string, unknown> };

function conditionWhere(cond: FilterCondition, spec: ListSpec, toParameter: ToParameter): Where {
  const field = fieldOf(spec, cond.field);
  if (!field) throw new Error(`ListQuery names "${cond.field}", unknown to ${spec.resource}`);
  const col = columnRef(spec, field.column);
  const name = `lq_${cond.field}_${cond.op}`;
  if (field.jsonArray) return jsonArrayWhere(cond, col, name);
  switch (cond.op) {
    case 'null':
      return { sql: `${col} IS NULL`, params: {} };
    case 'eq':
      return { sql: `${col} = :${name}`, params: { [name]: toParameter(field, cond.value) } };
    case 'gte':
    case 'lte': {
      const operator = cond.op === 'gte' ? '>=' : '<=';
      return {
        sql: `${col} ${operator} :${name}`,
        params: { [name]: toParameter(field, cond.value) },
      };
    }
    case 'in': {
      if (cond.values.length === 0)
        return { sql: cond.orNull ? `${col} IS NULL` : '1 = 0', params: {} };
      const values = cond.values.map((value) => toParameter(field, value));
      const orNull = cond.orNull ? ` OR ${col} IS NULL` : '';
      return { sql: `(${col} IN (:...${name})${orNull})`, params: { [name]: values } };
    }
  }
}

/**
 * Membership in a JSON integer array, portable to both engines: `[1,3]` becomes `,1,3,`
 * and each wanted value is looked up as `%,<n>,%`.
 */
function jsonArrayWhere(cond: FilterCondition, col: string, name: string): Where {
  const listed = `(',' || REPLACE(REPLACE(${col}, '[', ''), ']', '') || ',')`;
  const values = cond.op === 'eq' ? [cond.value] : cond.op === 'in' ? cond.values : [];
  if (cond.op === 'null' || values.length === 0) return { sql: '1 = 0', params: {} };
  const params: Record<string, unknown> = {};
  const likes = values.map((value, i) => {
    params[`${name}_${i}`] = `%,${Number(value)},%`;
    return `${listed} LIKE :${name}_${i}`;
  });
  return { sql: `(${likes.join(' OR ')})`, params };
}

const snakeCase = (property: string) => property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A word as one FTS5 string: matched as a substring, quotes doubled. */
const ftsString = (word: string) => `"${word.replace(/"/g, '""')}"`;

/**
 * Each word must occur in at least one search column, case- and accent-insensitively.
 * SQLite, indexed table: one MATCH on its FTS5 trigram table (which folds case and accents
 * itself), restricted to the spec's columns. Otherwise `generattivi_fold(column) LIKE` the
 * folded word: on PostgreSQL the big tables' GIN trigram indexes are on exactly that
 * expression; on SQLite the function is registered per connection (sqlite-functions.ts).
 */
function searchWhere(words: readonly string[], spec: ListSpec, sqlite: boolean): Where[] {
  const columns = (spec.search ?? []).map((column) => columnRef(spec, column));
  if (words.length > 0 && columns.length === 0) {
    throw new Error(`ListQuery searches ${spec.resource}, which declares no search columns`);
  }
  if (words.length === 0) return [];
  if (spec.searchIndex && spec.searchVia?.length) return searchViaWhere(words, spec, sqlite);
  if (sqlite && spec.searchIndex) {
    const fts = `"${spec.searchIndex}_search"`;
    const id = columnRef(spec, fieldOf(spec, 'id')?.column ?? 'id');
    const filter = (spec.search ?? []).map(snakeCase).join(' ');
    const match = `{${filter}} : (${words.map(ftsString).join(' AND ')})`;
    return [
      {
        sql: `${id} IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH :lq_q)`,
        params: { lq_q: match },
      },
    ];
  }
  return words.map((word, i) => {
    const name = `lq_q_${i}`;
    const pattern = sqlite ? ':' + name : `generattivi_fold(:${name})`;
    const likes = columns.map((col) => `generattivi_fold(${col}) LIKE ${pattern} ESCAPE '\\'`);
    return {
      sql: `(${likes.join(' OR ')})`,
      params: { [name]: `%${escapeLike(foldText(word))}%` },
    };
  });
}

/** `generattivi_fold(col) LIKE` the folded word, for each column, OR-ed. */
function foldedLikes(columns: readonly string[], param: string, sqlite: boolean): string {
  const pattern = sqlite ? ':' + param : `generattivi_fold(:${param})`;
  const likes = columns.map((col) => `generattivi_fold(${col}) LIKE ${pattern} ESCAPE '\\'`);
  return `(${likes.join(' OR ')})`;
}

/**
 * Search of a spec with related tables (`searchVia`): each word must occur in one of the
 * table's search columns or in one of a related row's. Per word, the ids of the matching rows
 * are a UNION of index lookups: the table's own index, and for each related table the rows
 * whose reference is among the related ids its index finds (through the index on the
 * reference column). SQLite: the FTS5 tables; PostgreSQL: the GIN trigram indexes.
 */
function searchViaWhere(words: readonly string[], spec: ListSpec, sqlite: boolean): Where[] {
  const table = `"${spec.searchIndex}"`;
  const id = columnRef(spec, fieldOf(spec, 'id')?.column ?? 'id');
  const own = (spec.search ?? []).map(snakeCase);
  const fts = (name: string) => `"${name}_search"`;
  return words.map((word, i) => {
    const params: Record<string, unknown> = {};
    const ownParam = `lq_q_${i}`;
    const like = `%${escapeLike(foldText(word))}%`;
    const branches: string[] = [];
    if (sqlite) {
      params[ownParam] = `{${own.join(' ')}} : ${ftsString(word)}`;
      branches.push(
        `SELECT rowid FROM ${fts(spec.searchIndex!)} WHERE ${fts(spec.searchIndex!)} MATCH :${ownParam}`,
      );
    } else {
      params[ownParam] = like;
      const columns = own.map((c) => `lq_s."${c}"`);
      branches.push(
        `SELECT lq_s.id FROM ${table} lq_s WHERE ${foldedLikes(columns, ownParam, false)}`,
      );
    }
    spec.searchVia!.forEach((via, k) => {
      const param = `lq_q_${i}_via_${k}`;
      let related: string;
      if (sqlite) {
        params[param] = `{${via.columns.join(' ')}} : ${ftsString(word)}`;
        related = `SELECT rowid FROM ${fts(via.table)} WHERE ${fts(via.table)} MATCH :${param}`;
      } else {
        params[param] = like;
        const columns = via.columns.map((c) => `lq_v."${c}"`);
        related = `SELECT lq_v.id FROM "${via.table}" lq_v WHERE ${foldedLikes(columns, param, false)}`;
      }
      branches.push(`SELECT lq_s.id FROM ${table} lq_s WHERE lq_s."${via.column}" IN (${related})`);
    });
    return { sql: `${id} IN (${branches.join(' UNION ')})`, params };
  });
}

/**
 * Adds only the query's filter and search, AND-ed to what `qb` already has: for a count or
 * an aggregate over the same rows (or over a table with the same field names).
 */
export function applyListFilter<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: ListSpec,
): SelectQueryBuilder<T> {
  assertValidSpec(spec);
  const driver = qb.connection.options.type;
  const toParameter = parameterConverter(driver);
  const wheres = [
    ...query.filters.map((cond) => conditionWhere(cond, spec, toParameter)),
    ...searchWhere(query.search, spec, SQLITE_DRIVERS.has(driver)),
  ];
  for (const { sql, params } of wheres) qb.andWhere(sql, params);
  return qb;
}

/**
 * Adds the query's filter, search, sort (with `id` as tiebreak; NULLs sort as the largest
 * values on both engines) and page. Conditions are AND-ed to what `qb` already has: wrap an
 * existing OR in brackets. Uses skip/take, which stays correct with joined collections.
 */
export function applyListQuery<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: ListSpec,
): SelectQueryBuilder<T> {
  applyListFilter(qb, query, spec);
  applySort(qb, query, spec);
  const { start, end } = query.range;
  return qb.skip(start).take(end - start + 1);
}

/** ORDER BY the query's sort, with `id` as tiebreak; NULLs sort as the largest values. */
function applySort<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: ListSpec,
): SelectQueryBuilder<T> {
  const { field, order } = query.sort;
  const sortField = fieldOf(spec, field);
  const idField = fieldOf(spec, 'id');
  if (!sortField || !idField) {
    throw new Error(`ListQuery sorts ${spec.resource} by unknown "${field}"`);
  }
  // A column that is never NULL sorts without the NULLS clause, which lets SQLite walk an
  // index in order (its default puts NULLs first when ascending, so the clause defeats it).
  const nulls = mayBeNull(qb, sortField.column)
    ? order === 'ASC'
      ? 'NULLS LAST'
      : 'NULLS FIRST'
    : undefined;
  qb.addOrderBy(columnRef(spec, sortField.column), order, nulls);
  if (field !== 'id') qb.addOrderBy(columnRef(spec, idField.column), order);
  return qb;
}

/** Whether the main entity's column may hold NULL (true when the column is not its own). */
function mayBeNull<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string): boolean {
  const alias = qb.expressionMap.mainAlias;
  if (!alias?.hasMetadata || column.includes('.')) return true;
  return alias.metadata.findColumnWithPropertyPath(column)?.isNullable ?? true;
}

/** The SQLite file a search on an indexed table is read from off the main thread, if any. */
function offloadedSearchPath<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: ListSpec,
): string | undefined {
  if (!spec.searchIndex || query.search.length === 0) return undefined;
  return sqliteFile(qb);
}

/** The file of a better-sqlite3 connection (not an in-memory one), if it is one. */
function sqliteFile<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): string | undefined {
  const options = qb.connection.options;
  if (options.type !== 'better-sqlite3') return undefined;
  const path = options.database;
  return typeof path === 'string' && path !== '' && path !== ':memory:' ? path : undefined;
}

/**
 * A search over a big SQLite table may match tens of thousands of rows, and counting and
 * sorting them takes longer than any request may hold the event loop: the ids of the page
 * and the total are read in a worker thread (SqliteReader), then the page's rows are loaded
 * by id here. The statements go to the data source's logger as if run here.
 */
async function findListOffMainThread<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: ListSpec,
  path: string,
): Promise<ListResult<T>> {
  applyListFilter(qb, query, spec);
  const id = columnRef(spec, fieldOf(spec, 'id')!.column);
  const { start, end } = query.range;
  const page = applySort(qb.clone().select(id, 'id'), query, spec)
    .offset(start)
    .limit(end - start + 1);
  const count = qb.clone().select('COUNT(*)', 'n');
  const [idRows, countRows] = (await readOffMainThread(qb, path, [page, count])) as [
    Array<{ id: number }>,
    Array<{ n: number }>,
  ];
  const rows = await rowsByIds(
    qb,
    idRows.map((r) => r.id),
  );
  return { rows, total: Number(countRows[0]?.n ?? 0), start };
}

/** Runs `queries` in the SQLite reader thread; the statements go to the data source's logger. */
function readOffMainThread<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  path: string,
  queries: Array<SelectQueryBuilder<T>>,
): Promise<unknown[][]> {
  const statements = queries.map((q) => {
    const [sql, parameters] = q.getQueryAndParameters();
    qb.connection.logger.logQuery(sql, parameters);
    return { sql, parameters };
  });
  return SqliteReader.for(path).all(statements) as Promise<unknown[][]>;
}

/** The main entity's rows of `ids`, in that order (one query). */
async function rowsByIds<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  ids: number[],
): Promise<T[]> {
  if (ids.length === 0) return [];
  const target = qb.expressionMap.mainAlias!.target;
  const found = (await qb.connection
    .getRepository(target)
    .findBy({ id: In(ids) } as FindOptionsWhere<ObjectLiteral>)) as T[];
  const byId = new Map(found.map((row) => [(row as unknown as { id: number }).id, row]));
  return ids.map((i) => byId.get(i)).filter((row): row is T => row !== undefined);
}

/** Applies the query and runs it with its count: one page and the total. */
export async function findList<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: ListSpec,
): Promise<ListResult<T>> {
  const path = offloadedSearchPath(qb, query, spec);
  if (path) return findListOffMainThread(qb, query, spec, path);
  const [rows, total] = await applyListQuery(qb, query, spec).getManyAndCount();
  return { rows, total, start: query.range.start };
}

// The `Content-Range` header react-admin reads: `pacts 0-24/100`; for an empty page (nothing
// matched, or a range past the end) `pacts */0` or `pacts */100`, whose total still counts.
export function contentRange(
  resource: string,
  start: number,
  rowsReturned: number,
  total: number,
): string {
  return rowsReturned > 0
    ? `${resource} ${start}-${start + rowsReturned - 1}/${total}`
    : `${resource} */${total}`;
}

/**
 * The ids of every row the query matches, in its order, at most `limit` (the range is
 * ignored). A sort SQLite cannot take from an index may take a while over a big table: on
 * SQLite it runs in the reader thread, so the event loop goes on meanwhile.
 */
export async function listIds<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: ListSpec,
  limit: number,
): Promise<number[]> {
  const id = columnRef(spec, fieldOf(spec, 'id')!.column);
  const ordered = applySort(
    applyListFilter(qb.clone(), query, spec).select(id, 'id'),
    query,
    spec,
  ).limit(limit);
  const path = sqliteFile(qb);
  const rows = path
    ? ((await readOffMainThread(qb, path, [ordered]))[0] as Array<{ id: number }>)
    : await ordered.getRawMany<{ id: number | string }>();
  return rows.map((r) => Number(r.id));
}

/**
 * The rows of `ids` (from listIds), `size` at a time, in the ids' order: each batch is one
 * query by primary key, so a late batch costs what the first did.
 */
export async function* rowsInBatches<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  ids: readonly number[],
  size: number,
): AsyncGenerator<T[]> {
  for (let i = 0; i < ids.length; i += size) {
    yield await rowsByIds(qb, ids.slice(i, i + size));
  }
}
