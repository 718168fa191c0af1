import type { ImportRowResult, Pact } from '@generattivi/shared';
import { DEMO_ACCOUNT, listQuery } from '../support/demo';
import {
  italianCsv,
  PEOPLE_HEADER,
  personRow,
  runImport,
  type ImportView,
} from '../support/imports';
import { startServer, type TestServer } from '../support/server';

/**
 * Issue 14: a dry run tells what the commit will do. The dry run applies the rows in groups
 * of 500, each group in its own transaction that is rolled back; the commit applies them all
 * in one. A row whose fate depends on a row more than 500 rows before it (an open pact per
 * person or household, a key twice in the file) gets the same report in both.
 */

/** More than a group of rows of a dry run apart. */
const APART = 600;

const PACT_HEADER = [
  'Codice esterno',
  'Tipo di patto',
  'Stato',
  'Ambito',
  'Codice fiscale beneficiario',
  'Nucleo (codice esterno)',
  'Titolo',
  'Data di inizio',
  'Data di fine prevista',
];

/** A draft pact's row: AUTONOMY for the person `fiscalCode`, or INCLUSION for `household`. */
function pactRow(code: string, subject: { fiscalCode?: string; household?: string }) {
  return [
    code,
    subject.household ? 'Inclusione' : 'Autonomia',
    'Bozza',
    'Crema',
    subject.fiscalCode ?? '',
    subject.household ?? '',
    `Patto ${code}`,
    '01/12/2026',
    '30/06/2027',
  ];
}

const HOUSEHOLD_HEADER = ['Codice esterno', 'Nome', 'Ambito', 'Comune', 'Componenti', 'ISEE (€)'];
const householdRow = (code: string) => [
  code,
  `Famiglia ${code}`,
  'Crema',
  'Crema',
  '3',
  '7.500,00',
];

/** What a report says of the rows, without the ids of the records (a dry run keeps none). */
const reportOf = (job: ImportView) => ({
  rows: job.rows,
  created: job.created,
  updated: job.updated,
  unchanged: job.unchanged,
  failed: job.failed,
  results: job.results.map(({ row, status, errors }: ImportRowResult) => ({
    row,
    status,
    ...(errors ? { errors } : {}),
  })),
});

describe('imports: the dry run reports what the commit does', () => {
  let server: TestServer;
  let sw: string;
  let admin: string;
  /** The people of the filler rows: as many as APART, each with no pact yet. */
  const filler = Array.from({ length: APART }, (_, n) => personRow(n, 'Riempitivo'));
  /** Four more people, by fiscal code: Alfa, Bravo, Carli, Delta. */
  const named = ['Alfa', 'Bravo', 'Carli', 'Delta'].map((lastName, i) =>
    personRow(i + 1, lastName),
  );
  const [anna, , carla, dora] = named.map((person) => person[2]);

  const pactsOf = async (fiscalCode: string) => {
    const people = await server.request<Array<{ id: number }>>(
      'GET',
      `/api/beneficiaries${listQuery({ fiscalCode: [fiscalCode] })}`,
      { token: admin },
    );
    expect(people.status).toBe(200);
    const pacts = await server.request<Pact[]>(
      'GET',
      `/api/pacts${listQuery({ beneficiaryId: people.body[0].id }, ['id', 'ASC'])}`,
      { token: admin },
    );
    expect(pacts.status).toBe(200);
    return pacts.body;
  };

  /** The dry run and then the commit of `file`: both reports, which must be the same. */
  async function dryRunThenCommit(kind: string, file: Buffer, name: string) {
    const dryRun = await runImport(server, sw, kind, file, name, true);
    const commit = await runImport(server, sw, kind, file, name, false);
    expect(dryRun.status).toBe('DONE');
    expect(commit.status).toBe('DONE');
    expect(reportOf(dryRun)).toEqual(reportOf(commit));
    return { dryRun, commit };
  }

  beforeAll(async () => {
    server = await startServer();
    [admin, sw] = await Promise.all(
      [DEMO_ACCOUNT.ADMIN, DEMO_ACCOUNT.SOCIAL_WORKER].map((email) => server.login(email)),
    );
    const people = await runImport(
      server,
      sw,
      'beneficiaries',
      italianCsv([PEOPLE_HEADER, ...filler, ...named]),
      'persone.csv',
      false,
    );
    expect(people).toMatchObject({ committed: true, created: APART + 4, failed: 0 });
    const households = await runImport(
      server,
      sw,
      'households',
      italianCsv([HOUSEHOLD_HEADER, householdRow('NUC-D1')]),
      'nuclei.csv',
      false,
    );
    expect(households).toMatchObject({ committed: true, created: 1 });
    // A draft for Carla, which a file below gives to Dora.
    const pact = await runImport(
      server,
      sw,
      'pacts',
      italianCsv([PACT_HEADER, pactRow('PAT-D0', { fiscalCode: carla })]),
      'patto.csv',
      false,
    );
    expect(pact).toMatchObject({ committed: true, created: 1 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const fillerPacts = () =>
    filler.map((person, n) => pactRow(`PAT-R${n}`, { fiscalCode: person[2] }));

  it('a second pact for a person or a household far down the file: refused by both', async () => {
    const file = italianCsv([
      PACT_HEADER,
      pactRow('PAT-A1', { fiscalCode: anna }),
      pactRow('PAT-I1', { household: 'NUC-D1' }),
      ...fillerPacts(),
      pactRow('PAT-A2', { fiscalCode: anna }),
      pactRow('PAT-I2', { household: 'NUC-D1' }),
    ]);
    const { dryRun } = await dryRunThenCommit('pacts', file, 'patti-doppi.csv');
    expect(dryRun).toMatchObject({ rows: APART + 4, created: APART + 2, failed: 2 });
    const last = dryRun.results.slice(-2);
    expect(last.map((r) => r.row)).toEqual([APART + 4, APART + 5]);
    expect(last[0].errors).toEqual({
      'Codice fiscale beneficiario': expect.objectContaining({ code: 'OPEN_PACT_EXISTS' }),
    });
    expect(last[1].errors).toEqual({
      'Nucleo (codice esterno)': expect.objectContaining({ code: 'OPEN_PACT_EXISTS' }),
    });
    // All or nothing: the commit wrote none of the rows that were fine.
    expect(await pactsOf(anna)).toEqual([]);
    expect(await pactsOf(filler[0][2])).toEqual([]);
  });

  it('a draft given to another person frees the first one for a pact further down', async () => {
    // PAT-D0 goes from Carla to Dora: a pact for Carla is then fine, one for Dora is not.
    const moved = pactRow('PAT-D0', { fiscalCode: dora });
    const refused = italianCsv([
      PACT_HEADER,
      moved,
      ...fillerPacts(),
      pactRow('PAT-C1', { fiscalCode: carla }),
      pactRow('PAT-D1', { fiscalCode: dora }),
    ]);
    const { dryRun } = await dryRunThenCommit('pacts', refused, 'patti-spostati.csv');
    expect(dryRun.results.map((r) => r.status).slice(-2)).toEqual(['created', 'error']);
    expect(dryRun.results.at(-1)?.errors).toEqual({
      'Codice fiscale beneficiario': expect.objectContaining({ code: 'OPEN_PACT_EXISTS' }),
    });
    expect(dryRun.results[0].status).toBe('updated');
    expect((await pactsOf(carla)).map((p) => p.title)).toEqual(['Patto PAT-D0']);

    const fine = italianCsv([
      PACT_HEADER,
      moved,
      ...fillerPacts(),
      pactRow('PAT-C1', { fiscalCode: carla }),
    ]);
    const { commit } = await dryRunThenCommit('pacts', fine, 'patti-spostati.csv');
    expect(commit).toMatchObject({ committed: true, failed: 0, updated: 1, created: APART + 1 });
    expect((await pactsOf(carla)).map((p) => p.title)).toEqual(['Patto PAT-C1']);
    expect((await pactsOf(dora)).map((p) => p.title)).toEqual(['Patto PAT-D0']);
  });

  it('a person or a household twice in the file, far apart: the same error in both', async () => {
    const people = italianCsv([
      PEOPLE_HEADER,
      named[0],
      ...Array.from({ length: APART }, (_, n) => personRow(n, 'Nuova')),
      named[0],
    ]);
    const { dryRun } = await dryRunThenCommit('beneficiaries', people, 'persone-doppie.csv');
    expect(dryRun).toMatchObject({ unchanged: 1, created: APART, failed: 1 });
    expect(dryRun.results.at(-1)?.errors).toEqual({
      'Codice fiscale': expect.objectContaining({
        code: 'IMPORT_DUPLICATE_ROW',
        params: { line: 2 },
      }),
    });
    const households = italianCsv([
      HOUSEHOLD_HEADER,
      householdRow('NUC-D2'),
      ...Array.from({ length: APART }, (_, n) => householdRow(`NUC-F${n}`)),
      householdRow('NUC-D2'),
    ]);
    const report = await dryRunThenCommit('households', households, 'nuclei-doppi.csv');
    expect(report.commit).toMatchObject({ committed: false, created: APART + 1, failed: 1 });
  });
});
