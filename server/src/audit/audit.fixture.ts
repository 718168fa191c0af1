import type { DataSource } from 'typeorm';
import { AuditKeyring } from './audit-keyring';
import { AuditService } from './audit.service';
import { SubjectKeysService } from './subject-keys.service';

/** The AUDIT_KEY of the unit tests. */
export const TEST_AUDIT_KEY = 'unit-test-audit-key-that-is-long-enough';

/** The audit services wired by hand on a test database, as AuditModule wires them. */
export function auditFixture(dataSource: DataSource, auditKey = TEST_AUDIT_KEY) {
  const keyring = new AuditKeyring({ auditKey }, dataSource);
  const subjects = new SubjectKeysService(keyring, dataSource);
  return { keyring, subjects, audit: new AuditService(dataSource, keyring, subjects) };
}
