import {
  addDays,
  APPROVED_PACT_STATUSES,
  todayIso,
  type DocumentRecord,
  type Pact as PactRecord,
} from '@generattivi/shared';
import { auditEvents, listQuery, type ErrorBody } from '../support/demo';
import { beneficiaryBody, createBeneficiary, type Json } from '../support/fixtures';
import { SMALL_PDF, uploadDocument } from '../support/documents';
import { attachSignedPact, pactBody, pactSetup, transition } from '../support/pacts';
import { pdfPages } from '../support/pdf';
import { startServer, type TestServer } from '../support/server';

/**
 * The signed pact (DOMAIN.md, "Further rules"): approval (SUBMITTED → ACTIVE) needs a
 * SIGNED_PACT document of the pact itself, and the last one of an approved pact is kept.
 */

type Pact = Json & { id: number; version: number; status: string };

describe('the signed pact', () => {
  let server: TestServer;
  let sw: string;
  let admin: string;
  let crema: number;
  let maker: number;
  const today = todayIso();

  beforeAll(async () => {
    server = await startServer();
    const setup = await pactSetup(
      server,
      { sw: 'sociale.crema@demo.generattivi.it', admin: 'admin@demo.generattivi.it' },
      { maker: 'maker.crema@demo.generattivi.it' },
    );
    ({ sw, admin } = setup.tokens);
    crema = setup.territories.CREMA;
    maker = setup.users.maker;
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** A SUBMITTED AUTONOMY pact of a new beneficiary, with one milestone: ready but for the signature. */
  async function submittedPact(): Promise<Pact & { milestoneId: number }> {
    const b = await createBeneficiary(server, sw, beneficiaryBody(crema));
    const pact = await server.request<Pact>('POST', '/api/pacts', {
      token: sw,
      body: pactBody(crema, maker, { beneficiaryId: b.id }),
    });
    expect(pact.status).toBe(201);
    const milestone = await server.request<{ id: number }>('POST', '/api/milestones', {
      token: sw,
      body: { pactId: pact.body.id, title: 'Colloquio', dueDate: addDays(today, 30) },
    });
    expect(milestone.status).toBe(201);
    expect((await transition(server, sw, pact.body.id, { to: 'SUBMITTED' })).status).toBe(200);
    return { ...pact.body, milestoneId: milestone.body.id };
  }

  const approve = (id: number) => transition<Pact & ErrorBody>(server, sw, id, { to: 'ACTIVE' });
  const remove = (id: number) =>
    server.request<Json & ErrorBody>('DELETE', `/api/documents/${id}`, { token: sw });

  it('refuses approval without one (422 SIGNED_PACT_MISSING, the pact unchanged)', async () => {
    const pact = await submittedPact();
    const res = await approve(pact.id);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('SIGNED_PACT_MISSING');
    expect(res.body.message).toBe('the signed pact is missing: upload a SIGNED_PACT document');
    expect(res.body.fieldErrors).toEqual({
      documents: expect.objectContaining({ code: 'SIGNED_PACT_MISSING' }),
    });
    const after = await server.request<Pact>('GET', `/api/pacts/${pact.id}`, { token: sw });
    expect(after.body.status).toBe('SUBMITTED');
  });

  it('names it beside the other requirements when more is missing', async () => {
    const b = await createBeneficiary(server, sw, beneficiaryBody(crema));
    const pact = await server.request<Pact>('POST', '/api/pacts', {
      token: sw,
      body: pactBody(crema, maker, { beneficiaryId: b.id }),
    });
    expect((await transition(server, sw, pact.body.id, { to: 'SUBMITTED' })).status).toBe(200);
    const res = await approve(pact.body.id);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('APPROVAL_REQUIREMENTS');
    expect(Object.keys(res.body.fieldErrors as Json).sort()).toEqual(['documents', 'milestones']);
  });

  it('does not count a SIGNED_PACT of one of its milestones, nor of another pact', async () => {
    const pact = await submittedPact();
    const other = await submittedPact();
    const onMilestone = await uploadDocument(server, sw, {
      ownerType: 'milestones',
      ownerId: pact.milestoneId,
      kind: 'SIGNED_PACT',
      file: SMALL_PDF,
      name: 'patto-firmato.pdf',
    });
    expect(onMilestone.kind).toBe('SIGNED_PACT');
    await attachSignedPact(server, sw, other.id);
    const res = await approve(pact.id);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('SIGNED_PACT_MISSING');
    // The other pact's own copy is its own: it is approved.
    expect((await approve(other.id)).status).toBe(200);
  });

  it('approves with one (200), and a SUBMITTED pact may lose it again', async () => {
    const pact = await submittedPact();
    const first = await attachSignedPact(server, sw, pact.id);
    expect((await remove(first)).status).toBe(200);
    expect((await approve(pact.id)).body.code).toBe('SIGNED_PACT_MISSING');
    await attachSignedPact(server, sw, pact.id);
    const approved = await approve(pact.id);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('ACTIVE');
  });

  it('keeps the last one of an approved pact (409 LAST_SIGNED_PACT), while another may go', async () => {
    const pact = await submittedPact();
    const first = await attachSignedPact(server, sw, pact.id);
    expect((await approve(pact.id)).status).toBe(200);
    const refused = await remove(first);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('LAST_SIGNED_PACT');
    // A second copy: then either of them may go, and the other is kept.
    const second = await attachSignedPact(server, sw, pact.id);
    expect((await remove(first)).status).toBe(200);
    expect((await remove(second)).body.code).toBe('LAST_SIGNED_PACT');
    // Suspended, then closed: still kept; resuming is no approval and needs nothing more.
    const suspend = await transition(server, sw, pact.id, { to: 'SUSPENDED', reason: 'Ricovero' });
    expect(suspend.status).toBe(200);
    expect((await remove(second)).body.code).toBe('LAST_SIGNED_PACT');
    expect((await transition(server, sw, pact.id, { to: 'ACTIVE' })).status).toBe(200);
    const closed = await transition(server, sw, pact.id, {
      to: 'TERMINATED',
      reason: 'Trasferito',
      outcome: 'MOVED_AWAY',
      openMilestones: 'MISSED',
    });
    expect(closed.status).toBe(200);
    expect((await remove(second)).status).toBe(409);
    // Nothing was deleted by the refusals: one deletion in the trail, the second copy left.
    const docs = await server.request<Array<{ id: number }>>(
      'GET',
      `/api/documents?filter=${encodeURIComponent(JSON.stringify({ ownerType: 'pacts', ownerId: pact.id }))}`,
      { token: sw },
    );
    expect(docs.body.map((d) => d.id)).toEqual([second]);
    const deletions = await auditEvents(server, admin, {
      entityType: 'documents',
      action: 'delete',
    });
    expect(deletions.map((e) => e.entityId).filter((id) => id === first || id === second)).toEqual([
      first,
    ]);
  });

  it('a milestone’s SIGNED_PACT of an approved pact may be deleted (only the pact’s own counts)', async () => {
    const pact = await submittedPact();
    await attachSignedPact(server, sw, pact.id);
    const onMilestone = await uploadDocument(server, sw, {
      ownerType: 'milestones',
      ownerId: pact.milestoneId,
      kind: 'SIGNED_PACT',
      file: SMALL_PDF,
      name: 'patto-firmato.pdf',
    });
    expect((await approve(pact.id)).status).toBe(200);
    expect((await remove(onMilestone.id)).status).toBe(200);
  });

  it('the demo: every pact that was approved carries its own PDF as its signed pact, uploaded by its social worker', async () => {
    const pacts = await server.request<PactRecord[]>(
      'GET',
      `/api/pacts${listQuery({ status: [...APPROVED_PACT_STATUSES] }, ['id', 'ASC'], [0, 999])}`,
      { token: admin },
    );
    const demo = pacts.body.filter((p) => p.approvedAt);
    expect(demo.length).toBeGreaterThan(20);
    const signed = await server.request<DocumentRecord[]>(
      'GET',
      `/api/documents${listQuery({ ownerType: 'pacts', kind: 'SIGNED_PACT' }, ['id', 'ASC'], [0, 999])}`,
      { token: admin },
    );
    const uploads = await auditEvents(server, admin, { entityType: 'documents', action: 'create' });
    for (const pact of pacts.body) {
      const own = signed.body.filter((d) => d.ownerId === pact.id);
      expect({ pact: pact.reference, signed: own.length > 0 }).toEqual({
        pact: pact.reference,
        signed: true,
      });
    }
    for (const pact of demo.slice(0, 2)) {
      const [document] = signed.body.filter((d) => d.ownerId === pact.id);
      expect(document).toMatchObject({
        mediaType: 'application/pdf',
        fileName: `${pact.reference}-firmato.pdf`,
        uploadedById: pact.socialWorkerId,
      });
      expect(
        uploads.some((e) => e.entityId === document.id && e.actorId === pact.socialWorkerId),
      ).toBe(true);
      const res = await fetch(`${server.url}/api/documents/${document.id}/content`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      const pages = await pdfPages(Buffer.from(await res.arrayBuffer()));
      expect(pages[0].text).toContain(pact.reference);
    }
  });
});
