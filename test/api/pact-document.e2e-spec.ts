import { addDays, todayIso } from '@generattivi/shared';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { auditEvents, DEMO_ACCOUNT } from '../support/demo';
import {
  beneficiaryBody,
  createBeneficiary,
  createHousehold,
  type Json,
} from '../support/fixtures';
import { pactBody, pactSetup } from '../support/pacts';
import { pdfPages, type PdfPage } from '../support/pdf';
import { startServer, type TestServer } from '../support/server';

/**
 * The printable pact (`GET /api/pacts/:id/document`, DOMAIN.md "The signed pact"): a PDF in
 * Italian read back with pdf.js, its scope and its traces (audit trail, access log).
 */

/** Baselines below this height (points from the bottom) belong to the footer only. */
const FOOTER_TOP = 70;
/** Where the first page is saved as an image (gitignored). */
const ARTIFACTS = join(__dirname, '..', 'artifacts');
const ACCENTS = 'àèéìòù';

const italian = (iso: string) => iso.split('-').reverse().join('/');

interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

describe('GET /api/pacts/:id/document', () => {
  let server: TestServer;
  let s: Awaited<ReturnType<typeof setup>>;

  const download = async (id: number, token: string): Promise<Download> => {
    const res = await fetch(`${server.url}/api/pacts/${id}/document`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return {
      status: res.status,
      headers: res.headers,
      bytes: Buffer.from(await res.arrayBuffer()),
    };
  };

  async function setup() {
    const { tokens, territories, users } = await pactSetup(
      server,
      {
        admin: DEMO_ACCOUNT.ADMIN,
        manager: DEMO_ACCOUNT.MANAGER,
        sw: 'sociale.crema@demo.generattivi.it',
        maker: 'maker.crema@demo.generattivi.it',
        swCremona: 'sociale.cremona@demo.generattivi.it',
        makerCremona: 'maker.cremona@demo.generattivi.it',
      },
      { maker: 'maker.crema@demo.generattivi.it' },
    );
    const crema = territories.CREMA;
    const person = await createBeneficiary(server, tokens.sw, {
      ...beneficiaryBody(crema),
      firstName: `Niccolò ${ACCENTS}`,
      lastName: "D'Alò",
    });
    const start = todayIso();
    const end = addDays(start, 365);
    const created = await server.request<Json & { id: number; reference: string }>(
      'POST',
      '/api/pacts',
      {
        token: tokens.sw,
        body: pactBody(
          crema,
          users.maker,
          { beneficiaryId: person.id },
          {
            title: "Verso l'autonomia",
            objectives: `Ritrovare un lavoro stabile: ${ACCENTS}. ${'Un obiettivo lungo e dettagliato. '.repeat(60)}`,
            citizenCommitments: "Frequentare il corso d'italiano ogni martedì",
            communityCommitments: "Il laboratorio offre un tutor e un'aula per lo studio",
            startDate: start,
            plannedEndDate: end,
          },
        ),
      },
    );
    if (created.status !== 201) throw new Error(`create pact → ${created.status} ${created.text}`);
    const milestones: Array<{ title: string; dueDate: string }> = [];
    for (let n = 1; n <= 40; n++) {
      const milestone = {
        title: `Tappa ${n} dell'anno`,
        description: n % 4 === 0 ? "Verifica con l'assistente sociale. ".repeat(n % 9) : '',
        dueDate: addDays(start, n * 7),
      };
      const res = await server.request('POST', '/api/milestones', {
        token: tokens.sw,
        body: { pactId: created.body.id, ...milestone },
      });
      if (res.status !== 201) throw new Error(`milestone → ${res.status} ${res.text}`);
      milestones.push(milestone);
    }
    return { tokens, territories, users, person, pact: created.body, milestones, start, end };
  }

  beforeAll(async () => {
    server = await startServer();
    s = await setup();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('is an A4 PDF download named after the reference, with every part of the pact in Italian', async () => {
    const res = await download(s.pact.id, s.tokens.sw);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="${s.pact.reference}.pdf"`,
    );
    expect(res.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);

    mkdirSync(ARTIFACTS, { recursive: true });
    const pages = await pdfPages(res.bytes, join(ARTIFACTS, `pact-document-${server.engine}.png`));
    const text = pages.map((p) => p.text.replace(/\n/g, ' ')).join(' ');
    for (const expected of [
      "Patto per l'Autonomia",
      "Verso l'autonomia",
      `Riferimento: ${s.pact.reference}`,
      'Ambito territoriale: Ambito distrettuale di Crema',
      'Comune: Crema',
      `Beneficiario/a: Niccolò ${ACCENTS} D'Alò, codice fiscale ${String(s.person.fiscalCode)}`,
      `Ritrovare un lavoro stabile: ${ACCENTS}.`,
      'Assistente sociale responsabile:',
      'Community maker:',
      'Impegni del cittadino',
      "Frequentare il corso d'italiano ogni martedì",
      'Impegni della comunità',
      "Il laboratorio offre un tutor e un'aula per lo studio",
      `Dal ${italian(s.start)} al ${italian(s.end)}`,
      'Requisiti di accesso',
      'versione 2026.1',
      `Età tra 19 e 39 anni: soddisfatto. Età 25 anni il ${italian(s.start)}`,
      'Senza lavoro: soddisfatto.',
      'art. 13 GDPR',
      'Garante per la protezione dei dati personali',
      'Luogo e data: Crema, ____/____/________',
      'Il/La beneficiario/a',
      "L'assistente sociale (",
      'Il community maker (',
    ]) {
      expect(text).toContain(expected);
    }
    for (const [i, m] of s.milestones.entries()) {
      expect(text).toContain(`${i + 1}. ${m.title} entro il ${italian(m.dueDate)}`);
    }
  });

  it('paginates 40 milestones: "Pagina i di N" and the fingerprint on every page, no text over the footer', async () => {
    const res = await download(s.pact.id, s.tokens.sw);
    const pages = await pdfPages(res.bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const fingerprints = new Set<string>();
    pages.forEach((page: PdfPage, i) => {
      const footer = page.items.filter((item) => item.y < FOOTER_TOP).map((item) => item.str);
      expect(footer).toHaveLength(2);
      expect(footer[1]).toBe(`Pagina ${i + 1} di ${pages.length}`);
      const match = /^(\S+) · versione (\d+) · impronta ([0-9a-f]{16})$/.exec(footer[0]);
      expect(match?.[1]).toBe(s.pact.reference);
      fingerprints.add(match?.[3] ?? '');
      expect(page.items.filter((item) => item.y >= FOOTER_TOP).length).toBeGreaterThan(0);
    });
    expect(fingerprints.size).toBe(1);
  });

  it('writes the export to the audit trail with the fingerprint, and the reads to the access log', async () => {
    const res = await download(s.pact.id, s.tokens.maker);
    expect(res.status).toBe(200);
    const pages = await pdfPages(res.bytes);
    const fingerprint = /impronta ([0-9a-f]{16})/.exec(pages[0].text)?.[1];
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);

    const events = await auditEvents(server, s.tokens.admin, {
      entityType: 'pacts',
      entityId: s.pact.id,
      action: 'export',
      actorId: s.users.maker,
    });
    expect(events).toHaveLength(1);
    expect(events[0].changes).toMatchObject({
      document: [null, `${s.pact.reference}.pdf`],
      fingerprint: [null, fingerprint],
    });

    const log = await server.request<
      Array<{ actorId: number; entityType: string; entityId: number }>
    >(
      'GET',
      `/api/beneficiaries/${s.person.id}/access-log?filter=${encodeURIComponent(
        JSON.stringify({ actorId: s.users.maker }),
      )}`,
      { token: s.tokens.admin },
    );
    expect(log.status).toBe(200);
    expect(log.body.map((r) => [r.entityType, r.entityId]).sort()).toEqual(
      [
        ['beneficiaries', s.person.id],
        ['pacts', s.pact.id],
      ].sort(),
    );
  });

  it('changes its fingerprint and version when the pact changes', async () => {
    const first = await pdfPages((await download(s.pact.id, s.tokens.sw)).bytes);
    const current = await server.request<Json & { version: number }>(
      'GET',
      `/api/pacts/${s.pact.id}`,
      { token: s.tokens.sw },
    );
    const edited = await server.request('PUT', `/api/pacts/${s.pact.id}`, {
      token: s.tokens.sw,
      body: { ...current.body, communityCommitments: 'Un tutor due volte a settimana' },
    });
    expect(edited.status).toBe(200);
    const second = await pdfPages((await download(s.pact.id, s.tokens.sw)).bytes);
    const footer = (pages: PdfPage[]) => /versione (\d+) · impronta (\w+)/.exec(pages[0].text);
    expect(Number(footer(second)?.[1])).toBe(current.body.version + 1);
    expect(footer(second)?.[2]).not.toBe(footer(first)?.[2]);
    expect(second.map((p) => p.text).join(' ')).toContain('Un tutor due volte a settimana');
  });

  it('names the household and its members on an inclusion pact', async () => {
    const { tokens, territories, users } = s;
    const household = await createHousehold(server, tokens.sw, {
      territoryId: territories.CREMA,
      name: "Famiglia Dell'Orto",
      municipality: 'Pandino',
      membersCount: 2,
    });
    const members = [];
    for (const firstName of ['Zoè', 'Nicolò']) {
      members.push(
        await createBeneficiary(server, tokens.sw, {
          ...beneficiaryBody(territories.CREMA, {
            municipality: 'Pandino',
            householdId: household.id,
          }),
          firstName,
        }),
      );
    }
    const pact = await server.request<{ id: number }>('POST', '/api/pacts', {
      token: tokens.sw,
      body: pactBody(territories.CREMA, users.maker, { householdId: household.id }),
    });
    expect(pact.status).toBe(201);
    const res = await download(pact.body.id, tokens.sw);
    expect(res.status).toBe(200);
    const text = (await pdfPages(res.bytes)).map((p) => p.text.replace(/\n/g, ' ')).join(' ');
    expect(text).toContain("Patto per l'Inclusione Sociale");
    expect(text).toContain("Nucleo familiare: Famiglia Dell'Orto, Pandino (2 componenti)");
    expect(text).toContain('Componenti del nucleo:');
    for (const m of members) expect(text).toContain(`${String(m.firstName)} ${String(m.lastName)}`);
    expect(text).toContain('Luogo e data: Pandino');
    expect(text).toContain('Per il nucleo familiare');
  });

  it('is refused to the manager (403) and unknown outside the caller’s scope (404)', async () => {
    const refused = await server.request<{ statusCode: number }>(
      'GET',
      `/api/pacts/${s.pact.id}/document`,
      { token: s.tokens.manager },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.statusCode).toBe(403);
    for (const token of [s.tokens.swCremona, s.tokens.makerCremona]) {
      expect((await download(s.pact.id, token)).status).toBe(404);
    }
    expect((await download(999_999, s.tokens.admin)).status).toBe(404);
    expect((await download(s.pact.id, s.tokens.admin)).status).toBe(200);
    const unauthenticated = await fetch(`${server.url}/api/pacts/${s.pact.id}/document`);
    expect(unauthenticated.status).toBe(401);
    expect(
      (await server.request('GET', '/api/pacts/abc/document', { token: s.tokens.admin })).status,
    ).toBe(400);
  });
});
