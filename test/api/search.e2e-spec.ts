import type { Role } from '@generattivi/shared';
import { ErrorBody, listQuery, loginEveryRole } from '../support/demo';
import { startServer, TestServer } from '../support/server';

/** What search compares: lower case, no accents. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

type Row = Record<string, unknown> & { id: number };

describe('free-text search (q)', () => {
  let server: TestServer;
  let tokens: Record<Role, string>;

  beforeAll(async () => {
    server = await startServer();
    tokens = await loginEveryRole(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const search = async (resource: string, q: string, extra: Record<string, unknown> = {}) => {
    const res = await server.request<Row[]>(
      'GET',
      `/api/${resource}${listQuery({ q, ...extra }, ['id', 'ASC'], [0, 999])}`,
      { token: tokens.ADMIN },
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  const all = async (resource: string) => {
    const res = await server.request<Row[]>(
      'GET',
      `/api/${resource}${listQuery(undefined, ['id', 'ASC'], [0, 999])}`,
      { token: tokens.ADMIN },
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  const ids = (rows: Row[]) => rows.map((r) => r.id);
  /** Rows where every word occurs in one of the fields, as search defines it. */
  const expected = (rows: Row[], fields: string[], words: string[]) =>
    ids(
      rows.filter((r) =>
        words.every((w) => fields.some((f) => fold(String(r[f] ?? '')).includes(fold(w)))),
      ),
    );

  it('finds "Ardigò" as "ardigo" and "ARDIGÒ", in an indexed table and a small one', async () => {
    const people = await all('beneficiaries');
    const ardigo = expected(people, ['firstName', 'lastName', 'fiscalCode'], ['ardigo']);
    expect(ardigo.length).toBeGreaterThan(0);
    expect(people.filter((p) => ardigo.includes(p.id)).map((p) => p.lastName)).toContain('Ardigò');
    for (const q of ['ardigo', 'ARDIGÒ', 'Ardigò', 'rdigò']) {
      expect(ids(await search('beneficiaries', q))).toEqual(ardigo);
    }
    const users = await search('users', 'ardigo');
    expect(users.map((u) => u.fullName)).toContain('Tommaso Ardigò');
    expect(ids(await search('users', 'ARDIGÒ'))).toEqual(ids(users));
  });

  it('needs every word (AND), each in any search column', async () => {
    const people = await all('beneficiaries');
    const someone = people.find((p) => fold(String(p.lastName)).length >= 3)!;
    const words = [String(someone.firstName), String(someone.lastName)];
    const both = await search('beneficiaries', words.join(' '));
    expect(ids(both)).toContain(someone.id);
    expect(ids(both)).toEqual(expected(people, ['firstName', 'lastName', 'fiscalCode'], words));
    expect(await search('beneficiaries', `${words[1]} zqxjw`)).toEqual([]);

    const pacts = await all('pacts');
    const title = String(pacts[0].title)
      .split(/\s+/)
      .filter((w) => w.length >= 4);
    expect(title.length).toBeGreaterThan(0);
    expect(ids(await search('pacts', title.join(' ')))).toEqual(
      expected(pacts, ['reference', 'title'], title),
    );
  });

  it('searches notes, milestones and households through their index with the same rules', async () => {
    for (const [resource, fields] of [
      ['notes', ['body']],
      ['milestones', ['title', 'description']],
      ['households', ['name']],
    ] as const) {
      const rows = await all(resource);
      expect(rows.length).toBeGreaterThan(0);
      const text = String(rows[rows.length - 1][fields[0]]);
      const words = text
        .split(/\s+/)
        .filter((w) => w.length >= 4)
        .slice(0, 2)
        .map((w) => w.toUpperCase());
      expect(words.length).toBeGreaterThan(0);
      const found = await search(resource, words.join(' '));
      expect(ids(found)).toContain(rows[rows.length - 1].id);
      expect(ids(found)).toEqual(expected(rows, [...fields], words));
    }
  });

  it('ignores words under 3 characters beside longer ones; alone they are a 400 naming q', async () => {
    const people = await all('beneficiaries');
    expect(ids(await search('beneficiaries', 'a ardigo di'))).toEqual(
      expected(people, ['firstName', 'lastName', 'fiscalCode'], ['ardigo']),
    );
    for (const resource of ['beneficiaries', 'notes', 'users']) {
      const res = await server.request<ErrorBody>(
        'GET',
        `/api/${resource}${listQuery({ q: 'di la' })}`,
        { token: tokens.ADMIN },
      );
      expect(res.status).toBe(400);
      expect(res.body.errors?.filter).toMatch(/^q needs a word of at least 3 characters/);
    }
  });

  it('takes FTS and LIKE syntax in the words as text', async () => {
    for (const q of ['"ardigo', 'ardigo*', 'NOT ardigo', '{first_name} : x', 'a%_c']) {
      const res = await server.request<Row[]>('GET', `/api/beneficiaries${listQuery({ q })}`, {
        token: tokens.ADMIN,
      });
      expect(res.status).toBe(200);
    }
    expect(await search('beneficiaries', 'ardigo"')).toEqual([]);
  });
});
