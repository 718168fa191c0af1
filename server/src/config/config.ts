import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** A setting the server refuses; the message names the variable. */
export class ConfigError extends Error {}

export type DatabaseConfig = { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };

export interface AppConfig {
  production: boolean;
  port: number;
  host: string;
  database: DatabaseConfig;
  jwtSecret: string;
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
  /** How long the access log keeps an entry, in months; older ones are purged daily. */
  accessLogMonths: number;
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
 * Outside production a missing JWT_SECRET is generated once and kept beside the SQLite
 * file (or in data/ for PostgreSQL), so tokens survive restarts.
 */
function resolveJwtSecret(
  env: NodeJS.ProcessEnv,
  production: boolean,
  db: DatabaseConfig,
  cwd: string,
) {
  const given = env.JWT_SECRET;
  if (given !== undefined && given !== '') {
    if (given.length < 32) fail('JWT_SECRET', 'must be at least 32 characters long');
    return given;
  }
  if (production) fail('JWT_SECRET', 'is required when NODE_ENV=production');
  if (db.type === 'sqlite' && db.path === ':memory:') return randomBytes(48).toString('base64url');
  const dir = db.type === 'sqlite' ? dirname(db.path) : resolve(cwd, 'data');
  const file = join(dir, '.jwt-secret');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  }
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
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
    jwtSecret: resolveJwtSecret(env, production, database, cwd),
    jwtTtlSeconds: parseInteger(env, 'JWT_TTL_SECONDS', 8 * 3600, 60, 7 * 24 * 3600),
    demoData,
    logLevel,
    adminDist: resolve(env.ADMIN_DIST ?? join(__dirname, '..', '..', '..', 'admin', 'dist')),
    iseeThresholdEur,
    loginRatePerMinute: parseInteger(env, 'LOGIN_RATE_LIMIT', 20, 1, 100_000),
    auditVerifyMargin: parseInteger(env, 'AUDIT_VERIFY_MARGIN', 10_000, 0, 10_000_000),
    expensiveConcurrency: parseInteger(env, 'EXPENSIVE_CONCURRENCY', 3, 1, 64),
    expensiveQueue: parseInteger(env, 'EXPENSIVE_QUEUE', 6, 0, 1_000),
    exportMaxRows: parseInteger(env, 'EXPORT_MAX_ROWS', 100_000, 1, 100_000),
    accessLogMonths: parseInteger(env, 'ACCESS_LOG_MONTHS', 24, 1, 1200),
    documentMaxBytes: parseInteger(
      env,
      'DOCUMENT_MAX_BYTES',
      10 * 1024 * 1024,
      1,
      100 * 1024 * 1024,
    ),
  };
}
