import { startOfMinute, todayIso } from '@generattivi/shared';
import { openDatabase, type DirectDb } from '../support/db';
import { beneficiaryBody, createBeneficiary, Json } from '../support/fixtures';
import { pactBody, pactSetup } from '../support/pacts';
import { startServer, TestServer } from '../support/server';

type Note = Json & { id: number; occurredAt: string };
type FieldRefusal = Json & {
  code: string;
  fieldErrors: Record<string, { code: string; params: Record<string, unknown> }>;
};

/** When a diary note happened: not before its pact was created, not in the future. */
describe('the time of a diary note', () => {
  let server: TestServer;
  let db: DirectDb;
  let sw: string;
  let pact: { id: number; createdAt: string };

  const note = (occurredAt?: string) =>
    server.request<Note & FieldRefusal>('POST', '/api/notes', {
      token: sw,
      body: {
        pactId: pact.id,
        kind: 'MEETING',
        body: 'Incontro',
        ...(occurredAt === undefined ? {} : { occurredAt }),
      },
    });
  const shifted = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();

  beforeAll(async () => {
    server = await startServer();
    const setup = await pactSetup(
      server,
      { sw: 'sociale.crema@demo.generattivi.it' },
      { maker: 'maker.crema@demo.generattivi.it' },
    );
    sw = setup.tokens.sw;
    const crema = setup.territories.CREMA;
    const beneficiaryId = (
      await createBeneficiary(server, sw, beneficiaryBody(crema, { municipality: 'Crema' }))
    ).id;
    const res = await server.request<{ id: number; createdAt: string }>('POST', '/api/pacts', {
      token: sw,
      body: pactBody(crema, setup.users.maker, { beneficiaryId }),
    });
    expect(res.status).toBe(201);
    pact = res.body;
    db = await openDatabase(server);
  });
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  it('at the very instant the pact was created is accepted', async () => {
    const res = await note(pact.createdAt);
    expect(res.status).toBe(201);
    expect(res.body.occurredAt).toBe(pact.createdAt);
  });

  it('at the start of the minute the pact was created in is accepted (times are written to the minute)', async () => {
    const minute = new Date(startOfMinute(Date.parse(pact.createdAt))).toISOString();
    const res = await note(minute);
    expect(res.status).toBe(201);
    expect(res.body.occurredAt).toBe(minute);
  });

  it.each([
    ['one second', 1000],
    ['one millisecond', 1],
    ['a year', 365 * 24 * 3600 * 1000],
  ])(
    '%s before the minute the pact was created in is a 400 on occurredAt naming its day (dd/mm/yyyy)',
    async (_, ms) => {
      const minute = new Date(startOfMinute(Date.parse(pact.createdAt))).toISOString();
      const res = await note(shifted(minute, -ms));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
      const [year, month, day] = todayIso(new Date(pact.createdAt)).split('-');
      expect(res.body.fieldErrors.occurredAt).toEqual(
        expect.objectContaining({
          code: 'NOT_BEFORE',
          params: { date: `${day}/${month}/${year}` },
        }),
      );
      expect(Object.keys(res.body.fieldErrors)).toEqual(['occurredAt']);
    },
  );

  it('in the future is a 400 on occurredAt', async () => {
    const res = await note(shifted(new Date().toISOString(), 60 * 60 * 1000));
    expect(res.status).toBe(400);
    expect(res.body.fieldErrors.occurredAt.code).toBe('NOT_FUTURE');
  });

  it('is now when not given, after the pact was created', async () => {
    const before = Date.now();
    const res = await note();
    expect(res.status).toBe(201);
    expect(Date.parse(res.body.occurredAt)).toBeGreaterThanOrEqual(Date.parse(pact.createdAt));
    expect(Date.parse(res.body.occurredAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('a refused note leaves nothing behind', async () => {
    const rows = await db.query<{ n: number | string }>(
      'SELECT COUNT(*) AS n FROM notes WHERE pact_id = $1',
      [pact.id],
    );
    // The three accepted above: the instant of creation, the start of its minute, now.
    expect(Number(rows[0].n)).toBe(3);
  });

  it('no note of the demo data is older than its pact', async () => {
    const rows = await db.query<{ n: number | string }>(
      // The pact of this suite aside: one of its notes is dated earlier in its minute.
      'SELECT COUNT(*) AS n FROM notes n JOIN pacts p ON p.id = n.pact_id WHERE n.occurred_at < p.created_at AND p.id <> $1',
      [pact.id],
    );
    expect(Number(rows[0].n)).toBe(0);
    const all = await db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM notes');
    expect(Number(all[0].n)).toBeGreaterThan(2);
  });
});
