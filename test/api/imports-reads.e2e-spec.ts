import { computeFiscalCode } from '@generattivi/shared';
import { existsSync } from 'node:fs';
import { DEMO_ACCOUNT, listQuery } from '../support/demo';
import { importFinished, italianCsv, PEOPLE_HEADER, uploadImport } from '../support/imports';
import { startServer, type TestServer } from '../support/server';

/**
 * Issue 14, point 4: while an import commits, the server keeps answering the reads of
 * personal records (on SQLite the import writes on a connection of its own, and the reads'
 * access-log entries spill aside while it holds the write lock): they answer before the job is
 * done, never show its uncommitted rows, and each read's entry reaches the access log once.
 */

/** Rows enough for a commit of a few seconds. */
const ROWS = 5_000;
const DAY_MS = 24 * 60 * 60_000;

/**
 * People named «Concorrente…» (nobody else is), a valid fiscal code each: born on
 * consecutive days from the `first`th after 1/1/1940.
 */
function peopleFile(tag: string, first: number): Buffer {
  const rows = Array.from({ length: ROWS }, (_, n) => {
    const lastName = `Concorrente${tag}`;
    const birthDate = new Date(Date.UTC(1940, 0, 1) + (first + n) * DAY_MS)
      .toISOString()
      .slice(0, 10);
    const fiscalCode = computeFiscalCode({
      lastName,
      firstName: 'Bruna',
      birthDate,
      sex: 'F',
      municipalityCode: 'D142',
    });
    const [y, m, d] = birthDate.split('-');
    return [lastName, 'Bruna', fiscalCode, `${d}/${m}/${y}`, 'F', 'Crema', 'Crema', 'Disoccupato'];
  });
  return italianCsv([PEOPLE_HEADER, ...rows]);
}

type LogRow = { entityType: string; entityId: number; via: string; at: string };

describe('imports: reads answered while an import commits', () => {
  let server: TestServer;
  let admin: string;
  let personId: number;
  let pactId: number;

  beforeAll(async () => {
    server = await startServer();
    admin = await server.login(DEMO_ACCOUNT.ADMIN);
    const pacts = await server.request<Array<{ id: number; beneficiaryId: number }>>(
      'GET',
      `/api/pacts${listQuery({ type: 'AUTONOMY' }, ['id', 'ASC'], [0, 0])}`,
      { token: admin },
    );
    expect(pacts.status).toBe(200);
    [{ id: pactId, beneficiaryId: personId }] = pacts.body;
  }, 120_000);
  afterAll(async () => server?.stop());

  /**
   * Commits an import through `writer` and reads through `reader` meanwhile; then checks
   * what was seen and what the access log holds.
   */
  async function readWhileCommitting(
    writer: TestServer,
    reader: TestServer,
    tag: string,
    first: number,
  ) {
    const since = new Date().toISOString();
    const token = await reader.login(DEMO_ACCOUNT.ADMIN);
    const writerToken = writer === reader ? token : await writer.login(DEMO_ACCOUNT.ADMIN);
    const marker = `Concorrente${tag}`;
    const imported = async () => {
      const res = await reader.request<unknown[]>(
        'GET',
        `/api/beneficiaries${listQuery({ q: marker }, undefined, [0, 9])}`,
        { token },
      );
      expect(res.status).toBe(200);
      return Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1]);
    };
    const expected = { personOne: 0, pactOne: 0, pactList: 0 };
    const read = async () => {
      const one = await reader.request('GET', `/api/beneficiaries/${personId}`, { token });
      expect(one.status).toBe(200);
      expected.personOne++;
      const pact = await reader.request('GET', `/api/pacts/${pactId}`, { token });
      expect(pact.status).toBe(200);
      expected.pactOne++;
      const page = await reader.request<Array<{ id: number }>>(
        'GET',
        `/api/pacts${listQuery({ beneficiaryId: personId }, undefined, [0, 24])}`,
        { token },
      );
      expect(page.status).toBe(200);
      expect(page.body.map((p) => p.id)).toContain(pactId);
      expected.pactList++;
    };
    const status = async (id: number) =>
      (
        await writer.request<{ status: string }>('GET', `/api/imports/${id}`, {
          token: writerToken,
        })
      ).body.status;

    const upload = await uploadImport(
      writer,
      writerToken,
      'beneficiaries',
      peopleFile(tag, first),
      `${tag}.csv`,
      false,
    );
    expect(upload.status).toBe(202);
    const id = upload.body.id;
    // Rounds of reads that began and ended while the job was running.
    let during = 0;
    for (;;) {
      const before = await status(id);
      if (before === 'DONE' || before === 'FAILED') break;
      if (before !== 'RUNNING') {
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      const seen = await imported();
      await read();
      if ((await status(id)) === 'RUNNING') {
        // Nothing of the import shows before its commit.
        expect(seen).toBe(0);
        during++;
      }
    }
    const done = await importFinished(writer, writerToken, id);
    expect(done).toMatchObject({ status: 'DONE', committed: true, created: ROWS, failed: 0 });
    expect(during).toBeGreaterThan(0);
    expect(await imported()).toBe(ROWS);

    // Each read recorded once: none lost, none twice (the spill moved in before the list).
    const log = await reader.request<LogRow[]>(
      'GET',
      `/api/beneficiaries/${personId}/access-log${listQuery({ at_gte: since }, ['id', 'ASC'], [0, 999])}`,
      { token },
    );
    expect([log.status, log.body]).toEqual([200, expect.any(Array)]);
    expect(log.headers.get('content-range')).toBe(
      `access-log 0-${log.body.length - 1}/${log.body.length}`,
    );
    const count = (entityType: string, entityId: number, via: string) =>
      log.body.filter(
        (e) => e.entityType === entityType && e.entityId === entityId && e.via === via,
      ).length;
    expect({
      personOne: count('beneficiaries', personId, 'one'),
      pactOne: count('pacts', pactId, 'one'),
      pactList: count('pacts', pactId, 'list'),
    }).toEqual(expected);
    return { during };
  }

  it('one instance: the pacts and the people answer during the commit, its rows unseen until it ends', async () => {
    await readWhileCommitting(server, server, 'Uno', 0);
    if (server.engine === 'sqlite')
      // The reads' entries went to the spill file while the import held the write lock.
      expect(existsSync(`${server.databaseUrl}-access-spill`)).toBe(true);
  }, 600_000);

  it('two instances on one database: the other answers during the commit, the log once each', async () => {
    const other = await startServer({ databaseUrl: server.databaseUrl });
    try {
      await readWhileCommitting(server, other, 'Due', ROWS);
      await readWhileCommitting(other, server, 'Tre', 2 * ROWS);
    } finally {
      await other.stop();
    }
  }, 900_000);
});
