import fc from 'fast-check';

/**
 * Request generation for the fuzz suite, driven by the OpenAPI description the server serves:
 * every operation it lists is exercised, with its path parameters, query parameters and body
 * derived from the description and then mutated.
 */

export type JsonSchema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  oneOf?: JsonSchema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
};

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Operation {
  method: string;
  /** The template, `/api/pacts/{id}`. */
  path: string;
  pathParams: string[];
  queryParams: Array<{ name: string; schema: JsonSchema }>;
  /** The request body's schema, references resolved at use. */
  body?: JsonSchema;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the description: each path, each method. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      // Path parameters from the template itself, so an undocumented one is mutated too.
      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const queryParams = (op.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, schema: p.schema ?? { type: 'string' } }));
      const body = op.requestBody?.content?.['application/json']?.schema;
      operations.push({ method: method.toUpperCase(), path, pathParams, queryParams, body });
    }
  }
  return operations;
}

/** JSON text a serializer cannot write (`1e400`), marked in a value and put in afterwards. */
const RAW = '~raw~:';
export const rawJson = (text: string) => `${RAW}${text}`;
export function toJsonText(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(
    new RegExp(`"${RAW}([^"]*)"`, 'g'),
    (_m, text: string) => text,
  );
}

/** `levels` nested arrays as JSON text. */
export const deepJson = (levels: number, open = '[', close = ']', inner = '') =>
  `${open.repeat(levels)}${inner}${close.repeat(levels)}`;

// Values -----------------------------------------------------------------------------------

export const NASTY_STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '9'.repeat(400),
  '0x10',
  '+1',
  '1e3',
  ' 1',
  '0000001',
  '2026-02-30',
  '2026-02-29',
  '2024-02-29',
  '0000-01-01',
  '9999-12-31',
  '1899-12-31',
  '2026-05-01T24:00:00Z',
  '2026-02-30T10:00:00Z',
  '0000-01-01T00:00:00Z',
  '2026-05-01T10:00:00+99:00',
  '2026-05-01T10:00:00.123456789Z',
  'a\u0000b',
  '\u0000',
  '😀'.repeat(40),
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  '\ud800',
  "'; DROP TABLE pacts; --",
  '%00',
  '__proto__',
  'constructor',
  'null',
  'true',
  'x'.repeat(5000),
];

export const NASTY_NUMBERS = [
  0,
  -1,
  -0,
  1.5,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  1e15,
  1e308,
  -1e308,
  5e-324,
];

const RAW_NUMBERS = ['1e400', '-1e400', '1' + '0'.repeat(400), '0.' + '0'.repeat(400) + '1'];

/** Values that tend to break servers: wrong types, huge numbers, odd dates, NUL, nesting. */
export const nasty: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...NASTY_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...NASTY_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_NUMBERS).map(rawJson) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [[[[1]]]], [null]) },
  { weight: 1, arbitrary: fc.constant(JSON.parse(deepJson(40)) as unknown) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
);

function resolve(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema {
  let s = schema ?? {};
  for (let i = 0; s.$ref && i < 10; i++) {
    s = doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')] ?? {};
  }
  return s;
}

/** A plausible value for a field: its example, an enum value, or one of its type. */
export function plausible(
  doc: OpenApiDocument,
  schemaRef: JsonSchema | undefined,
  name: string,
): fc.Arbitrary<unknown> {
  const schema = resolve(doc, schemaRef);
  const options: Array<fc.Arbitrary<unknown>> = [];
  if (schema.example !== undefined) options.push(fc.constant(schema.example));
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (schema.oneOf) return fc.constantFrom<unknown>(null, 1, 'x', true, {});
  if (/date$/i.test(name)) options.push(fc.constantFrom('2026-12-01', '2027-01-15', '1985-12-10'));
  if (/At$/.test(name)) options.push(fc.constantFrom('2026-11-20T09:30:00Z', '2026-01-01T00:00Z'));
  if (/email/i.test(name)) {
    options.push(fc.integer({ min: 1, max: 1e6 }).map((n) => `fuzz${n}@example.org`));
  }
  if (/^municipalit/.test(name)) options.push(fc.constantFrom('Crema', 'Cremona', ['Crema']));
  switch (schema.type) {
    case 'string':
      options.push(fc.string({ minLength: 1, maxLength: 24 }));
      break;
    case 'number':
    case 'integer':
      options.push(fc.integer({ min: 1, max: 6 }));
      break;
    case 'boolean':
      options.push(fc.boolean());
      break;
    case 'array':
      options.push(fc.array(plausible(doc, schema.items, name), { maxLength: 3 }));
      break;
    case 'object':
      if (schema.properties) options.push(plausibleObject(doc, schema, 0));
      break;
  }
  if (schema.nullable) options.push(fc.constant(null));
  return options.length ? fc.oneof(...options) : fc.jsonValue({ maxDepth: 1 });
}

function plausibleObject(
  doc: OpenApiDocument,
  schema: JsonSchema,
  nastyWeight: number,
): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const good = plausible(doc, property, name);
    fields[name] = nastyWeight
      ? fc.oneof({ weight: 5, arbitrary: good }, { weight: nastyWeight, arbitrary: nasty })
      : good;
  }
  // Required fields are mostly there, optional ones half the time.
  const required = new Set(schema.required ?? []);
  return fc
    .tuple(
      fc.record(fields, { requiredKeys: [] }),
      fc.record(
        Object.fromEntries(
          Object.keys(fields).map((k) => [k, fc.boolean().map((b) => b || required.has(k))]),
        ),
      ),
    )
    .map(([record, keep]) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(record)) if (keep[k] !== false) out[k] = v;
      return out;
    });
}

/** A request body: text and content type. */
export interface BodySample {
  text: string;
  contentType: string;
}

const RAW_BODIES: BodySample[] = [
  deepJson(10_000),
  deepJson(10_000, '{"a":', '}', '1'),
  deepJson(33),
  '{"a":',
  '{a:1}',
  '[1,2',
  '{"x":1}}',
  'null',
  '"text"',
  '1e400',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '\u0000',
  '{"\u0000":1}',
  '',
].map((text) => ({ text, contentType: 'application/json' }));

const ODD_CONTENT: BodySample[] = [
  { text: 'title=x', contentType: 'application/x-www-form-urlencoded' },
  { text: '{"title":"x"}', contentType: 'text/plain' },
  { text: '{"title":"x"}', contentType: 'application/json; charset=latin1' },
];

/** Bodies for an operation: from its schema and mutated, or junk when it takes none. */
export function bodies(doc: OpenApiDocument, schemaRef: JsonSchema | undefined) {
  const schema = resolve(doc, schemaRef);
  const fromSchema = schema.properties
    ? fc.oneof(
        { weight: 3, arbitrary: plausibleObject(doc, schema, 0) },
        { weight: 6, arbitrary: plausibleObject(doc, schema, 1) },
        {
          weight: 2,
          arbitrary: fc
            .tuple(
              plausibleObject(doc, schema, 1),
              fc.dictionary(fc.string(), nasty, { maxKeys: 3 }),
            )
            .map(([a, b]) => ({ ...b, ...a, id: 1, extra: 'x' })),
        },
      )
    : fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(
    {
      weight: 10,
      arbitrary: fromSchema.map((v) => ({ text: toJsonText(v), contentType: 'application/json' })),
    },
    {
      weight: 2,
      arbitrary: nasty.map((v) => ({ text: toJsonText(v), contentType: 'application/json' })),
    },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_BODIES) },
    { weight: 1, arbitrary: fc.constantFrom(...ODD_CONTENT) },
  );
}

// Paths and query strings ----------------------------------------------------------------

export const PATH_MUTATIONS = [
  '0',
  '-1',
  '0x10',
  '%2B1',
  '1e3',
  '0000001',
  '%201',
  '1.5',
  String(2 ** 31),
  '99999999999',
  String(2 ** 53 + 1),
  'abc',
  'null',
  '%00',
  '1%00',
  '%F0%9F%98%80',
  '%E2%80%AE1',
  '1'.repeat(150),
  'x'.repeat(300),
];

/** What a list says it accepts, read from its own 400 for an unknown field and sort. */
export interface ListFields {
  filterable: string[];
  ranged: string[];
  sortable: string[];
}

export function listFieldsFrom(message: string): ListFields {
  const list = (label: RegExp) =>
    (label.exec(message)?.[1] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return {
    filterable: list(/filterable: ([^;]*)/),
    ranged: list(/ranges \(_gte, _lte\): ([^;]*)/),
    sortable: list(/sortable: ([^;]*)/),
  };
}

const filterValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nasty },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 10 }) },
  {
    weight: 1,
    arbitrary: fc.array(fc.oneof(nasty, fc.integer({ min: 1, max: 5 })), { maxLength: 4 }),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      'ACTIVE',
      'DRAFT',
      'AUTONOMY',
      '2026-01-01',
      '2026-05-01T09:30:00Z',
      '2026-05-01',
      '1234.56',
      'Crema',
      true,
      [1, 2, 3],
      [null, 1],
    ),
  },
);

const RAW_PARAMS = [
  '{',
  '[]',
  'null',
  '"x"',
  '1e400',
  deepJson(10_000),
  `{"id":${deepJson(10_000)}}`,
  '{"id":1e400}',
  '{"id":-0}',
  '{"q":"a\\u0000"}',
  '["id\\u0000","ASC"]',
  '[0,1e400]',
  '[-1,5]',
  '[5,1]',
  '[0,99999999999]',
  `[${2 ** 53},${2 ** 53 + 10}]`,
  '["0","24"]',
  '[0,24,1]',
];

/** `filter`, `sort` and `range` for a list, mixing its real fields and junk. */
export function listQueries(fields: ListFields): fc.Arbitrary<Record<string, string>> {
  const keys = [
    ...fields.filterable,
    ...fields.ranged.flatMap((f) => [`${f}_gte`, `${f}_lte`]),
    'unknown',
    '__proto__',
    'constructor',
  ];
  const filter = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .dictionary(fc.constantFrom(...keys), filterValue, { maxKeys: 3 })
        .map(toJsonText),
    },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_PARAMS) },
  );
  const sort = fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...fields.sortable, 'unknown', ''),
          fc.constantFrom<unknown>('ASC', 'DESC', 'asc', 1, null),
        )
        .map(toJsonText),
    },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_PARAMS) },
  );
  const bound = fc.oneof(
    fc.integer({ min: -2, max: 1200 }),
    fc.constantFrom<unknown>(...NASTY_NUMBERS, '0'),
  );
  const range = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(bound, bound).map(toJsonText) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_PARAMS) },
  );
  return fc.record({ filter, sort, range }, { requiredKeys: [] }) as fc.Arbitrary<
    Record<string, string>
  >;
}

/** Plain query parameters (not a list's JSON ones) from their schemas, or junk. */
export function plainQueries(
  doc: OpenApiDocument,
  params: Operation['queryParams'],
): fc.Arbitrary<Record<string, string>> {
  const fields: Record<string, fc.Arbitrary<string>> = {};
  for (const { name, schema } of params) {
    fields[name] = fc
      .oneof(
        { weight: 2, arbitrary: plausible(doc, schema, name) },
        { weight: 1, arbitrary: nasty },
      )
      .map((v) => (typeof v === 'string' ? v : toJsonText(v)));
  }
  return fc.record(fields, { requiredKeys: [] }).map((r) => r as Record<string, string>);
}

/** Percent-encoding that also sends a lone surrogate, as the bytes a careless client would. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text].map((c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encode(c))).join('');
  }
}

export function queryString(params: Record<string, string>): string {
  const parts = Object.entries(params).map(([k, v]) => `${encode(k)}=${encode(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
