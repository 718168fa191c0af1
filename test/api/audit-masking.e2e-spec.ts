import { AUDIT_ACTIONS } from '@generattivi/shared';
import { listQuery } from '../support/demo';
import { beneficiaryBody, createBeneficiary, territoryIds } from '../support/fixtures';
import { startServer, TestServer } from '../support/server';

type Event = { action: string; changes: Record<string, [unknown, unknown]> };

describe('audit trail as a manager sees it', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('masks fiscal codes and leaves out contact details of beneficiaries', async () => {
    const [admin, manager] = await Promise.all([
      server.login('admin@demo.generattivi.it'),
      server.login('manager@demo.generattivi.it'),
    ]);
    const t = await territoryIds(server, admin);
    const b = await createBeneficiary(server, admin, beneficiaryBody(t.CREMA));
    const path = `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entityType: 'beneficiaries', entityId: b.id }))}`;

    const asAdmin = await server.request<Event[]>('GET', path, { token: admin });
    expect(asAdmin.body[0].changes.fiscalCode).toEqual([null, b.fiscalCode]);
    expect(asAdmin.body[0].changes.phone).toEqual([null, b.phone]);

    const asManager = await server.request<Event[]>('GET', path, { token: manager });
    const code = String(b.fiscalCode);
    expect(asManager.body[0].changes.fiscalCode).toEqual([
      null,
      `${code.slice(0, 6)}*********${code.slice(-1)}`,
    ]);
    expect(asManager.body[0].changes).not.toHaveProperty('phone');
    expect(asManager.body[0].changes).not.toHaveProperty('email');
    expect(asManager.body[0].changes).not.toHaveProperty('address');
    expect(asManager.text).not.toContain(code);

    const verify = await server.request<{ valid: boolean }>('GET', '/api/audit-events/verify', {
      token: manager,
    });
    expect(verify.body.valid).toBe(true);
  });

  it('keeps the name of a deleted person in its event, for the list to name it, masked as elsewhere for a manager', async () => {
    const [admin, manager] = await Promise.all([
      server.login('admin@demo.generattivi.it'),
      server.login('manager@demo.generattivi.it'),
    ]);
    const t = await territoryIds(server, admin);
    const b = await createBeneficiary(
      server,
      admin,
      beneficiaryBody(t.CREMA, { firstName: 'Ornella', lastName: 'Vanoni' }),
    );
    const removed = await server.request('DELETE', `/api/beneficiaries/${b.id}`, { token: admin });
    expect(removed.status).toBeLessThan(300);
    const path = `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entityType: 'beneficiaries', entityId: b.id, action: 'delete' }))}`;

    const [asAdmin] = (await server.request<Event[]>('GET', path, { token: admin })).body;
    expect(asAdmin.changes).toMatchObject({
      firstName: ['Ornella', null],
      lastName: ['Vanoni', null],
      fiscalCode: [b.fiscalCode, null],
    });
    const asManager = await server.request<Event[]>('GET', path, { token: manager });
    expect(asManager.body).toHaveLength(1);
    // Initials and the year of birth, as the manager reads the person everywhere.
    expect(asManager.body[0].changes).toMatchObject({
      firstName: ['O.', null],
      lastName: ['V.', null],
      birthDate: [Number(String(b.birthDate).slice(0, 4)), null],
    });
    expect(asManager.text).not.toContain(String(b.fiscalCode));
    expect(asManager.text).not.toContain('Vanoni');
    expect(asManager.text).not.toContain(String(b.birthDate));
    expect(asManager.body[0].changes).not.toHaveProperty('phone');
  });

  it('shows only actions of the closed list the admin words', async () => {
    const admin = await server.login('admin@demo.generattivi.it');
    const events = await server.request<Event[]>(
      'GET',
      `/api/audit-events${listQuery(undefined, undefined, [0, 99])}`,
      { token: admin },
    );
    expect(events.status).toBe(200);
    const actions = new Set(events.body.map((e) => e.action));
    expect(actions).toContain('login');
    expect([...actions].filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual(
      [],
    );
  });
});
