import { beneficiaryBody, createBeneficiary, type Json } from '../support/fixtures';
import { pactSetup, ROLE_ACCOUNTS } from '../support/pacts';
import { startServer, type TestServer } from '../support/server';

type ErrorBody = { code?: string; fieldErrors?: Record<string, unknown> };
type Duplicate = {
  id: number;
  beneficiaryId: number;
  reportedById: number;
  resolved: boolean;
  resolvedAt: string | null;
  resolvedById: number | null;
  resolutionNote: string | null;
};
type AuditEvent = { action: string; actorId: number; changes: Record<string, [unknown, unknown]> };

const query = (filter: Json) => encodeURIComponent(JSON.stringify(filter));

describe('possible duplicates: ADMIN resolves them', () => {
  let server: TestServer;
  let admin: string, swCrema: string, swCremona: string, manager: string, maker: string;
  let adminId: number, swCremaId: number, crema: number, cremona: number;

  beforeAll(async () => {
    server = await startServer();
    const setup = await pactSetup(
      server,
      {
        admin: ROLE_ACCOUNTS.admin,
        swCrema: ROLE_ACCOUNTS.swCrema,
        swCremona: ROLE_ACCOUNTS.swCremona,
        manager: ROLE_ACCOUNTS.manager,
        maker: ROLE_ACCOUNTS.makerCrema,
      },
      { admin: ROLE_ACCOUNTS.admin, swCrema: ROLE_ACCOUNTS.swCrema },
    );
    ({ admin, swCrema, swCremona, manager, maker } = setup.tokens);
    ({ admin: adminId, swCrema: swCremaId } = setup.users);
    ({ CREMA: crema, CREMONA: cremona } = setup.territories);
  }, 60_000);
  afterAll(async () => server?.stop());

  async function duplicates(filter: Json): Promise<Duplicate[]> {
    const res = await server.request<Duplicate[]>(
      'GET',
      `/api/beneficiaries/possible-duplicates?filter=${query(filter)}`,
      { token: admin },
    );
    expect(res.status).toBe(200);
    return res.body;
  }

  /** A person of Cremona whose fiscal code a social worker of Crema then enters: one report. */
  async function reported(): Promise<{ beneficiaryId: number; attempt: () => Promise<number> }> {
    const body = beneficiaryBody(cremona, { municipality: 'Cremona' });
    const cremonese = await createBeneficiary(server, swCremona, body);
    const attempt = async () => {
      const res = await server.request<ErrorBody>('POST', '/api/beneficiaries', {
        token: swCrema,
        body: { ...body, territoryId: crema, municipality: 'Crema' },
      });
      expect(res.body.code).toBe('FISCAL_CODE_UNAVAILABLE');
      return res.status;
    };
    expect(await attempt()).toBe(409);
    return { beneficiaryId: cremonese.id, attempt };
  }

  const resolve = (id: number, body: Json, token = admin) =>
    server.request<Duplicate & ErrorBody>(
      'POST',
      `/api/beneficiaries/possible-duplicates/${id}/resolve`,
      { token, body },
    );

  it('resolves with a note (audited on the person); the list shows the waiting ones unless asked', async () => {
    const { beneficiaryId, attempt } = await reported();
    const [waiting] = await duplicates({ beneficiaryId });
    expect(waiting).toMatchObject({ reportedById: swCremaId, resolved: false, resolvedAt: null });

    const note = 'Stessa persona, trasferita a Crema: fascicolo unito';
    const done = await resolve(waiting.id, { note: `  ${note} ` });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      id: waiting.id,
      resolved: true,
      resolvedById: adminId,
      resolutionNote: note,
    });
    expect(Date.parse(String(done.body.resolvedAt))).not.toBeNaN();

    // Default: unresolved only; resolved=true the others; anything else a 400.
    expect(await duplicates({ beneficiaryId })).toEqual([]);
    expect(await duplicates({ beneficiaryId, resolved: true })).toEqual([
      expect.objectContaining({ id: waiting.id, resolutionNote: note }),
    ]);
    expect(await duplicates({ beneficiaryId, resolved: false })).toEqual([]);
    const bad = await server.request<ErrorBody>(
      'GET',
      `/api/beneficiaries/possible-duplicates?filter=${query({ resolved: 'yes' })}`,
      { token: admin },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('LIST_QUERY');

    const audit = await server.request<AuditEvent[]>(
      'GET',
      `/api/audit-events?filter=${query({ entityType: 'beneficiaries', entityId: beneficiaryId, action: 'update' })}`,
      { token: admin },
    );
    expect(audit.body).toEqual([
      expect.objectContaining({
        actorId: adminId,
        changes: expect.objectContaining({
          possibleDuplicateId: [null, waiting.id],
          resolutionNote: [null, note],
        }),
      }),
    ]);

    // Resolving again is a 409; after the resolution a new attempt is a new report.
    const again = await resolve(waiting.id, { note: 'di nuovo' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('POSSIBLE_DUPLICATE_RESOLVED');
    expect(await attempt()).toBe(409);
    expect(await attempt()).toBe(409);
    const fresh = await duplicates({ beneficiaryId });
    expect(fresh).toEqual([expect.objectContaining({ resolved: false })]);
    expect(fresh[0].id).not.toBe(waiting.id);
  });

  it('anonymising the person erases the resolution note, the audit event’s copy too', async () => {
    const { beneficiaryId } = await reported();
    const [waiting] = await duplicates({ beneficiaryId });
    expect((await resolve(waiting.id, { note: 'Ermenegilda, via Mazzini 3' })).status).toBe(200);
    const anonymised = await server.request(
      'POST',
      `/api/beneficiaries/${beneficiaryId}/anonymise`,
      {
        token: admin,
        body: { reason: 'Richiesta dell’interessata' },
      },
    );
    expect(anonymised.status).toBe(200);
    const [resolved] = await duplicates({ beneficiaryId, resolved: true });
    expect(resolved.resolutionNote).toBe('testo cancellato');
    const audit = await server.request(
      'GET',
      `/api/audit-events?filter=${query({ entityType: 'beneficiaries', entityId: beneficiaryId, action: 'update' })}`,
      { token: admin },
    );
    expect(audit.status).toBe(200);
    expect(audit.text).toContain('possibleDuplicateId');
    expect(audit.text).not.toContain('Mazzini');
  });

  it('refuses a missing or blank note (400), an unknown report (404) and every other role (403)', async () => {
    const { beneficiaryId } = await reported();
    const [waiting] = await duplicates({ beneficiaryId });
    for (const body of [{}, { note: '   ' }, { note: 7 }, { note: 'x'.repeat(501) }]) {
      const res = await resolve(waiting.id, body);
      expect([JSON.stringify(body).slice(0, 20), res.status]).toEqual([
        JSON.stringify(body).slice(0, 20),
        400,
      ]);
      expect(res.body.fieldErrors).toHaveProperty('note');
    }
    expect((await resolve(waiting.id, { note: 'x'.repeat(500) }, swCrema)).status).toBe(403);
    const unknown = await resolve(2_000_000_000, { note: 'nessuno' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    for (const token of [swCrema, swCremona, manager, maker]) {
      const res = await resolve(waiting.id, { note: 'non mio' }, token);
      expect(res.status).toBe(403);
    }
    // Nothing was written by the refusals.
    expect(await duplicates({ beneficiaryId })).toEqual([
      expect.objectContaining({ id: waiting.id, resolved: false }),
    ]);
  });

  it('20 parallel resolutions: exactly one 200, the others 409, one audit event', async () => {
    const { beneficiaryId } = await reported();
    const [waiting] = await duplicates({ beneficiaryId });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => resolve(waiting.id, { note: `verifica ${i}` })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, ...Array<number>(19).fill(409)]);
    const winner = answers.find((a) => a.status === 200)!;
    const [stored] = await duplicates({ beneficiaryId, resolved: true });
    expect(stored.resolutionNote).toBe(winner.body.resolutionNote);
    const audit = await server.request<AuditEvent[]>(
      'GET',
      `/api/audit-events?filter=${query({ entityType: 'beneficiaries', entityId: beneficiaryId, action: 'update' })}`,
      { token: admin },
    );
    expect(audit.body).toHaveLength(1);
  });
});
