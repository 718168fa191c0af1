import { DataSource } from 'typeorm';
import { canonicalJson } from '../common/canonical-json';
import { appDataSourceOptions } from '../data-source';
import { AuditEvent } from './audit-event.entity';
import { eventHash, GENESIS_HASH } from './audit-hash';
import { AuditSeal } from './audit-seal.entity';
import { auditFixture } from './audit.fixture';

/** A chain written by the first version: plain SHA-256, no key, no seal. */
async function legacyChain(dataSource: DataSource, count: number): Promise<AuditEvent[]> {
  const repo = dataSource.getRepository(AuditEvent);
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= count; i++) {
    const row = repo.create({
      at: `2025-01-0${i}T10:00:00.000Z`,
      actorId: null,
      action: 'create',
      entityType: 'territories',
      entityId: i,
      changes: canonicalJson({ name: [null, `T${i}`] }),
      prevHash,
    });
    row.hash = eventHash(prevHash, row);
    prevHash = row.hash;
    await repo.insert(row);
  }
  return repo.find({ order: { id: 'ASC' } });
}

describe('AuditKeyring: upgrading an unkeyed chain by sealing it', () => {
  let dataSource: DataSource;
  let legacy: AuditEvent[];
  const append = (audit: ReturnType<typeof auditFixture>['audit']) =>
    dataSource.transaction((tx) =>
      audit.append(tx, { actorId: null, action: 'update', entityType: 'territories', entityId: 1 }),
    );
  const withoutTriggers = async (sql: string, params: unknown[]) => {
    await dataSource.query('DROP TRIGGER IF EXISTS "audit_events_no_update"');
    await dataSource.query('DROP TRIGGER IF EXISTS "audit_events_no_delete"');
    await dataSource.query(sql, params);
  };

  beforeAll(async () => {
    dataSource = new DataSource(appDataSourceOptions({ type: 'sqlite', path: ':memory:' }));
    await dataSource.initialize();
    await dataSource.runMigrations();
    legacy = await legacyChain(dataSource, 3);
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  it('seals the unkeyed past at its head on start, then keys every new event', async () => {
    const fixture = auditFixture(dataSource);
    await fixture.keyring.onModuleInit();
    const seal = await dataSource.getRepository(AuditSeal).findOneByOrFail({ id: 1 });
    expect(seal).toMatchObject({ legacyUpTo: legacy[2].id, legacyHash: legacy[2].hash });
    await append(fixture.audit);
    const [last] = await dataSource
      .getRepository(AuditEvent)
      .find({ order: { id: 'DESC' }, take: 1 });
    expect(last.prevHash).toBe(legacy[2].hash);
    expect(last.hash).not.toBe(eventHash(last.prevHash, last));
    await expect(fixture.audit.verify()).resolves.toMatchObject({ valid: true, checked: 4 });
    // The seal is made once: a later start keeps it.
    await auditFixture(dataSource).keyring.onModuleInit();
    await expect(dataSource.getRepository(AuditSeal).count()).resolves.toBe(1);
  });

  it('is not fooled by an unkeyed hash appended after the seal', async () => {
    const { audit } = auditFixture(dataSource);
    const repo = dataSource.getRepository(AuditEvent);
    const [last] = await repo.find({ order: { id: 'DESC' }, take: 1 });
    const forged = repo.create({
      at: '2026-01-01T00:00:00.000Z',
      actorId: null,
      action: 'delete',
      entityType: 'territories',
      entityId: 2,
      changes: '{}',
      prevHash: last.hash,
    });
    forged.hash = eventHash(forged.prevHash, forged);
    await repo.insert(forged);
    await expect(audit.verify()).resolves.toMatchObject({
      valid: false,
      firstInvalidId: forged.id,
    });
    await withoutTriggers('DELETE FROM audit_events WHERE id = ?', [forged.id]);
    await expect(audit.verify()).resolves.toMatchObject({ valid: true });
  });

  it('finds the sealed past rewritten and re-hashed, and a seal moved or made with another key', async () => {
    const { audit } = auditFixture(dataSource);
    // The first legacy event rewritten, the unkeyed past re-hashed to fit: the sealed head
    // no longer has the hash the seal's HMAC covers.
    const repo = dataSource.getRepository(AuditEvent);
    const rows = await repo.find({ order: { id: 'ASC' } });
    const rewritten = rows.slice(0, 3).map((r) => ({ ...r }));
    rewritten[0].changes = canonicalJson({ name: [null, 'forged'] });
    let prev = GENESIS_HASH;
    for (const r of rewritten) {
      r.prevHash = prev;
      r.hash = eventHash(prev, r);
      prev = r.hash;
    }
    for (const r of rewritten) {
      await withoutTriggers(
        'UPDATE audit_events SET changes = ?, prev_hash = ?, hash = ? WHERE id = ?',
        [r.changes, r.prevHash, r.hash, r.id],
      );
    }
    await expect(audit.verify()).resolves.toMatchObject({
      valid: false,
      firstInvalidId: rows[2].id,
    });
    await dataSource.query('UPDATE audit_seal SET legacy_hash = ?', [rewritten[2].hash]);
    await expect(audit.verify()).resolves.toEqual({ valid: false, checked: 0 });
    await expect(
      auditFixture(dataSource, 'another-key-'.repeat(4)).audit.verify(),
    ).resolves.toEqual({ valid: false, checked: 0 });
  });
});
