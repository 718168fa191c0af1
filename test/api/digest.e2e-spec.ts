import {
  addDays,
  italianDate,
  isoWeekday,
  todayIso,
  type DigestPreview,
  type ProfileRecord,
} from '@generattivi/shared';
import { openDatabase, type DirectDb } from '../support/db';
import { createUser } from '../support/demo';
import { beneficiaryBody, createBeneficiary, type Json } from '../support/fixtures';
import { pactBody, pactSetup, ROLE_ACCOUNTS, transition } from '../support/pacts';
import { startServer, type TestServer } from '../support/server';
import { TestSmtp } from '../support/smtp';

type Pact = Json & { id: number; reference: string };
interface Mail {
  to: string;
  subject: string;
  status: string;
  dedupe_key: string;
}

const PASSWORD = 'Zefiro-Lampone-42-Orizzonte';
/** A fiscal code's shape: no mail may carry one. */
const FISCAL_CODE = /[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z][0-9A-Z]{3}[A-Z]/;
const DAY = 86_400_000;
const PUBLIC_URL = 'https://generattivi.example.it/';
const CREMA = 'Ambito distrettuale di Crema';
const CREMONA = 'Ambito distrettuale di Cremona';

describe('digest', () => {
  let server: TestServer;
  let db: DirectDb;
  let smtp: TestSmtp;
  let tokens: Record<keyof typeof ROLE_ACCOUNTS, string>;
  let territories: Record<string, number>;
  let maker: { id: number; email: string; token: string };
  const fiscalCodes: string[] = [];
  const today = todayIso();
  const pacts: Record<'draft' | 'submitted' | 'edgeIn' | 'edgeOut' | 'other', Pact> = {} as never;

  beforeAll(async () => {
    smtp = await new TestSmtp().start();
    server = await startServer({ env: mailEnv() });
    db = await openDatabase(server);
    ({ tokens, territories } = await pactSetup(server, ROLE_ACCOUNTS, {}));
    const account = await createUser(server, tokens.admin, {
      role: 'COMMUNITY_MAKER',
      territoryIds: [territories.CREMA],
      password: PASSWORD,
    });
    maker = { ...account, token: await server.login(account.email, PASSWORD) };

    const create = async (makerId: number): Promise<Pact> => {
      const body = beneficiaryBody(territories.CREMA);
      fiscalCodes.push(String(body.fiscalCode));
      const person = await createBeneficiary(server, tokens.swCrema, body);
      const res = await server.request<Pact>('POST', '/api/pacts', {
        token: tokens.swCrema,
        body: pactBody(territories.CREMA, makerId, { beneficiaryId: person.id }),
      });
      expect(res.status).toBe(201);
      return res.body;
    };
    const makerCrema = (
      await server.request<ProfileRecord>('GET', '/api/profile', { token: tokens.makerCrema })
    ).body.id;
    for (const key of ['draft', 'submitted', 'edgeIn', 'edgeOut'] as const)
      pacts[key] = await create(maker.id);
    pacts.other = await create(makerCrema);
    const milestone = async (pactId: number, title: string) => {
      const res = await server.request<{ id: number }>('POST', '/api/milestones', {
        token: tokens.swCrema,
        body: { pactId, title, dueDate: addDays(today, 60) },
      });
      expect(res.status).toBe(201);
      return res.body.id;
    };
    // Due in 7 days (in), in 8 (out), 3 days ago (in: overdue).
    for (const [title, days] of [
      ['Colloquio', 7],
      ['Tirocinio', 8],
      ['Bilancio', -3],
    ] as const) {
      const id = await milestone(pacts.draft.id, title);
      await db.run('UPDATE milestones SET due_date = $1 WHERE id = $2', [addDays(today, days), id]);
    }
    // The other maker's overdue milestone: not in this maker's digest.
    const theirs = await milestone(pacts.other.id, 'Altro');
    await db.run('UPDATE milestones SET due_date = $1 WHERE id = $2', [addDays(today, -1), theirs]);
    expect(
      (await transition(server, maker.token, pacts.submitted.id, { to: 'SUBMITTED' })).status,
    ).toBe(200);
    // Two active pacts: one silent for 30 days and ending in 30, one silent for 29 and ending in 31.
    const at = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
    const activate = (pact: Pact, silentMs: number, endsIn: number) =>
      db.run(
        "UPDATE pacts SET status = 'ACTIVE', approved_at = $1, last_note_at = $2, planned_end_date = $3 WHERE id = $4",
        [at(silentMs), at(silentMs), addDays(today, endsIn), pact.id],
      );
    await activate(pacts.edgeIn, 30 * DAY + 3_600_000, 30);
    await activate(pacts.edgeOut, 29 * DAY, 31);
  });
  afterAll(async () => {
    await db?.close();
    await server?.stop();
    await smtp?.stop();
  });
  /** Every instance sends through the test's SMTP server, soon after a mail is queued. */
  const mailEnv = () => ({ PUBLIC_URL, SMTP_URL: smtp.url, MAIL_POLL_SECONDS: '1' });

  const preview = async (token: string) => {
    const res = await server.request<DigestPreview>('GET', '/api/profile/digest-preview', {
      token,
    });
    expect(res.status).toBe(200);
    return res.body;
  };
  /** The pact lines of a digest: reference, territory, date. */
  const lines = (text: string) =>
    text
      .split('\n')
      .filter((l) => l.startsWith('- '))
      .map((l) => l.slice(2).split(' – '));

  it('a community maker’s digest: only their pacts, each section at its edges', async () => {
    const digest = await preview(maker.token);
    expect(digest.empty).toBe(false);
    // A maker gets a weekly digest unless they choose otherwise.
    expect(digest.subject).toContain(`Riepilogo settimanale del ${italianDate(today)}`);
    const text = digest.text!;
    const section = (title: string) => {
      const start = text.indexOf(title);
      expect(start).toBeGreaterThanOrEqual(0);
      const end = text.indexOf('\n\n', start);
      return lines(text.slice(start, end === -1 ? undefined : end));
    };
    const ref = (p: Pact) => p.reference;
    expect(section('Patti in attesa di approvazione (1)')).toEqual([
      [ref(pacts.submitted), CREMA, expect.stringMatching(/^inviato il \d\d\/\d\d\/\d{4}$/)],
    ]);
    expect(section('Tappe in scadenza entro 7 giorni o scadute (2)')).toEqual([
      [ref(pacts.draft), CREMA, `scadenza ${italianDate(addDays(today, -3))}`],
      [ref(pacts.draft), CREMA, `scadenza ${italianDate(addDays(today, 7))}`],
    ]);
    expect(section('Patti senza note nel diario da 30 giorni (1)')).toEqual([
      [ref(pacts.edgeIn), CREMA, expect.stringMatching(/^ultima attività /)],
    ]);
    expect(section('Patti che terminano entro 30 giorni')).toEqual([
      [ref(pacts.edgeIn), CREMA, `fine prevista ${italianDate(addDays(today, 30))}`],
    ]);
    expect(text).not.toContain(ref(pacts.edgeOut));
    expect(text).not.toContain(ref(pacts.other));
    expect(text).not.toContain(italianDate(addDays(today, 8)));
    expect(text).toContain(
      `https://generattivi.example.it/#/pacts/${pacts.draft.id}/show`, // no double slash,
    );
    expect(text).not.toMatch(FISCAL_CODE);
  });

  it('a social worker’s digest names only their territories’ pacts; the manager’s and the administrator’s any', async () => {
    const crema = lines((await preview(tokens.swCrema)).text ?? '');
    expect(crema.length).toBeGreaterThan(0);
    expect(new Set(crema.map((l) => l[1]))).toEqual(new Set([CREMA]));
    const cremona = lines((await preview(tokens.swCremona)).text ?? '');
    expect(cremona.length).toBeGreaterThan(0);
    expect(new Set(cremona.map((l) => l[1]))).toEqual(new Set([CREMONA]));
    for (const token of [tokens.manager, tokens.admin]) {
      const all = lines((await preview(token)).text ?? '');
      expect(new Set(all.map((l) => l[1])).size).toBeGreaterThan(1);
    }
    for (const [name, token] of Object.entries(tokens)) {
      const started = performance.now();
      const text = (await preview(token)).text ?? '';
      console.log(`digest preview of ${name}: ${Math.round(performance.now() - started)} ms`);
      expect(text).not.toMatch(FISCAL_CODE);
    }
  });

  it('the profile sets the digest: own only, a wrong value is a 400', async () => {
    const me = await server.request<ProfileRecord>('GET', '/api/profile', { token: maker.token });
    expect(me.body).toEqual({
      id: maker.id,
      email: maker.email,
      fullName: expect.any(String),
      role: 'COMMUNITY_MAKER',
      digestFrequency: 'weekly',
    });
    const bad = await server.request<{ errors: Json }>('PATCH', '/api/profile', {
      token: maker.token,
      body: { digestFrequency: 'hourly' },
    });
    expect([bad.status, Object.keys(bad.body.errors)]).toEqual([400, ['digestFrequency']]);
    const sneaky = await server.request('PATCH', '/api/profile', {
      token: maker.token,
      body: { digestFrequency: 'daily', role: 'ADMIN' },
    });
    expect(sneaky.status).toBe(400);
    const set = await server.request<ProfileRecord>('PATCH', '/api/profile', {
      token: maker.token,
      body: { digestFrequency: 'daily' },
    });
    expect([set.status, set.body.digestFrequency, set.body.role]).toEqual([
      200,
      'daily',
      'COMMUNITY_MAKER',
    ]);
    expect((await preview(maker.token)).subject).toContain(`Riepilogo del ${italianDate(today)}`);
    // The administrator sees and sets it through the users API too.
    const user = await server.request<Json & { digestFrequency: string; version: number }>(
      'GET',
      `/api/users/${maker.id}`,
      { token: tokens.admin },
    );
    expect(user.body.digestFrequency).toBe('daily');
    const events = await db.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM audit_events WHERE entity_type = 'users' AND entity_id = $1 AND action = 'update'",
      [maker.id],
    );
    expect(Number(events[0].n)).toBe(1);
  });

  it('two instances queue each person’s digest once; empty and switched-off digests are not sent', async () => {
    // The maker: weekly again; a maker with nothing to see: daily, empty.
    expect(
      (
        await server.request('PATCH', '/api/profile', {
          token: maker.token,
          body: { digestFrequency: 'weekly' },
        })
      ).status,
    ).toBe(200);
    const idle = await createUser(server, tokens.admin, {
      role: 'COMMUNITY_MAKER',
      territoryIds: [territories.CREMA],
      password: PASSWORD,
    });
    expect(idle.digestFrequency).toBe('weekly');
    const expected = await preview(maker.token);

    const pass = async (weekday: number) => {
      await db.run(
        "UPDATE job_leases SET last_run_on = NULL, lease_owner = NULL, lease_until = NULL WHERE name = 'digest'",
      );
      const env = { ...mailEnv(), DIGEST_HOUR: '0', DIGEST_WEEKDAY: String(weekday) };
      const started = Date.now();
      const others = await Promise.all(
        [0, 1].map(() =>
          startServer({ databaseUrl: server.databaseUrl, engine: server.engine, env }),
        ),
      );
      try {
        const deadline = Date.now() + 60_000;
        let done = false;
        while (!done && Date.now() < deadline) {
          const [lease] = await db.query<{ last_run_on: string | null }>(
            "SELECT last_run_on FROM job_leases WHERE name = 'digest'",
          );
          done = lease?.last_run_on === today;
          if (!done) await new Promise((r) => setTimeout(r, 200));
        }
        expect(done).toBe(true);
        // …and until the mails queued are sent.
        let left = -1;
        while (left !== 0 && Date.now() < deadline) {
          const [row] = await db.query<{ n: number }>(
            "SELECT COUNT(*) AS n FROM mail_outbox WHERE kind = 'digest' AND status <> 'sent'",
          );
          left = Number(row.n);
          if (left !== 0) await new Promise((r) => setTimeout(r, 200));
        }
        expect(left).toBe(0);
        console.log(
          `digest pass (weekday ${weekday}): two instances started, queued and sent in ${Date.now() - started} ms`,
        );
      } finally {
        await Promise.all(others.map((o) => o.stop()));
      }
      return db.query<Mail>(
        'SELECT "to", subject, status, dedupe_key FROM mail_outbox WHERE kind = \'digest\' ORDER BY id',
      );
    };

    const weekday = isoWeekday(today);
    const first = await pass(weekday);
    const to = first.map((m) => m.to);
    expect(new Set(to).size).toBe(to.length);
    expect(first.filter((m) => m.to === maker.email)).toEqual([
      {
        to: maker.email,
        subject: expected.subject,
        status: 'sent',
        dedupe_key: expect.stringMatching(
          new RegExp(`^digest:${maker.id}:week-\\d{4}-\\d\\d-\\d\\d$`),
        ),
      },
    ]);
    expect(to).toContain(ROLE_ACCOUNTS.swCrema); // daily
    expect(to).toContain(ROLE_ACCOUNTS.manager); // weekly
    expect(to).not.toContain(ROLE_ACCOUNTS.admin); // none
    expect(to).not.toContain(idle.email); // nothing to say
    // The SMTP server got each digest once, as the preview said it.
    const received = smtp.mails.flatMap((m) => m.to);
    expect([...received].sort()).toEqual([...to].sort());
    const [mail] = smtp.to(maker.email);
    expect([mail.subject, mail.text.trimEnd()]).toEqual([
      expected.subject,
      expected.text!.trimEnd(),
    ]);
    for (const m of smtp.mails) {
      expect(m.text).not.toMatch(FISCAL_CODE);
      for (const code of fiscalCodes) expect(m.text).not.toContain(code);
    }
    console.log(`digest pass: ${first.length} digests queued`);

    // The same day again, on another weekday setting: nothing more (each once per period).
    const second = await pass(weekday === 7 ? 1 : weekday + 1);
    expect(second).toEqual(first);
    expect(smtp.mails.flatMap((m) => m.to)).toEqual(received);
    // Another weekday, with this day's mails gone: daily ones again, weekly ones not.
    await db.run("DELETE FROM mail_outbox WHERE kind = 'digest'");
    const third = await pass(weekday === 7 ? 1 : weekday + 1);
    expect(third.map((m) => m.to)).toContain(ROLE_ACCOUNTS.swCrema);
    expect(third.map((m) => m.to)).not.toContain(maker.email);
    expect(third.map((m) => m.to)).not.toContain(ROLE_ACCOUNTS.manager);
  });
});
