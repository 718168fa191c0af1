import { randomBytes } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_RETENTION_YEARS } from '@generattivi/shared';

/** A setting the server refuses; the message names the variable. */
export class ConfigError extends Error {}

export type DatabaseConfig = { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };

export interface AppConfig {
  production: boolean;
  port: number;
  host: string;
  database: DatabaseConfig;
  jwtSecret: string;
  /** The key of the audit chain's HMAC, of the subject keys' wrapping and of login pseudonyms. */
  auditKey: string;
  /** The append-only file of the chain's anchored heads; null: none (in-memory database). */
  auditAnchorPath: string | null;
  jwtTtlSeconds: number;
  demoData: boolean;
  logLevel: string;
  /** Where the built admin lives; served at `/` when present. */
  adminDist: string;
  /** INCLUSION_VULNERABLE threshold in euros (DOMAIN.md: default 9,360.00 €). */
  iseeThresholdEur: number;
  /** Login attempts per minute from one client address. */
  loginRatePerMinute: number;
  /**
   * The incremental audit verify re-hashes at least this many of the newest events: its
   * checkpoint stays this far behind the head.
   */
  auditVerifyMargin: number;
  /** Expensive requests (verify, reports, alerts, searches) run at once in this process… */
  expensiveConcurrency: number;
  /** …and wait in a queue at most this long; beyond it they get 503 BUSY. */
  expensiveQueue: number;
  /** The largest document accepted by `POST /documents`, in bytes. */
  documentMaxBytes: number;
  /** The most rows one export (`GET /<collection>/export`) holds; more is a 422. */
  exportMaxRows: number;
  /**
   * Years after a person's last pact closed (or their creation, with no pact) before the daily
   * job anonymises them.
   */
  retentionYears: number;
  /** How long the access log keeps an entry, in months; older ones are purged daily. */
  accessLogMonths: number;
  /** The mail server (`smtp://user:pass@host:587`, `smtps://…`); null: mails stay in the outbox. */
  smtpUrl: string | null;
  /** The sender of every mail. */
  mailFrom: string;
  /** The address people open the admin at, for the links in mails (no trailing slash). */
  publicUrl: string;
  /** The wait before the second attempt at a mail, doubled at each further one. */
  mailRetryBaseSeconds: number;
  /** Attempts at a mail before it is left `failed`. */
  mailMaxAttempts: number;
  /** How often each instance looks for mails to send. */
  mailPollMs: number;
  /** Password reset requests a minute from one client address. */
  passwordResetRatePerMinute: number;
  /**
   * From this hour (Europe/Rome, 0–23) the day's digests are sent; null (`DIGEST_HOUR=off`):
   * this instance sends none.
   */
  digestHour: number | null;
  /** The day of the week the weekly digests go out: 1 Monday … 7 Sunday. */
  digestWeekday: number;
}

export const CONFIG = Symbol('AppConfig');

const DEFAULT_SQLITE = 'data/generattivi.sqlite';
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function fail(variable: string, problem: string): never {
  throw new ConfigError(`${variable}: ${problem}`);
}

function parseInteger(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) fail(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) fail(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function parseBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  fail(name, `must be true or false, got "${raw}"`);
}

function parseDatabase(env: NodeJS.ProcessEnv, cwd: string): DatabaseConfig {
  const raw = (env.DATABASE_URL ?? '').trim();
  if (/^postgres(ql)?:/i.test(raw)) {
    try {
      const url = new URL(raw);
      if (!url.hostname) fail('DATABASE_URL', 'the PostgreSQL URL has no host');
      if (url.pathname.length <= 1) fail('DATABASE_URL', 'the PostgreSQL URL names no database');
    } catch (e) {
      if (e instanceof ConfigError) throw e;
      fail('DATABASE_URL', 'is not a valid postgres:// URL');
    }
    return { type: 'postgres', url: raw };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    fail(
      'DATABASE_URL',
      'only postgres:// and postgresql:// URLs or an SQLite file path are supported',
    );
  }
  return {
    type: 'sqlite',
    path: raw === '' ? resolve(cwd, DEFAULT_SQLITE) : raw === ':memory:' ? raw : resolve(cwd, raw),
  };
}

/**
 * A secret kept outside the database (JWT_SECRET, AUDIT_KEY): given, at least 32
 * characters; required in production; outside production a missing one is generated once and
 * kept in `file` beside the SQLite file (or in data/ for PostgreSQL), mode 0600, so it
 * survives restarts.
 */
function resolveSecret(
  env: NodeJS.ProcessEnv,
  variable: string,
  file: string,
  production: boolean,
  db: DatabaseConfig,
  cwd: string,
) {
  const given = env[variable];
  if (given !== undefined && given !== '') {
    if (given.length < 32) fail(variable, 'must be at least 32 characters long');
    return given;
  }
  if (production) fail(variable, 'is required when NODE_ENV=production');
  if (db.type === 'sqlite' && db.path === ':memory:') return randomBytes(48).toString('base64url');
  const path = join(dataDirectory(db, cwd), file);
  if (existsSync(path)) {
    const kept = readFileSync(path, 'utf8').trim();
    if (kept.length >= 32) return kept;
  }
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(path), { recursive: true });
  // Written whole beside it, then linked in place only if absent: of instances started
  // together, every one keeps the first one's secret (a short, unusable file is replaced).
  const written = `${path}.${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(written, secret + '\n', { mode: 0o600 });
  try {
    if (!existsSync(path)) {
      linkSync(written, path);
      return secret;
    }
    // Linked in place by another instance since the first look: its secret is kept. Only a
    // short, unusable file is replaced; the file is read back, so that instances replacing it
    // together keep the same one.
    const kept = readFileSync(path, 'utf8').trim();
    if (kept.length >= 32) return kept;
    renameSync(written, path);
    return readFileSync(path, 'utf8').trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return readFileSync(path, 'utf8').trim();
  } finally {
    rmSync(written, { force: true });
  }
}

/** Where files kept beside the database live: the SQLite file's folder, or data/. */
function dataDirectory(db: DatabaseConfig, cwd: string): string {
  return db.type === 'sqlite' ? dirname(db.path) : resolve(cwd, 'data');
}

/**
 * AUDIT_ANCHOR_PATH, else beside the SQLite file (`<file>.audit-anchor`) or in data/ named
 * after the PostgreSQL database: one anchor per database. None for an in-memory database.
 */
function resolveAnchorPath(env: NodeJS.ProcessEnv, db: DatabaseConfig, cwd: string) {
  const given = (env.AUDIT_ANCHOR_PATH ?? '').trim();
  if (given !== '') {
    const path = resolve(cwd, given);
    if (existsSync(path) && statSync(path).isDirectory())
      fail('AUDIT_ANCHOR_PATH', `must be a file, "${given}" is a folder`);
    return path;
  }
  if (db.type === 'sqlite') return db.path === ':memory:' ? null : `${db.path}.audit-anchor`;
  const name = decodeURIComponent(new URL(db.url).pathname.slice(1)).replace(/[^\w.-]/g, '_');
  return join(dataDirectory(db, cwd), `${name}.audit-anchor`);
}

/** SMTP_URL, MAIL_FROM, PUBLIC_URL and the sending rhythm. */
function mailConfig(env: NodeJS.ProcessEnv, port: number) {
  const smtp = (env.SMTP_URL ?? '').trim();
  if (smtp !== '' && !/^smtps?:\/\/[^/]/i.test(smtp))
    fail('SMTP_URL', 'must be an smtp:// or smtps:// URL such as smtp://user:password@host:587');
  const publicUrl = (env.PUBLIC_URL ?? '').trim().replace(/\/+$/, '');
  if (publicUrl !== '' && !/^https?:\/\/[^/]/i.test(publicUrl))
    fail('PUBLIC_URL', `must be an http:// or https:// address, got "${publicUrl}"`);
  return {
    smtpUrl: smtp === '' ? null : smtp,
    mailFrom: (env.MAIL_FROM ?? '').trim() || 'GenerAttivi <noreply@generattivi.invalid>',
    publicUrl: publicUrl || `http://localhost:${port}`,
    mailRetryBaseSeconds: parseInteger(env, 'MAIL_RETRY_BASE_SECONDS', 60, 1, 86_400),
    mailMaxAttempts: parseInteger(env, 'MAIL_MAX_ATTEMPTS', 10, 1, 100),
    mailPollMs: parseInteger(env, 'MAIL_POLL_SECONDS', 5, 1, 3_600) * 1000,
    passwordResetRatePerMinute: parseInteger(env, 'PASSWORD_RESET_RATE_LIMIT', 10, 1, 100_000),
  };
}

/** Reads and validates the environment once; throws ConfigError naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['production', 'development', 'test'].includes(nodeEnv)) {
    fail('NODE_ENV', `must be production, development or test, got "${nodeEnv}"`);
  }
  const production = nodeEnv === 'production';
  const port = parseInteger(env, 'PORT', 3000, 0, 65535);
  const database = parseDatabase(env, cwd);
  const demoData = parseBoolean(env, 'DEMO_DATA', !production);
  if (production && demoData)
    fail('DEMO_DATA', 'demo data cannot be loaded when NODE_ENV=production');
  const logLevel = (env.LOG_LEVEL ?? 'info').trim();
  if (!LOG_LEVELS.includes(logLevel)) fail('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  const threshold = env.ISEE_THRESHOLD_EUR;
  let iseeThresholdEur = 9360;
  if (threshold !== undefined && threshold !== '') {
    if (!/^\d+(\.\d{1,2})?$/.test(threshold.trim()))
      fail('ISEE_THRESHOLD_EUR', `must be an amount in euros such as 9360.00, got "${threshold}"`);
    iseeThresholdEur = Number(threshold);
  }
  return {
    production,
    port,
    host: (env.HOST ?? '0.0.0.0').trim() || '0.0.0.0',
    database,
    jwtSecret: resolveSecret(env, 'JWT_SECRET', '.jwt-secret', production, database, cwd),
    auditKey: resolveSecret(env, 'AUDIT_KEY', '.audit-key', production, database, cwd),
    auditAnchorPath: resolveAnchorPath(env, database, cwd),
    jwtTtlSeconds: parseInteger(env, 'JWT_TTL_SECONDS', 8 * 3600, 60, 7 * 24 * 3600),
    demoData,
    logLevel,
    adminDist: resolve(env.ADMIN_DIST ?? join(__dirname, '..', '..', '..', 'admin', 'dist')),
    iseeThresholdEur,
    loginRatePerMinute: parseInteger(env, 'LOGIN_RATE_LIMIT', 20, 1, 100_000),
    auditVerifyMargin: parseInteger(env, 'AUDIT_VERIFY_MARGIN', 10_000, 0, 10_000_000),
    retentionYears: parseInteger(env, 'RETENTION_YEARS', DEFAULT_RETENTION_YEARS, 1, 100),
    expensiveConcurrency: parseInteger(env, 'EXPENSIVE_CONCURRENCY', 3, 1, 64),
    expensiveQueue: parseInteger(env, 'EXPENSIVE_QUEUE', 6, 0, 1_000),
    exportMaxRows: parseInteger(env, 'EXPORT_MAX_ROWS', 100_000, 1, 100_000),
    accessLogMonths: parseInteger(env, 'ACCESS_LOG_MONTHS', 24, 1, 1200),
    ...mailConfig(env, port),
    digestHour:
      (env.DIGEST_HOUR ?? '').trim().toLowerCase() === 'off'
        ? null
        : parseInteger(env, 'DIGEST_HOUR', 7, 0, 23),
    digestWeekday: parseInteger(env, 'DIGEST_WEEKDAY', 1, 1, 7),
    documentMaxBytes: parseInteger(
      env,
      'DOCUMENT_MAX_BYTES',
      10 * 1024 * 1024,
      1,
      100 * 1024 * 1024,
    ),
  };
}
