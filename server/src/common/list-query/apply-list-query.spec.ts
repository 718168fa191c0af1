import 'reflect-metadata';
import {
  Column,
  DataSource,
  type DataSourceOptions,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
} from 'typeorm';
import { registerSqliteFunctions } from '../../database/sqlite-functions';
import {
  applyListFilter,
  applyListQuery,
  contentRange,
  defineListSpec,
  escapeLike,
  findList,
  parseListQuery,
  type RawListParams,
} from '.';
import { FIELDS_OF_EVERY_TYPE } from './list-spec.fixture';

// A throwaway table, created by hand: `synchronize` stays out of the code base.
@Entity('lq_item')
class Item {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar' })
  reference!: string;

  @Column({ type: 'varchar' })
  status!: string;

  @Column({ type: 'varchar' })
  title!: string;

  @Column({ type: 'integer', name: 'owner_id', nullable: true })
  ownerId!: number | null;

  @Column({ type: 'decimal', precision: 10, scale: 2 })
  amount!: string;

  @Column({ type: 'varchar', name: 'start_date', length: 10 })
  startDate!: string;

  @Column({ type: 'varchar', name: 'closed_at', length: 24, nullable: true })
  closedAt!: string | null;

  @Column({ type: 'boolean' })
  urgent!: boolean;

  @OneToMany(() => Tag, (tag) => tag.item)
  tags!: Tag[];
}

@Entity('lq_tag')
class Tag {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar' })
  label!: string;

  @ManyToOne(() => Item, (item) => item.tags)
  @JoinColumn({ name: 'item_id' })
  item!: Item;
}

const DDL = [
  `CREATE TABLE lq_item (id integer PRIMARY KEY, reference varchar NOT NULL, status varchar NOT NULL,
     title varchar NOT NULL, owner_id integer, amount decimal(10,2) NOT NULL,
     start_date varchar(10) NOT NULL, closed_at varchar(24), urgent boolean NOT NULL)`,
  `CREATE TABLE lq_tag (id integer PRIMARY KEY, label varchar NOT NULL,
     item_id integer NOT NULL REFERENCES lq_item (id))`,
];

const HOSTILE = "'; DROP TABLE lq_item; --";

type Seed = [number, string, string, number | null, string, string, string | null, boolean];
// id, status, title, ownerId, amount, startDate, closedAt, urgent
const SEEDS: Seed[] = [
  [1, 'DRAFT', 'Orto condiviso', 7, '100.00', '2026-03-15', null, false],
  [2, 'ACTIVE', 'Doposcuola 100% gratis', 7, '250.50', '2026-02-01', null, true],
  [3, 'ACTIVE', 'Laboratorio_cucina', 8, '99.99', '2026-02-01', null, false],
  [
    4,
    'CLOSED',
    'Laboratorio cucina',
    null,
    '1200.00',
    '2026-03-15',
    '2026-04-01T10:00:00.000Z',
    true,
  ],
  [5, 'CLOSED', HOSTILE, 9, '0.00', '2026-01-10', '2026-04-30T23:59:59.000Z', false],
  [6, 'DRAFT', 'Sportello lavoro', 9, '75.00', '2026-03-15', null, false],
  [7, 'ACTIVE', 'Corso di italiano', null, '300.00', '2026-04-01', null, true],
  [8, 'CLOSED', 'CORSO DI CUCITO', 8, '300.00', '2026-04-02', '2026-05-01T00:00:00.000Z', false],
  [9, 'ACTIVE', 'Caffè sociale', 7, '45.50', '2026-05-20', null, false],
  [10, 'DRAFT', 'Riparazioni 50%', 10, '10.00', '2026-06-01', null, true],
];

const ITEMS = defineListSpec({
  resource: 'items',
  alias: 'item',
  fields: {
    ...FIELDS_OF_EVERY_TYPE,
    title: { column: 'title', type: 'string' },
    ownerId: { column: 'ownerId', type: 'int' },
  },
  search: ['reference', 'title'],
  defaultSort: ['startDate', 'DESC'],
});

/**
 * SQLite always; PostgreSQL too when TEST_POSTGRES_URL is set (the tables are TEMP tables on
 * a one-connection pool, so nothing is left behind).
 */
const ENGINES: [name: string, options: DataSourceOptions, tableKind: string][] = [
  [
    'SQLite',
    { type: 'better-sqlite3', database: ':memory:', prepareDatabase: registerSqliteFunctions },
    'TABLE',
  ],
];
if (process.env.TEST_POSTGRES_URL) {
  const options: DataSourceOptions = {
    type: 'postgres',
    url: process.env.TEST_POSTGRES_URL,
    extra: { max: 1 },
  };
  ENGINES.push(['PostgreSQL', options, 'TEMP TABLE']);
}

describe.each(ENGINES)(`${applyListQuery.name} on %s`, (_engine, options, tableKind) => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource({ ...options, entities: [Item, Tag] });
    await dataSource.initialize();
    if (options.type === 'postgres') {
      // What the SearchIndexes migration creates, for a database without it.
      await dataSource.query('CREATE EXTENSION IF NOT EXISTS unaccent');
      await dataSource.query(
        'CREATE OR REPLACE FUNCTION pg_temp.generattivi_fold(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(unaccent($1)) $$',
      );
    }
    for (const ddl of DDL) await dataSource.query(ddl.replace('TABLE', tableKind));
    await dataSource.getRepository(Item).insert(
      SEEDS.map(([id, status, title, ownerId, amount, startDate, closedAt, urgent]) => ({
        id,
        reference: `PT-${String(id).padStart(3, '0')}`,
        status,
        title,
        ownerId,
        amount,
        startDate,
        closedAt,
        urgent,
      })),
    );
    const tags = SEEDS.flatMap(([id]) =>
      [1, 2, 3].map((n) => ({ id: id * 10 + n, label: `t${n}`, item: { id } })),
    );
    await dataSource.getRepository(Tag).insert(tags);
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
  });

  const qb = () => dataSource.getRepository(Item).createQueryBuilder('item');
  const list = (raw: RawListParams) => findList(qb(), parseListQuery(raw, ITEMS), ITEMS);
  const j = (value: unknown) => JSON.stringify(value);
  /** Ids matching a filter, in id order, over one page large enough for all. */
  const idsWhere = async (filter: Record<string, unknown>) =>
    (await list({ filter: j(filter), sort: j(['id', 'ASC']), range: '[0,99]' })).rows.map(
      (row) => row.id,
    );
  const idsSorted = async (sort: [string, string]) =>
    (await list({ sort: j(sort), range: '[0,99]' })).rows.map((row) => row.id);

  describe('filter', () => {
    it('matches by equality on each type', async () => {
      await expect(idsWhere({ status: 'ACTIVE' })).resolves.toEqual([2, 3, 7, 9]);
      await expect(idsWhere({ ownerId: 7 })).resolves.toEqual([1, 2, 9]);
      await expect(idsWhere({ amount: 300 })).resolves.toEqual([7, 8]);
      await expect(idsWhere({ amount: '99.99' })).resolves.toEqual([3]);
      await expect(idsWhere({ startDate: '2026-03-15' })).resolves.toEqual([1, 4, 6]);
      await expect(idsWhere({ closedAt: '2026-05-01T02:00:00+02:00' })).resolves.toEqual([8]);
      await expect(idsWhere({ urgent: true })).resolves.toEqual([2, 4, 7, 10]);
      await expect(idsWhere({ reference: 'PT-004' })).resolves.toEqual([4]);
    });

    it('matches "any of" an array, booleans included', async () => {
      await expect(idsWhere({ status: ['DRAFT', 'CLOSED'] })).resolves.toEqual([1, 4, 5, 6, 8, 10]);
      await expect(idsWhere({ id: [9, 2, 42] })).resolves.toEqual([2, 9]);
      await expect(idsWhere({ urgent: [true] })).resolves.toEqual([2, 4, 7, 10]);
      await expect(idsWhere({ urgent: [true, false] })).resolves.toHaveLength(10);
      await expect(idsWhere({ amount: ['10.00', 45.5] })).resolves.toEqual([9, 10]);
    });

    it('matches nothing with an empty array', async () => {
      const result = await list({ filter: j({ status: [] }) });
      expect(result).toEqual({ rows: [], total: 0, start: 0 });
      expect(contentRange('items', result.start, result.rows.length, result.total)).toBe(
        'items */0',
      );
    });

    it('reads null as IS NULL, alone or with other values', async () => {
      await expect(idsWhere({ ownerId: null })).resolves.toEqual([4, 7]);
      await expect(idsWhere({ ownerId: [null, 8] })).resolves.toEqual([3, 4, 7, 8]);
      await expect(idsWhere({ ownerId: [null] })).resolves.toEqual([4, 7]);
    });

    it('applies inclusive ranges on dates and numbers', async () => {
      await expect(
        idsWhere({ startDate_gte: '2026-03-15', startDate_lte: '2026-04-01' }),
      ).resolves.toEqual([1, 4, 6, 7]);
      await expect(idsWhere({ amount_gte: 100, amount_lte: '300.00' })).resolves.toEqual([
        1, 2, 7, 8,
      ]);
      // Numerically, not as text: "99.99" > "1200.00" as strings.
      await expect(idsWhere({ amount_lte: 99.99 })).resolves.toEqual([3, 5, 6, 9, 10]);
      await expect(idsWhere({ id_gte: 9 })).resolves.toEqual([9, 10]);
    });

    it('applies ranges on instants; a date bound covers the whole UTC day', async () => {
      await expect(
        idsWhere({ closedAt_gte: '2026-04-01', closedAt_lte: '2026-04-30' }),
      ).resolves.toEqual([4, 5]);
      await expect(idsWhere({ closedAt_lte: '2026-04-30T23:00:00+02:00' })).resolves.toEqual([4]);
      await expect(idsWhere({ closedAt_gte: '2026-04-30T23:59:59Z' })).resolves.toEqual([5, 8]);
    });

    it('combines several filters without parameter clashes', async () => {
      const filter = {
        status: ['ACTIVE', 'CLOSED'],
        ownerId: [7, 8, null],
        amount_gte: 99.99,
        amount_lte: 1000,
      };
      await expect(idsWhere(filter)).resolves.toEqual([2, 3, 7, 8]);
    });
  });

  describe('q', () => {
    it('searches every search column, case-insensitively', async () => {
      await expect(idsWhere({ q: 'corso' })).resolves.toEqual([7, 8]);
      await expect(idsWhere({ q: 'pt-01' })).resolves.toEqual([10]);
    });

    it('ignores accents, in the text and in the query', async () => {
      await expect(idsWhere({ q: 'caffe' })).resolves.toEqual([9]);
      await expect(idsWhere({ q: 'CAFFÈ' })).resolves.toEqual([9]);
      await expect(idsWhere({ q: 'càffé' })).resolves.toEqual([9]);
    });

    it('takes % and _ in the text literally', async () => {
      await expect(idsWhere({ q: 'Laboratorio_cucina' })).resolves.toEqual([3]);
      await expect(idsWhere({ q: '00%' })).resolves.toEqual([2]);
      await expect(idsWhere({ q: '%%%' })).resolves.toEqual([]);
      await expect(idsWhere({ q: '\\\\\\' })).resolves.toEqual([]);
    });

    it('needs every word, in any column and any order', async () => {
      await expect(idsWhere({ q: 'cucito corso' })).resolves.toEqual([8]);
      await expect(idsWhere({ q: 'pt-00 cucina' })).resolves.toEqual([3, 4]);
    });
  });

  describe('sort', () => {
    it("uses the resource's default sort with id as tiebreak", async () => {
      const { rows } = await list({});
      expect(rows.map((row) => row.id)).toEqual([10, 9, 8, 7, 6, 4, 1, 3, 2, 5]);
    });

    it('breaks ties by id in the same direction', async () => {
      await expect(idsSorted(['startDate', 'ASC'])).resolves.toEqual([
        5, 2, 3, 1, 4, 6, 7, 8, 9, 10,
      ]);
      await expect(idsSorted(['status', 'DESC'])).resolves.toEqual([10, 6, 1, 8, 5, 4, 9, 7, 3, 2]);
    });

    it('sorts decimals as numbers', async () => {
      await expect(idsSorted(['amount', 'ASC'])).resolves.toEqual([5, 10, 9, 6, 3, 1, 2, 7, 8, 4]);
    });

    it('puts NULLs last going up and first going down, on every engine', async () => {
      await expect(idsSorted(['ownerId', 'ASC'])).resolves.toEqual([1, 2, 9, 3, 8, 5, 6, 10, 4, 7]);
      await expect(idsSorted(['ownerId', 'DESC'])).resolves.toEqual([
        7, 4, 10, 6, 5, 8, 3, 9, 2, 1,
      ]);
    });
  });

  describe('range', () => {
    it('returns the inclusive slice and the total of all pages', async () => {
      const result = await list({ sort: j(['id', 'ASC']), range: '[2,4]' });
      expect(result.rows.map((row) => row.id)).toEqual([3, 4, 5]);
      expect(result.total).toBe(10);
      expect(contentRange('items', result.start, result.rows.length, result.total)).toBe(
        'items 2-4/10',
      );
    });

    it('counts the filtered rows, not the page', async () => {
      const result = await list({
        filter: j({ status: 'ACTIVE' }),
        sort: j(['id', 'ASC']),
        range: '[0,1]',
      });
      expect(result).toMatchObject({ total: 4, start: 0 });
      expect(result.rows.map((row) => row.id)).toEqual([2, 3]);
    });

    it('answers a page past the end with no rows and the true total', async () => {
      const result = await list({ range: '[20,29]' });
      expect(result).toEqual({ rows: [], total: 10, start: 20 });
      expect(contentRange('items', result.start, result.rows.length, result.total)).toBe(
        'items */10',
      );
    });

    it('returns every id of a getMany without range', async () => {
      await expect(list({ filter: j({ id: [3, 1, 2] }) })).resolves.toMatchObject({ total: 3 });
    });

    it('pages by records, not by joined rows', async () => {
      const joined = qb().leftJoinAndSelect('item.tags', 'tag');
      const query = parseListQuery({ sort: j(['id', 'ASC']), range: '[1,3]' }, ITEMS);
      const result = await findList(joined, query, ITEMS);
      expect(result.rows.map((row) => [row.id, row.tags.length])).toEqual([
        [2, 3],
        [3, 3],
        [4, 3],
      ]);
      expect(result.total).toBe(10);
    });
  });

  describe(applyListFilter.name, () => {
    it('adds the filter and search alone, for an aggregate over the same rows', async () => {
      const raw = { filter: j({ status: ['ACTIVE', 'CLOSED'], q: 'corso' }), range: '[1,1]' };
      const query = parseListQuery(raw, ITEMS);
      const filtered = applyListFilter(qb(), query, ITEMS).select('COUNT(*)', 'n');
      expect(filtered.getSql()).not.toMatch(/ORDER BY|LIMIT|OFFSET/);
      const row = await filtered.getRawOne<{ n: number | string }>();
      expect(Number(row?.n)).toBe((await list(raw)).total);
      expect(Number(row?.n)).toBe(2);
    });
  });

  describe('hostile input', () => {
    it('treats an injection string as data', async () => {
      await expect(idsWhere({ title: HOSTILE })).resolves.toEqual([5]);
      await expect(idsWhere({ q: "'; DROP" })).resolves.toEqual([5]);
      await expect(idsWhere({ reference: "PT-001' OR '1'='1" })).resolves.toEqual([]);
      await expect(dataSource.getRepository(Item).count()).resolves.toBe(10);
    });

    it('keeps every value out of the SQL text', () => {
      const query = parseListQuery(
        {
          filter: j({ title: HOSTILE, status: ['ACTIVE'], q: 'DROP%', amount_gte: 1 }),
          range: '[0,9]',
        },
        ITEMS,
      );
      const [sql, parameters] = applyListQuery(qb(), query, ITEMS).getQueryAndParameters();
      expect(sql).not.toMatch(/DROP|ACTIVE/);
      expect(parameters).toEqual(expect.arrayContaining([HOSTILE, 'ACTIVE', '%drop\\%%']));
    });
  });
});

describe(contentRange.name, () => {
  it('gives first-last/total for a page with rows', () => {
    expect(contentRange('pacts', 0, 25, 100)).toBe('pacts 0-24/100');
    expect(contentRange('pacts', 99, 1, 100)).toBe('pacts 99-99/100');
  });

  it('gives */total for an empty page', () => {
    expect(contentRange('pacts', 0, 0, 0)).toBe('pacts */0');
    expect(contentRange('pacts', 200, 0, 100)).toBe('pacts */100');
  });
});

describe(escapeLike.name, () => {
  it('escapes the LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
    expect(escapeLike('plain')).toBe('plain');
  });
});
