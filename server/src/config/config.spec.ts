import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('loadConfig: AUDIT_KEY and AUDIT_ANCHOR_PATH', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'generattivi-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const sqlite = () => join(dir, 'db.sqlite');

  it('requires AUDIT_KEY in production, naming it', () => {
    expect(() =>
      loadConfig(
        {
          NODE_ENV: 'production',
          JWT_SECRET: 'j'.repeat(40),
          DEMO_DATA: 'false',
          DATABASE_URL: sqlite(),
        },
        dir,
      ),
    ).toThrow(new ConfigError('AUDIT_KEY: is required when NODE_ENV=production'));
  });

  it('refuses an AUDIT_KEY shorter than 32 characters, and takes one of 32', () => {
    expect(() => loadConfig({ AUDIT_KEY: 'k'.repeat(31), DATABASE_URL: sqlite() }, dir)).toThrow(
      /^AUDIT_KEY: must be at least 32 characters long$/,
    );
    expect(loadConfig({ AUDIT_KEY: 'k'.repeat(32), DATABASE_URL: sqlite() }, dir).auditKey).toBe(
      'k'.repeat(32),
    );
  });

  it('outside production generates the key once beside the SQLite file, mode 0600, and keeps it', () => {
    const first = loadConfig({ DATABASE_URL: sqlite() }, dir);
    const file = join(dir, '.audit-key');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.auditKey);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.auditKey).not.toBe(first.jwtSecret);
    expect(loadConfig({ DATABASE_URL: sqlite() }, dir).auditKey).toBe(first.auditKey);
  });

  it('anchors beside the SQLite file, in data/ per PostgreSQL database, nowhere in memory', () => {
    expect(loadConfig({ DATABASE_URL: sqlite() }, dir).auditAnchorPath).toBe(
      `${sqlite()}.audit-anchor`,
    );
    expect(
      loadConfig(
        { DATABASE_URL: 'postgres://u@127.0.0.1/generattivi_x', AUDIT_KEY: 'k'.repeat(32) },
        dir,
      ).auditAnchorPath,
    ).toBe(join(dir, 'data', 'generattivi_x.audit-anchor'));
    expect(loadConfig({ DATABASE_URL: ':memory:' }, dir).auditAnchorPath).toBeNull();
    expect(
      loadConfig({ DATABASE_URL: sqlite(), AUDIT_ANCHOR_PATH: 'elsewhere/a.log' }, dir)
        .auditAnchorPath,
    ).toBe(join(dir, 'elsewhere', 'a.log'));
    expect(() => loadConfig({ DATABASE_URL: sqlite(), AUDIT_ANCHOR_PATH: dir }, dir)).toThrow(
      /^AUDIT_ANCHOR_PATH: must be a file/,
    );
  });
});

describe('loadConfig: mail', () => {
  const base = { DATABASE_URL: ':memory:', PORT: '3100' };

  it('keeps mails in the outbox without SMTP_URL, with links to localhost on the port', () => {
    const config = loadConfig(base);
    expect(config.smtpUrl).toBeNull();
    expect(config.publicUrl).toBe('http://localhost:3100');
    expect(config.mailRetryBaseSeconds).toBe(60);
    expect(config.mailMaxAttempts).toBe(10);
    expect(config.mailPollMs).toBe(5000);
  });

  it('takes an smtp:// or smtps:// URL and a public address without its trailing slash', () => {
    const config = loadConfig({
      ...base,
      SMTP_URL: 'smtps://user:secret@mail.example.it:465',
      PUBLIC_URL: 'https://generattivi.example.it/',
      MAIL_RETRY_BASE_SECONDS: '1',
    });
    expect(config.smtpUrl).toBe('smtps://user:secret@mail.example.it:465');
    expect(config.publicUrl).toBe('https://generattivi.example.it');
    expect(config.mailRetryBaseSeconds).toBe(1);
  });

  it('refuses what is not a mail server or a web address, naming the variable', () => {
    expect(() => loadConfig({ ...base, SMTP_URL: 'mail.example.it' })).toThrow(/^SMTP_URL: /);
    expect(() => loadConfig({ ...base, PUBLIC_URL: 'generattivi.example.it' })).toThrow(
      /^PUBLIC_URL: /,
    );
    expect(() => loadConfig({ ...base, MAIL_RETRY_BASE_SECONDS: '0' })).toThrow(
      /^MAIL_RETRY_BASE_SECONDS: must be between 1 and 86400/,
    );
  });
});
