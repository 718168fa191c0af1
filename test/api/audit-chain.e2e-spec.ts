import { ERASED_PERSONAL_DATA, computeFiscalCode } from '@generattivi/shared';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditEventRecord, auditEvents, listQuery } from '../support/demo';
import { DirectDb, openDatabase } from '../support/db';
import { beneficiaryBody, createBeneficiary, Json, territoryIds } from '../support/fixtures';
import { startServer, TestServer } from '../support/server';
import {
  AuditRow,
  canonical,
  GENESIS,
  HashedRow,
  hashedText,
  Verification,
} from '../support/audit-chain';

/** The first chain's rule: plain SHA-256, no key. */
const plainHash = (prev: string, e: HashedRow) =>
  createHash('sha256').update(prev).update('\n').update(hashedText(e)).digest('hex');

/** HMAC under a key the attacker chose (not the server's). */
const wrongKeyHash = (prev: string, e: HashedRow) =>
  createHmac('sha256', 'a-key-that-is-not-the-servers-key')
    .update(prev)
    .update('\n')
    .update(hashedText(e))
    .digest('hex');

describe('audit chain: keyed, anchored, personal data encrypted per person', () => {
  let server: TestServer;
  let db: DirectDb;
  let admin: string;
  let manager: string;
  let dir: string;
  let anchorPath: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'generattivi-anchor-'));
    anchorPath = join(dir, 'audit.anchor');
    server = await startServer({ env: { AUDIT_ANCHOR_PATH: anchorPath } });
    [admin, manager] = await Promise.all([
      server.login('admin@demo.generattivi.it'),
      server.login('manager@demo.generattivi.it'),
    ]);
    db = await openDatabase(server);
  });
  afterAll(async () => {
    await db?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const verify = async () => {
    const res = await server.request<Verification>('GET', '/api/audit-events/verify', {
      token: admin,
    });
    expect(res.status).toBe(200);
    return res.body;
  };
  const rows = () => db.query<AuditRow>('SELECT * FROM audit_events ORDER BY id');
  const eventsOf = (token: string, id: number) =>
    server.request<AuditEventRecord[]>(
      'GET',
      `/api/audit-events${listQuery({ entityType: 'beneficiaries', entityId: id }, ['id', 'ASC'], [0, 99])}`,
      { token },
    );

  /** A person with no contacts: a manager's view then leaves out nothing but the code. */
  async function personWithoutContacts(): Promise<Json & { id: number }> {
    const t = await territoryIds(server, admin);
    const body = beneficiaryBody(t.CREMA);
    return createBeneficiary(server, admin, { ...body, phone: null, email: null, address: null });
  }

  /**
   * What a manager can try: the masked code keeps 7 characters; with name, birth date and sex
   * the candidates are a few thousand. Each is put in the event the manager sees and hashed
   * (and the bare candidate too), then looked for among every string the answer carries.
   */
  function reconstruct(
    seen: AuditEventRecord,
    candidates: string[],
    withCandidate: (changes: AuditEventRecord['changes'], candidate: string) => object,
  ): string[] {
    const text = JSON.stringify(seen);
    const strings = new Set(text.match(/[0-9a-f]{16,}/g) ?? []);
    return candidates.filter((candidate) => {
      const e = {
        at: seen.at,
        actor_id: seen.actorId,
        action: seen.action,
        entity_type: seen.entityType,
        entity_id: seen.entityId,
        changes: canonical(withCandidate(seen.changes, candidate)),
      };
      const guesses = [
        plainHash(seen.prevHash ?? GENESIS, e),
        createHash('sha256').update(candidate).digest('hex'),
      ];
      return (
        text.includes(candidate) ||
        guesses.some((g) => [...strings].some((s) => g.startsWith(s) || s.startsWith(g)))
      );
    });
  }

  /** The true code among others that differ in the hidden characters (municipality code). */
  function candidatesFor(person: Json): string[] {
    const code = String(person.fiscalCode);
    const out = new Set<string>([code]);
    for (let n = 0; out.size < 1000 && n < 26_000; n++) {
      const candidate = computeFiscalCode({
        lastName: String(person.lastName),
        firstName: String(person.firstName),
        birthDate: String(person.birthDate),
        sex: person.sex as 'F' | 'M',
        municipalityCode: `${String.fromCharCode(65 + Math.floor(n / 1000))}${String(n % 1000).padStart(3, '0')}`,
      });
      if (candidate.slice(-1) === code.slice(-1)) out.add(candidate);
    }
    return [...out].filter(
      (c) => c.slice(0, 6) === code.slice(0, 6) && c.slice(-1) === code.slice(-1),
    );
  }

  it('a manager cannot narrow a masked fiscal code from the trail (creation and correction)', async () => {
    const person = await personWithoutContacts();
    const t = await territoryIds(server, admin);
    const corrected = String(
      beneficiaryBody(t.CREMA, {
        firstName: String(person.firstName),
        lastName: String(person.lastName),
        birthDate: String(person.birthDate),
        sex: person.sex as 'F' | 'M',
      }).fiscalCode,
    );
    const put = await server.request('PUT', `/api/beneficiaries/${person.id}`, {
      token: admin,
      body: { ...person, fiscalCode: corrected },
    });
    expect(put.status).toBe(200);

    const asManager = await eventsOf(manager, person.id);
    expect(asManager.status).toBe(200);
    const [created, correction] = asManager.body;
    expect(created.action).toBe('create');
    expect(correction.changes.fiscalCode).toBeDefined();
    for (const e of asManager.body) {
      expect(e).not.toHaveProperty('hash');
      expect(e).not.toHaveProperty('prevHash');
    }
    expect(asManager.text).not.toContain(String(person.fiscalCode));
    expect(asManager.text).not.toContain(corrected);

    const originals = candidatesFor(person);
    expect(originals.length).toBeGreaterThan(500);
    expect(originals).toContain(person.fiscalCode);
    expect(
      reconstruct(created, originals, (changes, c) => ({
        ...changes,
        fiscalCode: [null, c],
      })),
    ).toEqual([]);
    const news = candidatesFor({ ...person, fiscalCode: corrected });
    expect(news).toContain(corrected);
    expect(
      reconstruct(correction, news, (changes, c) => ({
        ...changes,
        fiscalCode: [person.fiscalCode, c],
      })),
    ).toEqual([]);

    // ADMIN still reads the whole events, hashes included.
    const asAdmin = await eventsOf(admin, person.id);
    expect(asAdmin.body[0].changes.fiscalCode).toEqual([null, person.fiscalCode]);
    expect(asAdmin.body[1].changes.fiscalCode).toEqual([person.fiscalCode, corrected]);
    expect(asAdmin.body[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps personal fields encrypted in the database; a forgotten person reads «dato cancellato» and verify holds', async () => {
    const t = await territoryIds(server, admin);
    const person = await createBeneficiary(server, admin, beneficiaryBody(t.CREMA));
    const personal = ['fiscalCode', 'firstName', 'lastName', 'phone', 'email', 'address'];
    const stored = await db.query<AuditRow>(
      "SELECT * FROM audit_events WHERE entity_type = 'beneficiaries' AND entity_id = $1",
      [person.id],
    );
    expect(stored).toHaveLength(1);
    for (const field of personal) expect(stored[0].changes).not.toContain(String(person[field]));
    expect(JSON.parse(stored[0].changes)).toMatchObject({ sex: [null, person.sex] });

    // What SubjectKeysService.forget does, in the database: the person's key is destroyed.
    await db.run(
      "UPDATE audit_subject_keys SET wrapped_key = NULL WHERE subject_type = 'beneficiaries' AND subject_id = $1",
      [person.id],
    );
    const [event] = (await eventsOf(admin, person.id)).body;
    for (const field of ['fiscalCode', 'firstName', 'lastName', 'phone', 'email', 'address']) {
      expect(event.changes[field]).toEqual([null, ERASED_PERSONAL_DATA]);
    }
    expect(event.changes.sex).toEqual([null, person.sex]);
    const [other] = (await auditEvents(server, admin, { entityType: 'beneficiaries' })).filter(
      (e) => e.entityId !== person.id && e.action === 'create',
    );
    expect(JSON.stringify(other.changes)).not.toContain(ERASED_PERSONAL_DATA);
    expect(await verify()).toMatchObject({ valid: true });
  });

  it('anchors the head outside the database, each line signed', async () => {
    const { head } = await verify();
    const lines = readFileSync(anchorPath, 'utf8').trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toEqual({
      ...head,
      mac: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  /** Rewrites every event (`rewrite`) through the database, triggers dropped; puts all back. */
  async function withChainRewritten(
    rewrite: (all: AuditRow[]) => AuditRow[],
    check: () => Promise<void>,
  ): Promise<void> {
    const original = await rows();
    const forged = rewrite(original);
    const put = async (list: AuditRow[]) =>
      db.withoutAppendOnlyTriggers('audit_events', async () => {
        await db.run('DELETE FROM audit_events');
        for (const r of list) {
          await db.run(
            'INSERT INTO audit_events (id, at, actor_id, action, entity_type, entity_id, changes, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
            [
              r.id,
              r.at,
              r.actor_id,
              r.action,
              r.entity_type,
              r.entity_id,
              r.changes,
              r.prev_hash,
              r.hash,
            ],
          );
        }
      });
    await put(forged);
    try {
      await check();
    } finally {
      await put(original);
    }
    expect(await verify()).toMatchObject({ valid: true });
  }

  const rechained = (hash: (prev: string, e: HashedRow) => string) => (all: AuditRow[]) => {
    let prev = GENESIS;
    return all.map((r) => {
      const changes = r.changes.includes('"sex"')
        ? JSON.stringify({ forged: [null, r.id] })
        : r.changes;
      const row = { ...r, changes, prev_hash: prev };
      row.hash = hash(prev, row);
      prev = row.hash;
      return row;
    });
  };

  it('finds the whole chain rewritten with plain SHA-256, even with the seal moved over it', async () => {
    await withChainRewritten(rechained(plainHash), async () => {
      expect(await verify()).toMatchObject({ valid: false, reason: 'HASH_MISMATCH' });
      const [seal] = await db.query<{ legacy_up_to: number; legacy_hash: string }>(
        'SELECT * FROM audit_seal',
      );
      const [last] = await db.query<AuditRow>(
        'SELECT * FROM audit_events ORDER BY id DESC LIMIT 1',
      );
      await db.run('UPDATE audit_seal SET legacy_up_to = $1, legacy_hash = $2', [
        last.id,
        last.hash,
      ]);
      expect(await verify()).toMatchObject({ valid: false, reason: 'SEAL_ALTERED' });
      await db.run('DELETE FROM audit_seal');
      expect(await verify()).toMatchObject({ valid: false, reason: 'SEAL_MISSING' });
      await db.run(
        "INSERT INTO audit_seal (id, legacy_up_to, legacy_hash, mac, at) VALUES (1, $1, $2, $3, '2026-01-01T00:00:00.000Z')",
        [seal.legacy_up_to, seal.legacy_hash, (seal as unknown as { mac: string }).mac],
      );
    });
  });

  it('finds the whole chain rewritten with a key that is not the server’s', async () => {
    await withChainRewritten(rechained(wrongKeyHash), async () => {
      expect(await verify()).toMatchObject({ valid: false, reason: 'HASH_MISMATCH' });
    });
  });

  it('finds a removed tail and an anchored event rewritten to fit, from the anchor', async () => {
    await server.login('manager@demo.generattivi.it');
    const noted = (await verify()).head!;
    await withChainRewritten(
      (all) => all.slice(0, -3),
      async () => {
        const [last] = await db.query<AuditRow>(
          'SELECT * FROM audit_events ORDER BY id DESC LIMIT 1',
        );
        const result = await verify();
        expect(result).toMatchObject({ valid: false, reason: 'TAIL_REMOVED' });
        expect(result.firstInvalidId).toBeGreaterThan(last.id);
        expect(result.firstInvalidId).toBeLessThanOrEqual(noted.id);
      },
    );
    // An anchor line edited by hand is seen too.
    const before = readFileSync(anchorPath, 'utf8');
    writeFileSync(anchorPath, before.replace(noted.hash, 'f'.repeat(64)));
    expect(await verify()).toMatchObject({ valid: false, reason: 'ANCHOR_ALTERED' });
    writeFileSync(anchorPath, before);
  });
});
