import { ERASED_PERSONAL_DATA } from '@generattivi/shared';
import { DataSource, In } from 'typeorm';
import { appDataSourceOptions } from '../data-source';
import { AuditEvent } from './audit-event.entity';
import { AuditSubjectKey } from './audit-subject-key.entity';
import { auditFixture } from './audit.fixture';

describe('SubjectKeysService', () => {
  let dataSource: DataSource;
  let fixture: ReturnType<typeof auditFixture>;
  const fiscalCode = 'RSSMRA80A01D150X';

  beforeAll(async () => {
    dataSource = new DataSource(appDataSourceOptions({ type: 'sqlite', path: ':memory:' }));
    await dataSource.initialize();
    await dataSource.runMigrations();
    fixture = auditFixture(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  const appendPerson = (id: number, changes: Record<string, [unknown, unknown]>) =>
    dataSource.transaction((tx) =>
      fixture.audit.append(tx, {
        actorId: null,
        action: 'create',
        entityType: 'beneficiaries',
        entityId: id,
        changes,
      }),
    );
  const lastOf = async (id: number) =>
    (
      await dataSource
        .getRepository(AuditEvent)
        .find({ where: { entityType: 'beneficiaries', entityId: id }, order: { id: 'DESC' } })
    )[0];

  it('stores personal fields encrypted, reads them decrypted, leaves the others alone', async () => {
    await appendPerson(1, {
      fiscalCode: [null, fiscalCode],
      sex: [null, 'M'],
      phone: [null, null],
    });
    const stored = await lastOf(1);
    expect(stored.changes).not.toContain(fiscalCode);
    expect(JSON.parse(stored.changes)).toMatchObject({ sex: [null, 'M'], phone: [null, null] });
    const [read] = await fixture.subjects.reveal([stored]);
    expect(JSON.parse(read.changes)).toEqual({
      fiscalCode: [null, fiscalCode],
      sex: [null, 'M'],
      phone: [null, null],
    });
  });

  it('encrypts the same value differently each time (nothing to compare guesses with)', async () => {
    await appendPerson(2, { fiscalCode: [null, fiscalCode] });
    await appendPerson(3, { fiscalCode: [null, fiscalCode] });
    expect((await lastOf(2)).changes).not.toBe((await lastOf(3)).changes);
  });

  it('after forget, reads the erased marker, keeps the chain valid, and stores no new key', async () => {
    await appendPerson(4, { fiscalCode: [null, fiscalCode], firstName: [null, 'Mario'] });
    await dataSource.transaction((tx) => fixture.subjects.forget(tx, 'beneficiaries', 4));
    const [read] = await fixture.subjects.reveal([await lastOf(4)]);
    expect(JSON.parse(read.changes)).toEqual({
      fiscalCode: [null, ERASED_PERSONAL_DATA],
      firstName: [null, ERASED_PERSONAL_DATA],
    });
    await appendPerson(4, { firstName: ['Mario', 'Anonimo'] });
    const later = await lastOf(4);
    expect(later.changes).not.toContain('Mario');
    expect(JSON.parse(later.changes)).toEqual({
      firstName: [ERASED_PERSONAL_DATA, ERASED_PERSONAL_DATA],
    });
    const [other] = await fixture.subjects.reveal([await lastOf(1)]);
    expect(JSON.parse(other.changes)).toMatchObject({ fiscalCode: [null, fiscalCode] });
    await expect(fixture.audit.verify()).resolves.toMatchObject({ valid: true });
  });

  it('forget rolls back with the caller’s transaction', async () => {
    await appendPerson(5, { lastName: [null, 'Bianchi'] });
    await expect(
      dataSource.transaction(async (tx) => {
        await fixture.subjects.forget(tx, 'beneficiaries', 5);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const [read] = await fixture.subjects.reveal([await lastOf(5)]);
    expect(JSON.parse(read.changes)).toEqual({ lastName: [null, 'Bianchi'] });
  });

  it('under another AUDIT_KEY, personal fields read as erased (the keys do not open)', async () => {
    const other = auditFixture(dataSource, 'y'.repeat(40));
    const [read] = await other.subjects.reveal([await lastOf(1)]);
    expect(JSON.parse(read.changes)).toMatchObject({ fiscalCode: [null, ERASED_PERSONAL_DATA] });
  });

  it('a chain checked with another AUDIT_KEY does not verify', async () => {
    await expect(auditFixture(dataSource, 'x'.repeat(40)).audit.verify()).resolves.toMatchObject({
      valid: false,
    });
  });

  it('a unit of work of many events reads and makes their keys in batches: one key a subject, each event readable', async () => {
    // Subjects 1 (key made above), 4 (forgotten above) and 1,000 to 1,599 (no key yet), two
    // events each: more than a batch of key reads (500) and of key inserts (100).
    const ids = [1, 4, ...Array.from({ length: 600 }, (_, i) => 1000 + i)];
    await dataSource.transaction(async (tx) => {
      fixture.audit.defer(tx);
      for (const round of ['a', 'b'])
        for (const id of ids)
          await fixture.audit.append(tx, {
            actorId: null,
            action: 'update',
            entityType: 'beneficiaries',
            entityId: id,
            changes: { lastName: [null, `${round}${id}`] },
          });
      await fixture.audit.flush(tx);
    });
    const keys = await dataSource
      .getRepository(AuditSubjectKey)
      .find({ where: { subjectType: 'beneficiaries' } });
    const perSubject = new Map<number, number>();
    for (const k of keys) perSubject.set(k.subjectId, (perSubject.get(k.subjectId) ?? 0) + 1);
    expect(ids.filter((id) => perSubject.get(id) !== 1)).toEqual([]);
    const events = await dataSource.getRepository(AuditEvent).find({
      where: { entityType: 'beneficiaries', entityId: In(ids), action: 'update' },
      order: { id: 'ASC' },
    });
    expect(events).toHaveLength(ids.length * 2);
    expect(events.some((e) => e.changes.includes('a1000'))).toBe(false);
    const read = await fixture.subjects.reveal(events);
    const lastNames = read.map(
      (e) => (JSON.parse(e.changes) as { lastName: unknown[] }).lastName[1],
    );
    const expected = ['a', 'b'].flatMap((round) =>
      ids.map((id) => (id === 4 ? ERASED_PERSONAL_DATA : `${round}${id}`)),
    );
    expect(lastNames).toEqual(expected);
    await expect(fixture.audit.verify()).resolves.toMatchObject({ valid: true });
  });
});
