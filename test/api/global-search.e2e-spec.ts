import { SEARCH_RESOURCES, type Role, type SearchResult, type Sex } from '@generattivi/shared';
import { listQuery, loginEveryRole } from '../support/demo';
import { beneficiaryBody, createHousehold, type Json } from '../support/fixtures';
import { pactBody, pactSetup } from '../support/pacts';
import { startServer, TestServer } from '../support/server';

type Row = Json & { id: number };
type Problem = { code?: string; fieldErrors?: Record<string, { code: string; params: Json }> };

/** The order of the groups: pacts, then beneficiaries, then households. */
const rank = (r: SearchResult) => SEARCH_RESOURCES.indexOf(r.resource);

/**
 * `GET /api/search` (API.md "Search"): one search over pacts, beneficiaries and households,
 * scoped as the lists are, and the pacts list's `q` reaching the beneficiary's and
 * household's names. People of its own (an accented first name, a surname no demo person
 * has) in Crema and Cremona make every expectation exact.
 */
describe('global search (GET /api/search)', () => {
  let server: TestServer;
  let tokens: Record<Role, string>;
  let swCremona: string;
  let makerCremona: string;
  /** A surname only this suite's people have, one of Crema and one of Cremona. */
  const surname = `Zavattarò${Date.now().toString(36).replace(/\d/g, 'q').slice(-4)}`;
  const folded = surname.replace('ò', 'o');
  let nicolo: Row & { fiscalCode: string };
  let cremonese: Row & { fiscalCode: string };
  let pact: Row & { reference: string };
  let household: Row;
  let householdPact: Row & { reference: string };

  const person = (
    territoryId: number,
    municipality: string,
    firstName: string,
    sex: Sex,
    lastName = surname,
  ) => beneficiaryBody(territoryId, { municipality, firstName, lastName, sex });

  const post = async <T>(path: string, body: Json): Promise<T> => {
    const res = await server.request<T>('POST', path, { token: tokens.ADMIN, body });
    if (res.status !== 201) throw new Error(`POST ${path} → ${res.status} ${res.text}`);
    return res.body;
  };

  beforeAll(async () => {
    server = await startServer();
    tokens = await loginEveryRole(server);
    const setup = await pactSetup(
      server,
      {
        swCremona: 'sociale.cremona@demo.generattivi.it',
        makerCremona: 'maker.cremona@demo.generattivi.it',
      },
      { makerCrema: 'maker.crema@demo.generattivi.it' },
    );
    ({ swCremona, makerCremona } = setup.tokens);
    const crema = setup.territories.CREMA;
    nicolo = await post('/api/beneficiaries', person(crema, 'Crema', 'Nicolò', 'M'));
    cremonese = await post(
      '/api/beneficiaries',
      person(setup.territories.CREMONA, 'Cremona', 'Agnese', 'F'),
    );
    pact = await post(
      '/api/pacts',
      pactBody(crema, setup.users.makerCrema, { beneficiaryId: nicolo.id }, { title: 'Orto' }),
    );
    household = await createHousehold(server, tokens.ADMIN, {
      name: `Nucleo ${surname}`,
      territoryId: crema,
    });
    householdPact = await post(
      '/api/pacts',
      pactBody(crema, setup.users.makerCrema, { householdId: household.id }, { title: 'Casa' }),
    );
  });
  afterAll(async () => {
    await server?.stop();
  });

  const search = async (token: string, q: string) => {
    const res = await server.request<SearchResult[]>(
      'GET',
      `/api/search?q=${encodeURIComponent(q)}`,
      { token },
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  const found = (results: SearchResult[]) => results.map((r) => `${r.resource}/${r.id}`);

  it('finds by surname the people, their pacts and their household, grouped by kind', async () => {
    const results = await search(tokens.ADMIN, surname);
    expect(found(results)).toEqual([
      `pacts/${householdPact.id}`,
      `pacts/${pact.id}`,
      `beneficiaries/${cremonese.id}`,
      `beneficiaries/${nicolo.id}`,
      `households/${household.id}`,
    ]);
    expect(results[1]).toEqual({
      resource: 'pacts',
      id: pact.id,
      label: `${pact.reference} — Orto`,
      description: `Nicolò ${surname}`,
      status: 'DRAFT',
    });
    expect(results[3]).toEqual({
      resource: 'beneficiaries',
      id: nicolo.id,
      label: `${surname} Nicolò`,
      description: `${nicolo.fiscalCode} · Crema`,
    });
    expect(results[4]).toEqual({
      resource: 'households',
      id: household.id,
      label: `Nucleo ${surname}`,
      description: 'Crema',
    });
  });

  it('ignores case and accents: "nicolo" finds "Nicolò", and the other way round', async () => {
    const expected = [`pacts/${pact.id}`, `beneficiaries/${nicolo.id}`];
    for (const q of [`nicolo ${folded}`, `NICOLÒ ${surname.toUpperCase()}`, `Nicolo ${surname}`])
      expect(found(await search(tokens.ADMIN, q))).toEqual(expected);
  });

  it('finds a person by a fragment of the fiscal code only for those who read fiscal codes', async () => {
    const fragment = nicolo.fiscalCode.slice(5, 12).toLowerCase();
    for (const role of ['ADMIN', 'SOCIAL_WORKER'] as const)
      expect(found(await search(tokens[role], fragment))).toContain(`beneficiaries/${nicolo.id}`);
    for (const role of ['MANAGER', 'COMMUNITY_MAKER'] as const) {
      expect(await search(tokens[role], fragment)).toEqual([]);
      expect(await search(tokens[role], nicolo.fiscalCode)).toEqual([]);
    }
    // The maker finds the person of their open pact by name, without any fiscal code.
    const byName = await search(tokens.COMMUNITY_MAKER, `nicolo ${folded}`);
    expect(byName.find((r) => r.resource === 'beneficiaries')?.description).toBe('Crema');
    // A manager reads initials: a name finds nobody, nor the pacts about them.
    expect(await search(tokens.MANAGER, `nicolo ${folded}`)).toEqual([]);
    expect(found(await search(tokens.MANAGER, pact.reference))).toEqual([`pacts/${pact.id}`]);
    const [labelled] = await search(tokens.MANAGER, pact.reference);
    expect(labelled.description).toBe(`N. ${surname[0].toUpperCase()}.`);
  });

  it('puts the exact reference or fiscal code first in its group', async () => {
    const byReference = await search(tokens.ADMIN, pact.reference.toLowerCase());
    expect(found(byReference)[0]).toBe(`pacts/${pact.id}`);
    const byCode = await search(tokens.ADMIN, nicolo.fiscalCode);
    expect(found(byCode)).toEqual([`beneficiaries/${nicolo.id}`]);
  });

  it('finds only what each role may see', async () => {
    const crema = [
      `pacts/${householdPact.id}`,
      `pacts/${pact.id}`,
      `beneficiaries/${nicolo.id}`,
      `households/${household.id}`,
    ];
    expect(found(await search(tokens.SOCIAL_WORKER, surname))).toEqual(crema);
    // The maker of Crema follows both pacts: their people and household with them.
    expect(found(await search(tokens.COMMUNITY_MAKER, surname))).toEqual(crema);
    expect(found(await search(swCremona, surname))).toEqual([`beneficiaries/${cremonese.id}`]);
    // The maker of Cremona follows no pact of these people.
    expect(await search(makerCremona, surname)).toEqual([]);
    // A manager finds no one by name (they read initials).
    expect(await search(tokens.MANAGER, surname)).toEqual([]);
  });

  it('answers at most 20 results, grouped by kind and shared among them', async () => {
    // 14 people and 14 households of a name of their own: 28 matches.
    const name = `Ubertì${surname.slice(-4)}`;
    const crema = nicolo.territoryId as number;
    for (let i = 0; i < 14; i++) {
      await post('/api/beneficiaries', person(crema, 'Crema', 'Ada', 'F', name));
      await createHousehold(server, tokens.ADMIN, {
        name: `Casa ${name} ${i}`,
        territoryId: crema,
      });
    }
    expect(await search(tokens.MANAGER, name)).toEqual([]);
    for (const role of ['ADMIN', 'SOCIAL_WORKER'] as const) {
      const results = await search(tokens[role], name);
      expect(results).toHaveLength(20);
      const ranks = results.map(rank);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(results.filter((r) => r.resource === 'beneficiaries')).toHaveLength(10);
      expect(results.filter((r) => r.resource === 'households')).toHaveLength(10);
    }
  });

  it('refuses a q missing, shorter than 3 or longer than 100 characters with 400', async () => {
    const problem = async (query: string) => {
      const res = await server.request<Problem>('GET', `/api/search${query}`, {
        token: tokens.ADMIN,
      });
      expect(res.status).toBe(400);
      return res.body.fieldErrors?.q;
    };
    await expect(problem('')).resolves.toMatchObject({ code: 'REQUIRED' });
    for (const q of ['ab', '  ab  ', 'ò'])
      await expect(problem(`?q=${encodeURIComponent(q)}`)).resolves.toEqual(
        expect.objectContaining({ code: 'MIN_LENGTH', params: { min: 3 } }),
      );
    await expect(problem(`?q=${'a'.repeat(101)}`)).resolves.toEqual(
      expect.objectContaining({ code: 'MAX_LENGTH', params: { max: 100 } }),
    );
    await expect(problem('?q=ab%20cd')).resolves.toEqual(
      expect.objectContaining({ code: 'SEARCH_TOO_SHORT', params: { min: 3 } }),
    );
    await expect(problem('?q=abc&q=def')).resolves.toMatchObject({ code: 'NOT_STRING' });
    await expect(problem('?q=abc%00def')).resolves.toMatchObject({ code: 'NUL_CHARACTER' });
    // 100 characters once trimmed are fine.
    expect(await search(tokens.ADMIN, ` ${'z'.repeat(100)} `)).toEqual([]);
  });

  it('takes FTS and LIKE syntax as text', async () => {
    for (const q of ['"zav', `${folded}*`, 'NOT zav', '{first_name} : x', 'a%_c', "'; DROP"])
      expect(Array.isArray(await search(tokens.ADMIN, q))).toBe(true);
    expect(await search(tokens.ADMIN, '%%%')).toEqual([]);
  });

  describe('the pacts list q', () => {
    const listed = async (token: string, q: string) => {
      const res = await server.request<Row[]>(
        'GET',
        `/api/pacts${listQuery({ q }, ['id', 'ASC'], [0, 999])}`,
        { token },
      );
      expect(res.status).toBe(200);
      return res.body.map((r) => r.id);
    };

    it("matches the beneficiary's and the household's name, without accents", async () => {
      expect(await listed(tokens.ADMIN, folded)).toEqual([pact.id, householdPact.id]);
      // Not for a manager, who reads people by their initials: the title still finds it.
      expect(await listed(tokens.MANAGER, `nicolo ${folded}`)).toEqual([]);
      expect(await listed(tokens.MANAGER, `orto ${pact.reference}`)).toEqual([pact.id]);
      expect(await listed(tokens.ADMIN, `Nucleo ${surname}`)).toEqual([householdPact.id]);
    });

    it('needs every word, each in the reference, the title or a name', async () => {
      expect(await listed(tokens.ADMIN, `${folded} orto`)).toEqual([pact.id]);
      expect(await listed(tokens.ADMIN, `${folded} casa`)).toEqual([householdPact.id]);
      expect(await listed(tokens.ADMIN, `${folded} ${pact.reference}`)).toEqual([pact.id]);
      expect(await listed(tokens.ADMIN, `${folded} zqxjw`)).toEqual([]);
    });

    it('never matches a fiscal code', async () => {
      expect(await listed(tokens.ADMIN, nicolo.fiscalCode.slice(5, 12))).toEqual([]);
    });

    it('stays in scope', async () => {
      expect(await listed(swCremona, folded)).toEqual([]);
      expect(await listed(makerCremona, folded)).toEqual([]);
      expect(await listed(tokens.COMMUNITY_MAKER, folded)).toEqual([pact.id, householdPact.id]);
    });

    it('finds the demo pacts of a demo surname (every pact whose beneficiary has it)', async () => {
      const people = await server.request<Row[]>(
        'GET',
        `/api/beneficiaries${listQuery({ q: 'Tosi' }, ['id', 'ASC'], [0, 999])}`,
        { token: tokens.ADMIN },
      );
      const tosi = new Set(people.body.filter((p) => p.lastName === 'Tosi').map((p) => p.id));
      expect(tosi.size).toBeGreaterThan(0);
      const all = await server.request<Row[]>(
        'GET',
        `/api/pacts${listQuery(undefined, ['id', 'ASC'], [0, 999])}`,
        { token: tokens.ADMIN },
      );
      const theirs = all.body.filter((p) => tosi.has(p.beneficiaryId as number)).map((p) => p.id);
      expect(theirs.length).toBeGreaterThan(0);
      expect(await listed(tokens.ADMIN, 'Tosi')).toEqual(expect.arrayContaining(theirs));
    });
  });
});
