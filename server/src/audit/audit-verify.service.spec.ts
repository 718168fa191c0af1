import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { appDataSourceOptions } from '../data-source';
import { auditFixture, TEST_AUDIT_KEY } from './audit.fixture';
import { AuditVerifyService } from './audit-verify.service';

describe(AuditVerifyService.name, () => {
  let dir: string;
  let dataSource: DataSource;
  let anchorPath: string;
  let fixture: ReturnType<typeof auditFixture>;
  const instance = () =>
    new AuditVerifyService(
      dataSource,
      {
        auditKey: TEST_AUDIT_KEY,
        auditAnchorPath: anchorPath,
        auditVerifyMargin: 0,
      } as AppConfig,
      fixture.keyring,
    );
  const login = () =>
    dataSource.transaction((tx) =>
      fixture.audit.append(tx, { actorId: 1, action: 'login', entityType: 'users', entityId: 1 }),
    );
  const anchored = () => readFileSync(anchorPath, 'utf8').trim().split('\n');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'generattivi-verify-'));
    anchorPath = join(dir, 'audit.anchor');
    dataSource = new DataSource(appDataSourceOptions({ type: 'sqlite', path: join(dir, 'db') }));
    await dataSource.initialize();
    await dataSource.runMigrations();
    fixture = auditFixture(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('anchors the head once a period, by whichever instance takes the lease', async () => {
    await login();
    const [a, b] = [instance(), instance()];
    await Promise.all([a.anchorHead(), b.anchorHead()]);
    expect(anchored()).toHaveLength(1);
    await login();
    // Same period: neither instance verifies nor anchors again.
    await a.anchorHead();
    await b.anchorHead();
    expect(anchored()).toHaveLength(1);
    // Once the period is over, the next taker anchors the new head.
    await dataSource.query("UPDATE job_leases SET lease_until = '2000-01-01T00:00:00.000Z'");
    await b.anchorHead();
    expect(anchored()).toHaveLength(2);
    expect(JSON.parse(anchored()[1])).toMatchObject({ id: 2 });
    await expect(a.verify()).resolves.toMatchObject({ valid: true, checked: 2 });
  });
});
