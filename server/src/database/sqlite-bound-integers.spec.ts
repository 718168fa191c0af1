import { DataSource } from 'typeorm';
import { createDataSource } from './sqlite-bound-integers';

describe('SQLite integer parameters', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await createDataSource({
      type: 'better-sqlite3',
      database: ':memory:',
    }).initialize();
    await dataSource.query('CREATE TABLE t (code varchar(10), n integer)');
  });
  afterAll(() => dataSource.destroy());

  const typeOf = (value: unknown) =>
    dataSource
      .createQueryBuilder()
      .select('typeof(:v)', 't')
      .from('(SELECT 1)', 'x')
      .setParameter('v', value)
      .getRawOne<{ t: string }>()
      .then((r) => r?.t);

  it('binds integers as INTEGER parameters instead of writing them into the SQL', async () => {
    const [sql, params] = dataSource
      .createQueryBuilder()
      .select('1')
      .from('t', 't')
      .where('t.n = :n', { n: 4711 })
      .getQueryAndParameters();
    expect(sql).not.toContain('4711');
    expect(params).toEqual([4711n]);
    expect(await typeOf(5)).toBe('integer');
    expect(await typeOf(-3)).toBe('integer');
  });

  it('leaves other values as they were', async () => {
    expect(await typeOf(5.5)).toBe('real');
    expect(await typeOf('5')).toBe('text');
    // Beyond 2^53 a JS number is not an exact integer: TypeORM's literal, as before.
    expect(await typeOf(2 ** 60)).toBe('integer');
  });

  it('stores an integer in a text column as the literal would, and finds it again', async () => {
    await dataSource
      .createQueryBuilder()
      .insert()
      .into('t')
      .values({ code: 5 as unknown as string, n: 7 })
      .execute();
    expect(await dataSource.query('SELECT code, typeof(n) AS tn FROM t')).toEqual([
      { code: '5', tn: 'integer' },
    ]);
    const found = await dataSource
      .createQueryBuilder()
      .select('t.code', 'code')
      .from('t', 't')
      .where('t.n IN (:...ns)', { ns: [6, 7] })
      .getRawMany();
    expect(found).toEqual([{ code: '5' }]);
  });
});
