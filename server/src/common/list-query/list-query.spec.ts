import type { QueryParamReason } from '@generattivi/shared';
import {
  defineListSpec,
  ListQueryError,
  listParamError,
  parseListQuery,
  type ListQuery,
  type ListSpec,
  type RawListParams,
} from './list-query';
import { FIELDS_OF_EVERY_TYPE } from './list-spec.fixture';

const PACTS = defineListSpec({
  resource: 'pacts',
  alias: 'pact',
  fields: {
    ...FIELDS_OF_EVERY_TYPE,
    territoryId: { column: 'territoryId', type: 'int' },
    title: { column: 'title', type: 'string', sort: false },
    internalCode: { column: 'internalCode', type: 'string', filter: false, sort: false },
  },
  search: ['reference', 'title'],
  defaultSort: ['startDate', 'DESC'],
});

const TERRITORIES = defineListSpec({
  resource: 'territories',
  alias: 'territory',
  fields: { id: { column: 'id', type: 'int' }, code: { column: 'code', type: 'string' } },
  defaultSort: ['id', 'ASC'],
  maxPage: 50,
  defaultPageSize: 10,
});

const j = (value: unknown): string => JSON.stringify(value);
const parse = (raw: RawListParams, spec: ListSpec = PACTS): ListQuery => parseListQuery(raw, spec);
const filters = (filter: unknown) => parse({ filter: j(filter) }).filters;

/** The ListQueryError a call throws (and fails the test when it throws nothing). */
function rejection(raw: RawListParams, spec: ListSpec = PACTS): ListQueryError {
  try {
    parseListQuery(raw, spec);
  } catch (error) {
    if (error instanceof ListQueryError) return error;
    throw error;
  }
  throw new Error(`expected a ListQueryError for ${j(raw)}`);
}
const errorsOf = (raw: RawListParams, spec?: ListSpec) => rejection(raw, spec).errors;

const FILTERABLE =
  'filterable: id, reference, status, amount, startDate, closedAt, urgent, territoryId, title, q; ' +
  'ranges (_gte, _lte): id, amount, startDate, closedAt, territoryId';
const SORTABLE =
  'sortable: id, reference, status, amount, startDate, closedAt, urgent, territoryId';

describe(parseListQuery.name, () => {
  describe('defaults', () => {
    it('without parameters: no filter, the default sort, the first 25 rows', () => {
      expect(parse({})).toEqual({
        filters: [],
        search: [],
        sort: { field: 'startDate', order: 'DESC' },
        range: { start: 0, end: 24 },
      });
    });

    it('treats empty parameters as absent', () => {
      expect(parse({ filter: '', sort: '', range: '' })).toEqual(parse({}));
    });

    it("uses the resource's own page size and limit", () => {
      expect(parse({}, TERRITORIES).range).toEqual({ start: 0, end: 9 });
      expect(errorsOf({ range: '[0,50]' }, TERRITORIES)).toEqual({
        range: '[0,50] asks for 51 rows; at most 50 per page',
      });
    });

    it('gives a getMany without range as many rows as ids asked for', () => {
      const ids = Array.from({ length: 40 }, (_, i) => i + 1);
      expect(parse({ filter: j({ id: ids }) }).range).toEqual({ start: 0, end: 39 });
      expect(parse({ filter: j({ id: [1, 2, 3] }) }).range).toEqual({ start: 0, end: 24 });
      expect(parse({ filter: j({ id: ids }), range: '[0,9]' }).range).toEqual({ start: 0, end: 9 });
    });
  });

  describe('malformed parameters', () => {
    it.each([
      ['filter', '{"status":'],
      ['sort', '["id","ASC"'],
      ['range', '[0,24'],
    ])('%s with malformed JSON → names the parameter', (param, text) => {
      const error = rejection({ [param]: text });
      expect(Object.keys(error.errors)).toEqual([param]);
      expect(error.errors[param]).toMatch(/^malformed JSON; expected something like /);
      expect(error.message).toMatch(new RegExp(`^${param}: malformed JSON`));
    });

    it('rejects a parameter given twice', () => {
      expect(errorsOf({ range: ['[0,9]', '[10,19]'] })).toEqual({ range: 'given more than once' });
    });

    it('rejects a value that is not JSON text', () => {
      expect(errorsOf({ sort: 42 })).toEqual({ sort: 'must be JSON text such as ["id","ASC"]' });
    });

    it('reports every offending parameter at once', () => {
      const error = rejection({ filter: j({ foo: 1 }), sort: j(['bar', 'ASC']), range: '[5,1]' });
      expect(Object.keys(error.errors)).toEqual(['filter', 'sort', 'range']);
      expect(error.message).toBe(
        `filter: unknown field "foo"; ${FILTERABLE}; ` +
          `sort: unknown field "bar"; ${SORTABLE}; ` +
          'range: end (1) is before start (5)',
      );
    });
  });

  describe('range', () => {
    it('accepts an inclusive [start, end], react-admin spacing included', () => {
      expect(parse({ range: '[0, 24]' }).range).toEqual({ start: 0, end: 24 });
      expect(parse({ range: '[50,50]' }).range).toEqual({ start: 50, end: 50 });
    });

    it('accepts 1000 rows and refuses 1001', () => {
      expect(parse({ range: '[0,999]' }).range).toEqual({ start: 0, end: 999 });
      expect(errorsOf({ range: '[0,1000]' })).toEqual({
        range: '[0,1000] asks for 1001 rows; at most 1000 per page',
      });
    });

    it.each([
      ['[10,5]', 'end (5) is before start (10)'],
      ['[-1,4]', 'start (-1) must not be negative'],
      ['[0.5,3]', 'start must be an integer, got 0.5'],
      ['[0,2.5]', 'end must be an integer, got 2.5'],
      ['["0","24"]', 'start must be an integer, got the string "0"'],
      ['[0,null]', 'end must be an integer, got null'],
      ['[0,1e400]', 'end must be an integer, got Infinity'],
      ['[0]', 'must be a JSON array [start,end], got an array of 1'],
      ['[0,1,2]', 'must be a JSON array [start,end], got an array of 3'],
      ['{"start":0,"end":9}', 'must be a JSON array [start,end], got an object'],
    ])('%s → 400 "%s"', (range, problem) => {
      expect(errorsOf({ range })).toEqual({ range: problem });
    });
  });

  describe('sort', () => {
    it('takes a sortable field and an order', () => {
      expect(parse({ sort: j(['amount', 'ASC']) }).sort).toEqual({ field: 'amount', order: 'ASC' });
      expect(parse({ sort: j(['id', 'DESC']) }).sort).toEqual({ field: 'id', order: 'DESC' });
    });

    it.each([
      [['foo', 'ASC'], `unknown field "foo"; ${SORTABLE}`],
      [['title', 'ASC'], `"title" cannot be sorted; ${SORTABLE}`],
      [['constructor', 'ASC'], `unknown field "constructor"; ${SORTABLE}`],
      [['id; DROP TABLE pacts', 'ASC'], `unknown field "id; DROP TABLE pacts"; ${SORTABLE}`],
      [['id', 'UP'], 'order must be "ASC" or "DESC", got the string "UP"'],
      [['id', 'asc'], 'order must be "ASC" or "DESC", got the string "asc"'],
      [['id', null], 'order must be "ASC" or "DESC", got null'],
      [[7, 'ASC'], 'field must be a string, got 7'],
      [['id'], 'must be a JSON array ["field","ASC"|"DESC"], got an array of 1'],
      ['id', 'must be a JSON array ["field","ASC"|"DESC"], got the string "id"'],
    ])('%j → 400', (sort, problem) => {
      expect(errorsOf({ sort: j(sort) })).toEqual({ sort: problem });
    });
  });

  describe('filter', () => {
    it('turns each key into a checked condition', () => {
      expect(
        filters({
          id: 3,
          reference: 'PT-2026-001',
          status: 'ACTIVE',
          amount: 12.5,
          startDate: '2026-02-28',
          closedAt: '2026-05-01T11:30:00+02:00',
          urgent: false,
        }),
      ).toEqual([
        { field: 'id', op: 'eq', value: 3 },
        { field: 'reference', op: 'eq', value: 'PT-2026-001' },
        { field: 'status', op: 'eq', value: 'ACTIVE' },
        { field: 'amount', op: 'eq', value: '12.5' },
        { field: 'startDate', op: 'eq', value: '2026-02-28' },
        { field: 'closedAt', op: 'eq', value: '2026-05-01T09:30:00.000Z' },
        { field: 'urgent', op: 'eq', value: false },
      ]);
    });

    it('reads an array as "any of"', () => {
      expect(filters({ status: ['DRAFT', 'ACTIVE'], id: [1, 2, 3] })).toEqual([
        { field: 'status', op: 'in', values: ['DRAFT', 'ACTIVE'], orNull: false },
        { field: 'id', op: 'in', values: [1, 2, 3], orNull: false },
      ]);
    });

    it('keeps an empty array, which matches nothing', () => {
      expect(filters({ status: [] })).toEqual([
        { field: 'status', op: 'in', values: [], orNull: false },
      ]);
    });

    it('reads null as IS NULL, alone or among other values', () => {
      expect(filters({ closedAt: null, territoryId: [null, 2] })).toEqual([
        { field: 'closedAt', op: 'null' },
        { field: 'territoryId', op: 'in', values: [2], orNull: true },
      ]);
    });

    it('reads <field>_gte and <field>_lte as inclusive bounds', () => {
      expect(filters({ startDate_gte: '2026-01-01', amount_lte: '1500.00', id_gte: 10 })).toEqual([
        { field: 'startDate', op: 'gte', value: '2026-01-01' },
        { field: 'amount', op: 'lte', value: '1500.00' },
        { field: 'id', op: 'gte', value: 10 },
      ]);
    });

    it('reads a date bound on an instant field as the whole UTC day', () => {
      expect(filters({ closedAt_gte: '2026-03-01', closedAt_lte: '2026-03-31' })).toEqual([
        { field: 'closedAt', op: 'gte', value: '2026-03-01T00:00:00.000Z' },
        { field: 'closedAt', op: 'lte', value: '2026-03-31T23:59:59.999Z' },
      ]);
    });

    it('normalises instants to UTC with milliseconds', () => {
      const instant = (text: string) => filters({ closedAt_gte: text })[0];
      expect(instant('2026-03-01T10:00Z')).toMatchObject({ value: '2026-03-01T10:00:00.000Z' });
      expect(instant('2026-03-01T00:30:00.1234567-01:30')).toMatchObject({
        value: '2026-03-01T02:00:00.123Z',
      });
    });

    it('splits q into words and ignores a blank q', () => {
      expect(parse({ filter: j({ q: '  Rossi   Mario ' }) }).search).toEqual(['Rossi', 'Mario']);
      expect(parse({ filter: j({ q: '   ' }) }).search).toEqual([]);
    });

    it('ignores words shorter than 3 characters beside longer ones (no index serves them)', () => {
      expect(parse({ filter: j({ q: 'di Rossi a Mario' }) }).search).toEqual(['Rossi', 'Mario']);
      expect(parse({ filter: j({ q: 'Ròs' }) }).search).toEqual(['Ròs']);
    });

    it('keeps hostile text as a value: it is bound, never written into SQL', () => {
      const text = "'; DROP TABLE pacts; --";
      expect(filters({ reference: text })).toEqual([{ field: 'reference', op: 'eq', value: text }]);
      expect(parse({ filter: j({ q: text }) }).search).toEqual(['DROP', 'TABLE', 'pacts;']);
    });

    it('names an unknown field and lists the filterable ones', () => {
      expect(errorsOf({ filter: j({ foo: 1 }) })).toEqual({
        filter: `unknown field "foo"; ${FILTERABLE}`,
      });
      expect(errorsOf({ filter: j({ foo: 1, 'status; DROP': 'x' }) })).toEqual({
        filter: `unknown fields "foo", "status; DROP"; ${FILTERABLE}`,
      });
    });

    it.each([
      ['a field that may not be filtered', { internalCode: 'X' }],
      ['an inherited property', { constructor: 1 }],
      ['__proto__', JSON.parse('{"__proto__": 1}') as unknown],
      ['a bound on an unknown field', { foo_gte: 1 }],
      ['q on a resource without search', { q: 'crema' }],
    ])('treats %s as unknown', (_case, filter) => {
      const spec = (filter as { q?: string }).q ? TERRITORIES : PACTS;
      expect(errorsOf({ filter: j(filter) }, spec).filter).toMatch(/^unknown field "/);
    });

    it.each([
      [
        { territoryId: '3' },
        'territoryId must be an integer from -2147483648 to 2147483647, got the string "3"',
      ],
      [{ id: [1, 2.5] }, 'id must be an integer from -2147483648 to 2147483647, got 2.5'],
      [{ id: [[1]] }, 'id must be an integer from -2147483648 to 2147483647, got an array of 1'],
      [
        { amount: 'abc' },
        'amount must be a number with at most 15 digits before the point, got the string "abc"',
      ],
      [
        { amount: true },
        'amount must be a number with at most 15 digits before the point, got true',
      ],
      [{ reference: 12 }, 'reference must be a string, got 12'],
      [{ status: 'OPEN' }, 'status must be one of DRAFT | ACTIVE | CLOSED, got the string "OPEN"'],
      [
        { status: "ACTIVE' OR '1'='1" },
        `status must be one of DRAFT | ACTIVE | CLOSED, got the string "ACTIVE' OR '1'='1"`,
      ],
      [
        { status: { $ne: 'DRAFT' } },
        'status must be one of DRAFT | ACTIVE | CLOSED, got an object',
      ],
      [
        { startDate: '2026-02-30' },
        'startDate must be a date YYYY-MM-DD, got the string "2026-02-30"',
      ],
      [
        { startDate: '01/02/2026' },
        'startDate must be a date YYYY-MM-DD, got the string "01/02/2026"',
      ],
      [{ startDate_gte: 20260101 }, 'startDate_gte must be a date YYYY-MM-DD, got 20260101'],
      [{ urgent: 'true' }, 'urgent must be true or false, got the string "true"'],
      [{ urgent: 1 }, 'urgent must be true or false, got 1'],
      [
        { closedAt: '2026-05-01' },
        'closedAt must be an ISO 8601 instant such as 2026-05-01T09:30:00Z, got the string "2026-05-01"',
      ],
      [
        { closedAt_lte: '2026-05-01T10:00:00' },
        'closedAt_lte must be an ISO 8601 instant such as 2026-05-01T09:30:00Z or a date YYYY-MM-DD, ' +
          'got the string "2026-05-01T10:00:00"',
      ],
      [
        { closedAt_gte: '2026-05-01T24:00:00Z' },
        'closedAt_gte must be an ISO 8601 instant such as 2026-05-01T09:30:00Z or a date YYYY-MM-DD, ' +
          'got the string "2026-05-01T24:00:00Z"',
      ],
      [
        { amount_gte: null },
        'amount_gte must be a number with at most 15 digits before the point, got null',
      ],
      [
        { id_lte: [1, 2] },
        'id_lte must be an integer from -2147483648 to 2147483647, got an array of 2',
      ],
      [{ id: 2147483648 }, 'id must be an integer from -2147483648 to 2147483647, got 2147483648'],
      [
        { territoryId_gte: -2147483649 },
        'territoryId_gte must be an integer from -2147483648 to 2147483647, got -2147483649',
      ],
      [
        { amount: '1'.repeat(16) },
        'amount must be a number with at most 15 digits before the point, got the string "1111111111111111"',
      ],
      [
        { amount_lte: 1e15 },
        'amount_lte must be a number with at most 15 digits before the point, got 1000000000000000',
      ],
      [
        { amount: 'Infinity' },
        'amount must be a number with at most 15 digits before the point, got the string "Infinity"',
      ],
      [
        { startDate: '0000-01-01' },
        'startDate must be a date YYYY-MM-DD, got the string "0000-01-01"',
      ],
      [
        { startDate_lte: '3000-01-01' },
        'startDate_lte must be a date YYYY-MM-DD, got the string "3000-01-01"',
      ],
      [
        { closedAt: '0000-01-01T00:00:00Z' },
        'closedAt must be an ISO 8601 instant such as 2026-05-01T09:30:00Z, got the string "0000-01-01T00:00:00Z"',
      ],
      [
        { closedAt: '2026-02-30T10:00:00Z' },
        'closedAt must be an ISO 8601 instant such as 2026-05-01T09:30:00Z, got the string "2026-02-30T10:00:00Z"',
      ],
      [
        { closedAt: '2026-05-01T10:00:00+15:00' },
        'closedAt must be an ISO 8601 instant such as 2026-05-01T09:30:00Z, got the string "2026-05-01T10:00:00+15:00"',
      ],
      [{ q: 7 }, 'q must be a string, got 7'],
      [{ q: 'x'.repeat(201) }, 'q must be at most 200 characters'],
      [{ q: 'a b c d e f g h i j k' }, 'q must be at most 10 words'],
      [
        { q: 'di la' },
        'q needs a word of at least 3 characters (shorter words are ignored: no index can serve them)',
      ],
    ])('%j → 400 "%s"', (filter, problem) => {
      expect(errorsOf({ filter: j(filter) })).toEqual({ filter: problem });
    });

    it('takes integers at the edges of the integer column', () => {
      expect(filters({ id: [2147483647, -2147483648] })).toEqual([
        { field: 'id', op: 'in', values: [2147483647, -2147483648], orNull: false },
      ]);
      expect(filters({ amount: '999999999999999.99' })).toEqual([
        { field: 'amount', op: 'eq', value: '999999999999999.99' },
      ]);
    });

    it('refuses an integer that JSON rounds beyond the integer column', () => {
      expect(errorsOf({ filter: '{"id":[1,9007199254740993]}' })).toEqual({
        filter: 'id must be an integer from -2147483648 to 2147483647, got 9007199254740992',
      });
    });

    it('refuses NUL characters and deep nesting before reading a field', () => {
      expect(errorsOf({ filter: j({ reference: 'a\u0000b' }) })).toEqual({
        filter: 'reference must not contain a NUL character (\\u0000)',
      });
      expect(errorsOf({ filter: j({ ['ref\u0000']: 1 }) })).toEqual({
        filter: 'must not have a key with a NUL character (\\u0000)',
      });
      const deep = `{"id":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
      expect(errorsOf({ filter: deep })).toEqual({ filter: 'is nested deeper than 32 levels' });
      expect(errorsOf({ sort: '["id\\u0000","ASC"]' })).toEqual({
        sort: '0 must not contain a NUL character (\\u0000)',
      });
    });

    it('refuses _gte / _lte on a field without ranges', () => {
      expect(errorsOf({ filter: j({ status_gte: 'ACTIVE' }) })).toEqual({
        filter:
          'status_gte is not allowed: ranges work on id, amount, startDate, closedAt, territoryId',
      });
    });

    it('refuses more values than a page holds', () => {
      const ids = Array.from({ length: 1001 }, (_, i) => i);
      expect(errorsOf({ filter: j({ id: ids }) })).toEqual({
        filter: 'id takes at most 1000 values, got 1001',
      });
    });

    it.each([
      ['[1,2]', 'an array of 2'],
      ['"ACTIVE"', 'the string "ACTIVE"'],
      ['null', 'null'],
    ])('refuses %s, which is not an object', (filter, got) => {
      expect(errorsOf({ filter })).toEqual({
        filter: `must be a JSON object such as {"status":"ACTIVE"}, got ${got}`,
      });
    });

    it('lists every offending key', () => {
      expect(errorsOf({ filter: j({ territoryId: 'x', foo: 1, startDate: 'soon' }) })).toEqual({
        filter:
          'territoryId must be an integer from -2147483648 to 2147483647, got the string "x"; ' +
          'startDate must be a date YYYY-MM-DD, got the string "soon"; ' +
          `unknown field "foo"; ${FILTERABLE}`,
      });
    });

    it('shortens a very long key in the message', () => {
      const key = 'k'.repeat(500);
      expect(errorsOf({ filter: j({ [key]: 1 }) }).filter).toMatch(
        /^unknown field "k{57}\.\.\."; /,
      );
    });
  });
});

describe(ListQueryError.name, () => {
  it('is an Error carrying the coded errors per parameter, and their English wording', () => {
    const error = new ListQueryError({
      filter: listParamError('filter', 'UNKNOWN_FIELD', 'unknown field "foo"'),
      range: listParamError('range', 'RANGE_BOUNDS', 'end (1) is before start (5)'),
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ListQueryError');
    expect(error.errors).toEqual({
      filter: 'unknown field "foo"',
      range: 'end (1) is before start (5)',
    });
    expect(error.fieldErrors.range).toEqual({
      code: 'QUERY_PARAM',
      params: { param: 'range', reason: 'RANGE_BOUNDS' },
      message: 'end (1) is before start (5)',
    });
    expect(error.message).toBe('filter: unknown field "foo"; range: end (1) is before start (5)');
  });
});

describe('the code and parameters of each refusal', () => {
  const codeOf = (raw: RawListParams, spec?: ListSpec) => {
    const fieldErrors = rejection(raw, spec).fieldErrors;
    return Object.fromEntries(
      Object.entries(fieldErrors).map(([param, { code, params }]) => [param, { code, params }]),
    );
  };
  const reason = (param: string, why: QueryParamReason) => ({
    [param]: { code: 'QUERY_PARAM', params: { param, reason: why } },
  });

  it.each<[string, RawListParams, string, QueryParamReason]>([
    ['a parameter given twice', { range: ['[0,9]', '[10,19]'] }, 'range', 'REPEATED'],
    ['malformed JSON', { filter: '{' }, 'filter', 'NOT_JSON'],
    ['JSON that is not text', { sort: 42 }, 'sort', 'NOT_JSON'],
    ['a filter that is not an object', { filter: '[1]' }, 'filter', 'SHAPE'],
    ['a sort that is not a pair', { sort: '["id"]' }, 'sort', 'SHAPE'],
    ['a range that is not a pair', { range: '{}' }, 'range', 'SHAPE'],
    ['an unknown filter field', { filter: j({ foo: 1 }) }, 'filter', 'UNKNOWN_FIELD'],
    ['an unknown sort field', { sort: j(['foo', 'ASC']) }, 'sort', 'UNKNOWN_FIELD'],
    ['an unsortable field', { sort: j(['title', 'ASC']) }, 'sort', 'UNKNOWN_FIELD'],
    ['a value of the wrong type', { filter: j({ id: 'x' }) }, 'filter', 'VALUE'],
    ['an enum value not in the list', { filter: j({ status: 'X' }) }, 'filter', 'VALUE'],
    [
      'too many values',
      { filter: j({ id: [...Array(1001).keys()] }) },
      'filter',
      'TOO_MANY_VALUES',
    ],
    ['a range on a field without', { filter: j({ status_gte: 'A' }) }, 'filter', 'NO_RANGE'],
    ['a wrong sort order', { sort: j(['id', 'UP']) }, 'sort', 'SORT_ORDER'],
    ['a reversed range', { range: '[5,1]' }, 'range', 'RANGE_BOUNDS'],
    ['a negative start', { range: '[-1,1]' }, 'range', 'RANGE_BOUNDS'],
    ['a page too large', { range: '[0,1000]' }, 'range', 'PAGE_TOO_LARGE'],
    ['a search too long', { filter: j({ q: 'x'.repeat(201) }) }, 'filter', 'SEARCH_TOO_LONG'],
  ])('%s', (_, raw, param, why) => {
    expect(codeOf(raw)).toEqual(reason(param, why));
  });

  it('names the first problem of a filter with several', () => {
    expect(codeOf({ filter: j({ id: 'x', foo: 1 }) })).toEqual(reason('filter', 'VALUE'));
    expect(errorsOf({ filter: j({ id: 'x', foo: 1 }) }).filter).toMatch(/^id must be .*; unknown/);
  });

  it('gives a search too short, nesting and NUL characters codes of their own', () => {
    expect(codeOf({ filter: j({ q: 'ab' }) })).toEqual({
      filter: { code: 'SEARCH_TOO_SHORT', params: { min: 3 } },
    });
    expect(codeOf({ filter: `${'['.repeat(40)}${']'.repeat(40)}` })).toEqual({
      filter: { code: 'TOO_DEEP', params: { max: 32 } },
    });
    expect(codeOf({ filter: j({ reference: 'a\u0000b' }) })).toEqual({
      filter: { code: 'NUL_CHARACTER', params: {} },
    });
  });
});

describe(defineListSpec.name, () => {
  const base: ListSpec = {
    resource: 'things',
    alias: 'thing',
    fields: { id: { column: 'id', type: 'int' } },
    defaultSort: ['id', 'ASC'],
  };

  it.each<[string, Partial<ListSpec>, RegExp]>([
    [
      'a column that is not an identifier',
      { fields: { id: { column: 'id; DROP', type: 'int' } } },
      /column "id; DROP"/,
    ],
    [
      'a field name with a separator',
      { fields: { id: { column: 'id', type: 'int' }, a_b: { column: 'ab', type: 'int' } } },
      /field name "a_b"/,
    ],
    [
      'a field named q',
      { fields: { id: { column: 'id', type: 'int' }, q: { column: 'q', type: 'string' } } },
      /field name "q"/,
    ],
    [
      'no id field',
      { fields: { code: { column: 'code', type: 'string' } }, defaultSort: ['code', 'ASC'] },
      /"id" field/,
    ],
    [
      'an enum without values',
      { fields: { id: { column: 'id', type: 'int' }, s: { column: 's', type: 'enum' } } },
      /an enum needs values/,
    ],
    [
      'values on a string',
      {
        fields: {
          id: { column: 'id', type: 'int' },
          s: { column: 's', type: 'string', values: ['A'] },
        },
      },
      /an enum needs values/,
    ],
    [
      'a range on a string',
      {
        fields: {
          id: { column: 'id', type: 'int' },
          s: { column: 's', type: 'string', range: true },
        },
      },
      /s: ranges need/,
    ],
    ['an unknown default sort', { defaultSort: ['nope', 'ASC'] }, /defaultSort "nope"/],
    ['a bad search column', { search: ['name OR 1=1'] }, /search column "name OR 1=1"/],
    ['a bad alias', { alias: 'thing t' }, /alias "thing t"/],
    ['a zero page', { maxPage: 0 }, /maxPage/],
    [
      'a related search without an index of its own',
      { search: ['id'], searchVia: [{ column: 'person_id', table: 'people', columns: ['name'] }] },
      /searchVia needs searchIndex/,
    ],
    [
      'a related search column that is not a database name',
      {
        search: ['id'],
        searchIndex: 'things',
        searchVia: [{ column: 'person_id', table: 'people', columns: ['name) OR (1'] }],
      },
      /searchVia people.person_id: names must be lower_snake_case/,
    ],
    [
      'a related search of no column',
      {
        search: ['id'],
        searchIndex: 'things',
        searchVia: [{ column: 'person_id', table: 'people', columns: [] }],
      },
      /searchVia people: no columns/,
    ],
  ])('refuses %s', (_case, override, problem) => {
    expect(() => defineListSpec({ ...base, ...override })).toThrow(problem);
  });

  it('returns a valid spec as it is', () => {
    expect(defineListSpec(base)).toBe(base);
  });
});
