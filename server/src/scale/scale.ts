#!/usr/bin/env node
/**
 * Fills an empty database with regional-scale data (issue 6):
 *   npm run seed:scale -- --pacts 100000 [--seed 20261125]
 * DATABASE_URL chooses the database as for the server. Runs the migrations, then writes in
 * batched transactions straight to the database (better-sqlite3 or pg), not through HTTP.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { GENESIS_HASH } from '../audit/audit.service';
import { hashPassword } from '../auth/passwords';
import { AuditKeyring } from '../audit/audit-keyring';
import { ConfigError, loadConfig, type AppConfig, type DatabaseConfig } from '../config/config';
import { appDataSourceOptions } from '../data-source';
import { DEMO_PASSWORD } from '../demo/demo-accounts';
import { ScaleGenerator, type ScaleCounts, type ScaleTerritory } from './scale-generator';
import { PostgresSink, SqliteSink, tableShapes, type ScaleSink } from './scale-sink';

process.env.TZ = 'UTC';

const USAGE = 'usage: npm run seed:scale -- --pacts <number> [--seed <number>]';
/** Tables that must be empty: the server may have created the territories, nothing else. */
const MUST_BE_EMPTY = [
  'users',
  'households',
  'beneficiaries',
  'community_labs',
  'civic_centers',
  'pacts',
  'milestones',
  'notes',
];

class Refusal extends Error {}

function parseArgs(argv: string[]): { pacts: number; seed: number } {
  const options = { pacts: 100_000, seed: 20_261_125 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const raw = inline ?? argv[++i];
    if (flag !== '--pacts' && flag !== '--seed')
      throw new Refusal(`unknown option ${flag}\n${USAGE}`);
    if (raw === undefined || !/^\d+$/.test(raw))
      throw new Refusal(`${flag} needs a whole number\n${USAGE}`);
    options[flag === '--pacts' ? 'pacts' : 'seed'] = Number(raw);
  }
  if (options.pacts < 1 || options.pacts > 5_000_000)
    throw new Refusal(`--pacts must be between 1 and 5,000,000\n${USAGE}`);
  return options;
}

function describe(db: DatabaseConfig): string {
  if (db.type === 'sqlite') return db.path;
  const url = new URL(db.url);
  url.password = '';
  return url.toString();
}

const quote = (name: string) => `"${name}"`;

async function prepare(dataSource: DataSource, where: string) {
  const runner = dataSource.createQueryRunner();
  try {
    if (await runner.hasTable('users')) {
      const found: string[] = [];
      for (const table of MUST_BE_EMPTY) {
        if (!(await runner.hasTable(table))) continue;
        const [{ n }] = (await dataSource.query(
          `SELECT COUNT(*) AS n FROM ${quote(table)}`,
        )) as Array<{ n: unknown }>;
        if (Number(n) > 0) found.push(`${Number(n).toLocaleString('en')} ${table}`);
      }
      if (found.length) {
        throw new Refusal(
          `the database ${where} is not empty (${found.join(', ')}): the scale seed fills only an empty database. Point DATABASE_URL at a new SQLite file or a new PostgreSQL database.`,
        );
      }
    }
  } finally {
    await runner.release();
  }
  const applied = await dataSource.runMigrations();
  if (applied.length) console.log(`migrations: ${applied.map((m) => m.name).join(', ')}`);
  const territories = (await dataSource.query(
    'SELECT id, code, name, municipalities FROM territories ORDER BY id',
  )) as Array<{ id: number; code: ScaleTerritory['code']; name: string; municipalities: string }>;
  const [last] = (await dataSource.query(
    'SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1',
  )) as Array<{ id: number; hash: string }>;
  return {
    shapes: tableShapes(dataSource),
    territories: territories.map((t) => ({
      ...t,
      id: Number(t.id),
      municipalities: JSON.parse(t.municipalities) as string[],
    })),
    nextAuditId: last ? Number(last.id) + 1 : 1,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
}

const thousands = (n: number) => n.toLocaleString('en');

function line(counts: ScaleCounts): string {
  return [
    `${thousands(counts.beneficiaries)} beneficiaries`,
    `${thousands(counts.households)} households`,
    `${thousands(counts.milestones)} milestones`,
    `${thousands(counts.notes)} notes`,
    `${thousands(counts.assignments)} assignments`,
    `${thousands(counts.auditEvents)} audit events`,
  ].join(' · ');
}

async function main(): Promise<void> {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  // npm runs workspace scripts in the workspace folder: resolve paths from where it was called.
  const config = loadConfig(process.env, process.env.INIT_CWD ?? process.cwd());
  const where = describe(config.database);
  console.log(`seed:scale: ${thousands(args.pacts)} pacts into ${where} (seed ${args.seed})`);

  const dataSource = new DataSource(appDataSourceOptions(config.database));
  await dataSource.initialize();
  let prepared;
  try {
    prepared = await prepare(dataSource, where);
  } finally {
    await dataSource.destroy();
  }

  const sink: ScaleSink =
    config.database.type === 'sqlite'
      ? new SqliteSink(config.database.path, prepared.shapes)
      : await PostgresSink.open(config.database.url, prepared.shapes);
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s`;
  const every = Math.max(1_000, Math.ceil(args.pacts / 10 / 1_000) * 1_000);
  try {
    const generator = new ScaleGenerator(
      {
        pacts: args.pacts,
        seed: args.seed,
        now: new Date(),
        passwordHash: await hashPassword(DEMO_PASSWORD),
        territories: prepared.territories,
        iseeThresholdEur: config.iseeThresholdEur,
        firstIds: { auditEvents: prepared.nextAuditId },
        prevHash: prepared.prevHash,
        onBatch: (done, counts) => {
          if (done % every === 0 || done === args.pacts)
            console.log(`${elapsed()}  ${thousands(done).padStart(9)} pacts · ${line(counts)}`);
        },
      },
      sink,
    );
    const counts = await generator.run();
    console.log(
      `${elapsed()}  finishing (${config.database.type === 'sqlite' ? 'checkpoint' : 'sequences, VACUUM ANALYZE'})`,
    );
    await sink.finish();
    console.log(
      `${elapsed()}  done: ${thousands(counts.pacts)} pacts, ${line(counts)}, ${thousands(counts.users)} users, ${thousands(counts.communityLabs)} laboratories, ${thousands(counts.referenceSeries)} reference series`,
    );
    console.log(
      `accounts: the demo accounts of API.md (e.g. sociale.crema@demo.generattivi.it) and every generated one, password "${DEMO_PASSWORD}"`,
    );
  } finally {
    await sink.close();
  }
  await sealChain(config);
}

/**
 * The generated trail is hashed in bulk without the chain's key; it is sealed as the server
 * seals an older unkeyed chain at start (AuditKeyring): its head is recorded under AUDIT_KEY,
 * and every event written later is keyed.
 */
async function sealChain(config: AppConfig): Promise<void> {
  const dataSource = new DataSource(appDataSourceOptions(config.database));
  await dataSource.initialize();
  try {
    await new AuditKeyring(config, dataSource).onModuleInit();
  } finally {
    await dataSource.destroy();
  }
}

main().catch((e: unknown) => {
  if (e instanceof Refusal || e instanceof ConfigError) {
    console.error(`seed:scale: ${e.message}`);
    process.exit(2);
  }
  console.error('seed:scale failed:', e);
  process.exit(1);
});
