import 'reflect-metadata';
import { validateFiscalCode } from '@generattivi/shared';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DataSource, DataSourceOptions, Logger, ObjectLiteral } from 'typeorm';
import { createPgDatabase, engineUnderTest, ROOT } from '../support/server';

/**
 * The regional-scale database (issue 6): what `npm run seed:scale` writes, and the query
 * plans of the main list, report and alert queries on it. The SQL is not copied here: it
 * is captured while the built server's own code (list specs, scoping, ReportsService,
 * AlertsService) runs against a database made by the real migrations and the scale seed.
 *
 * SQLite: a plan fails on a full table scan (`SCAN <table>` not through an index) of a
 * large table, and the paged lists that should come in index order fail on a sort of the
 * whole result (`USE TEMP B-TREE FOR ORDER BY`).
 * PostgreSQL: on 2,000 pacts a sequential scan is often the cheapest plan and rightly
 * chosen, so the natural plan proves nothing about indexes; the check runs after ANALYZE
 * with `enable_seqscan = off`, where a `Seq Scan` on a large table means that no index
 * can serve the query at all.
 */

const execFileAsync = promisify(execFile);
const DIST = join(ROOT, 'server', 'dist');
/** The AUDIT_KEY the scale seed seals its trail with, and the chain is checked with. */
const SCALE_AUDIT_KEY = 'scale-audit-key-that-is-long-enough-for-hmac';
const SEED = join(DIST, 'scale', 'scale.js');
const PACTS = 2_000;
const LARGE = new Set([
  'pacts',
  'milestones',
  'notes',
  'audit_events',
  'beneficiaries',
  'households',
  'assignments',
  'access_log',
]);
/** Large in use but empty after the seed (reads are logged as people work): no statistics. */
const UNSEEDED = new Set(['access_log']);

type DatabaseConfig = { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };
type Caller = { id: number; role: string; territoryIds: number[] } & ObjectLiteral;
type Entity = new () => object;
interface ListSpec {
  resource: string;
}
interface Dist {
  appDataSourceOptions(db: DatabaseConfig): DataSourceOptions;
  ENTITIES: Entity[];
  findList(qb: unknown, query: unknown, spec: ListSpec): Promise<unknown>;
  parseListQuery(raw: ObjectLiteral, spec: ListSpec): unknown;
  applyScope(qb: unknown, kind: string, alias: string, caller: Caller): unknown;
  specs: Record<string, ListSpec>;
  ReportsService: new (ds: DataSource) => {
    caseload(c: Caller, q: ObjectLiteral): Promise<unknown>;
    outcomes(c: Caller, q: ObjectLiteral): Promise<unknown>;
  };
  AlertsService: new (ds: DataSource) => {
    list(c: Caller, raw: ObjectLiteral): Promise<unknown>;
  };
  /** Stops the SQLite reader threads the searches and reports started in this process. */
  closeReaders(): Promise<void>;
  AuditKeyring: new (config: { auditKey: string }, ds: DataSource) => unknown;
  SubjectKeysService: new (keyring: unknown, ds: DataSource) => unknown;
  AuditService: new (
    ds: DataSource,
    keyring: unknown,
    subjects: unknown,
  ) => {
    verify(): Promise<{ valid: boolean; checked: number }>;
  };
  SearchService: new (...repositories: unknown[]) => {
    search(c: Caller, q: string): Promise<unknown>;
  };
  UsersService: new (territories: unknown) => {
    withOpenPacts(records: Array<{ id: number }>): Promise<unknown>;
  };
  RetentionScheduleService: new (
    beneficiaries: unknown,
    config: { retentionYears: number },
  ) => { list(raw: ObjectLiteral): Promise<unknown> };
}

const load = async <T>(path: string): Promise<T> => (await import(join(DIST, path))) as T;

async function loadDist(): Promise<Dist> {
  const specs: Record<string, ListSpec> = {};
  for (const [path, names] of [
    ['pacts/pact-list', ['PACT_LIST']],
    ['milestones/milestones.service', ['MILESTONE_LIST']],
    ['notes/notes.service', ['NOTE_LIST']],
    ['assignments/assignments.service', ['ASSIGNMENT_LIST']],
    ['audit/audit-events.service', ['AUDIT_LIST']],
    ['beneficiaries/beneficiaries.service', ['BENEFICIARY_LIST']],
    ['households/households.service', ['HOUSEHOLD_LIST']],
    ['access-log/access-log.list', ['ACCESS_LOG_LIST']],
  ] as const) {
    const mod = await load<Record<string, ListSpec>>(path);
    for (const name of names) specs[name] = mod[name];
  }
  return {
    ...(await load<Pick<Dist, 'appDataSourceOptions' | 'ENTITIES'>>('data-source')),
    ...(await load<Pick<Dist, 'findList' | 'parseListQuery'>>('common/list-query')),
    ...(await load<Pick<Dist, 'applyScope'>>('auth/scope')),
    ...(await load<Pick<Dist, 'ReportsService'>>('reports/reports.service')),
    ...(await load<Pick<Dist, 'AlertsService'>>('alerts/alerts.service')),
    ...(await load<Pick<Dist, 'AuditService'>>('audit/audit.service')),
    ...(await load<Pick<Dist, 'AuditKeyring'>>('audit/audit-keyring')),
    ...(await load<Pick<Dist, 'SubjectKeysService'>>('audit/subject-keys.service')),
    ...(await load<Pick<Dist, 'SearchService'>>('search/search.service')),
    ...(await load<Pick<Dist, 'UsersService'>>('users/users.service')),
    ...(await load<Pick<Dist, 'RetentionScheduleService'>>('retention/retention-schedule.service')),
    closeReaders: (
      await load<{ SqliteReader: { closeAll(): Promise<void> } }>('database/sqlite-reader')
    ).SqliteReader.closeAll,
    specs,
  };
}

/** TypeORM's logger, keeping every statement the code under test sends. */
class Capture implements Logger {
  queries: Array<{ sql: string; parameters: unknown[] }> = [];
  logQuery(sql: string, parameters?: unknown[]) {
    this.queries.push({ sql, parameters: parameters ?? [] });
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

/** `FROM "pacts" "p"`, `JOIN milestones m`, `CROSS JOIN "milestones" "m"` → alias → table. */
function aliases(sql: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of sql.matchAll(/\b(?:FROM|JOIN)\s+"?(\w+)"?\s+(?:AS\s+)?"?(\w+)"?/gi)) {
    if (!/^(WHERE|ON|GROUP|ORDER|LIMIT|INNER|LEFT|CROSS|UNION)$/i.test(m[2])) map.set(m[2], m[1]);
  }
  return map;
}

const j = JSON.stringify;
const engine = engineUnderTest();

describe('the scale database', () => {
  let dist: Dist;
  let db: DatabaseConfig;
  let dataSource: DataSource;
  let capture: Capture;
  let cleanup: () => Promise<void>;
  let seedOutput = '';
  const callers: Record<'sw' | 'admin' | 'maker' | 'manager', Caller> = {} as never;
  let pactId = 0;
  let fiscalCode = '';

  const databaseUrl = () => (db.type === 'sqlite' ? db.path : db.url);
  const seed = (pacts: number) =>
    execFileAsync(process.execPath, [SEED, '--pacts', String(pacts)], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: databaseUrl(),
        JWT_SECRET: 'x'.repeat(48),
        AUDIT_KEY: SCALE_AUDIT_KEY,
      },
    });

  beforeAll(async () => {
    dist = await loadDist();
    if (engine === 'postgres') {
      const pg = await createPgDatabase('generattivi_plans');
      db = { type: 'postgres', url: pg.url };
      cleanup = pg.drop;
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'generattivi-plans-'));
      db = { type: 'sqlite', path: join(dir, 'scale.sqlite') };
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    seedOutput = (await seed(PACTS)).stdout;
    capture = new Capture();
    const { DataSource: DataSourceClass } = await import('typeorm');
    dataSource = new DataSourceClass({
      ...dist.appDataSourceOptions(db),
      logging: true,
      logger: capture,
    } as DataSourceOptions);
    await dataSource.initialize();
    const one = async <T>(sql: string) => ((await dataSource.query(sql)) as T[])[0];
    const sw = await one<{ id: number; territory_ids: string }>(
      "SELECT id, territory_ids FROM users WHERE email = 'sociale.crema@demo.generattivi.it'",
    );
    const territoryIds = JSON.parse(sw.territory_ids) as number[];
    const maker = await one<{ id: number }>(
      `SELECT community_maker_id AS id FROM pacts WHERE territory_id = ${Number(territoryIds[0])} AND community_maker_id IS NOT NULL GROUP BY community_maker_id ORDER BY COUNT(*) DESC, community_maker_id LIMIT 1`,
    );
    const admin = await one<{ id: number }>("SELECT id FROM users WHERE role = 'ADMIN' LIMIT 1");
    const everywhere = (await dataSource.query('SELECT id FROM territories')) as Array<{
      id: number;
    }>;
    const caller = (id: number, role: string, ids: number[]): Caller => ({
      id: Number(id),
      role,
      territoryIds: ids.map(Number),
      email: 'plans@example.org',
      fullName: 'Plans',
      jti: 'plans',
      tokenExpiresAt: 0,
    });
    callers.sw = caller(sw.id, 'SOCIAL_WORKER', territoryIds);
    callers.admin = caller(
      admin.id,
      'ADMIN',
      everywhere.map((t) => t.id),
    );
    callers.maker = caller(maker.id, 'COMMUNITY_MAKER', territoryIds);
    callers.manager = caller(admin.id, 'MANAGER', []);
    pactId = Number(
      (
        await one<{ id: number }>(
          `SELECT id FROM pacts WHERE territory_id = ${Number(territoryIds[0])} AND status = 'ACTIVE' ORDER BY id DESC LIMIT 1`,
        )
      ).id,
    );
    fiscalCode = (await one<{ fiscal_code: string }>('SELECT fiscal_code FROM beneficiaries'))
      .fiscal_code;
  }, 180_000);

  afterAll(async () => {
    await dist?.closeReaders();
    if (dataSource?.isInitialized) await dataSource.destroy();
    await cleanup?.();
  });

  describe('npm run seed:scale', () => {
    it('fills the database with pacts and everything around them, and reports it', async () => {
      expect(seedOutput).toMatch(/done: 2,000 pacts/);
      const count = async (table: string) =>
        Number(
          (
            (await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as Array<{ n: unknown }>
          )[0].n,
        );
      expect(await count('pacts')).toBe(PACTS);
      expect(await count('beneficiaries')).toBeGreaterThan(PACTS * 0.7);
      expect(await count('milestones')).toBeGreaterThan(PACTS * 4);
      expect(await count('notes')).toBeGreaterThan(PACTS * 5);
      expect(await count('users')).toBeGreaterThanOrEqual(8);
      const statuses = (await dataSource.query(
        'SELECT status, COUNT(*) AS n FROM pacts GROUP BY status',
      )) as Array<{ status: string; n: unknown }>;
      expect(statuses.map((s) => s.status).sort()).toEqual(
        [
          'ACTIVE',
          'CANCELLED',
          'COMPLETED',
          'DRAFT',
          'SUBMITTED',
          'SUSPENDED',
          'TERMINATED',
        ].sort(),
      );
    });

    it('leaves an audit chain that verifies, one creation event per record', async () => {
      const keyring = new dist.AuditKeyring({ auditKey: SCALE_AUDIT_KEY }, dataSource);
      const subjects = new dist.SubjectKeysService(keyring, dataSource);
      await expect(
        new dist.AuditService(dataSource, keyring, subjects).verify(),
      ).resolves.toMatchObject({
        valid: true,
      });
      const [{ events, records }] = (await dataSource.query(
        `SELECT (SELECT COUNT(*) FROM audit_events) AS events,
           (SELECT COUNT(*) FROM territories) + (SELECT COUNT(*) FROM users)
           + (SELECT COUNT(*) FROM community_labs) + (SELECT COUNT(*) FROM civic_centers)
           + (SELECT COUNT(*) FROM households) + (SELECT COUNT(*) FROM beneficiaries)
           + (SELECT COUNT(*) FROM pacts) + (SELECT COUNT(*) FROM milestones)
           + (SELECT COUNT(*) FROM notes) + (SELECT COUNT(*) FROM assignments) AS records`,
      )) as Array<{ events: unknown; records: unknown }>;
      expect(Number(events)).toBe(Number(records));
    });

    it('gives every person a valid fiscal code of their own', async () => {
      const rows = (await dataSource.query('SELECT fiscal_code FROM beneficiaries')) as Array<{
        fiscal_code: string;
      }>;
      expect(rows.filter((r) => !validateFiscalCode(r.fiscal_code).valid)).toEqual([]);
      expect(new Set(rows.map((r) => r.fiscal_code)).size).toBe(rows.length);
    });

    it('keeps progress, last note, reference counters and pact counts consistent with the records', async () => {
      const q = (sql: string) => dataSource.query(sql) as Promise<Array<{ n: unknown }>>;
      const [lastNote] = await q(
        `SELECT COUNT(*) AS n FROM pacts p WHERE COALESCE(p.last_note_at, '') <>
           COALESCE((SELECT MAX(n.occurred_at) FROM notes n WHERE n.pact_id = p.id), '')`,
      );
      expect(Number(lastNote.n)).toBe(0);
      const [progress] = await q(
        `SELECT COUNT(*) AS n FROM pacts p WHERE p.progress <> COALESCE((
           SELECT ROUND(100.0 * SUM(CASE WHEN m.status = 'ACHIEVED' THEN 1 ELSE 0 END)
             / NULLIF(SUM(CASE WHEN m.status <> 'CANCELLED' THEN 1 ELSE 0 END), 0))
           FROM milestones m WHERE m.pact_id = p.id), 0)`,
      );
      expect(Number(progress.n)).toBe(0);
      const [counters] = await q(
        `SELECT COUNT(*) AS n FROM pact_reference_counters c WHERE c.last_value <>
           (SELECT COUNT(*) FROM pacts p WHERE p.reference LIKE c.series || '-%')`,
      );
      expect(Number(counters.n)).toBe(0);
      // pact_counts is kept by triggers on pacts, which fire for the seed's batched inserts.
      const byKey = async (sql: string) =>
        ((await dataSource.query(sql)) as Array<Record<string, unknown>>).map(
          (r) => `${Number(r.territory_id)} ${String(r.status)} ${String(r.type)}: ${Number(r.n)}`,
        );
      const counted = await byKey(
        'SELECT territory_id, status, type, COUNT(*) AS n FROM pacts GROUP BY territory_id, status, type ORDER BY territory_id, status, type',
      );
      expect(counted.length).toBeGreaterThan(1);
      expect(
        await byKey(
          'SELECT territory_id, status, type, n FROM pact_counts WHERE n <> 0 ORDER BY territory_id, status, type',
        ),
      ).toEqual(counted);
    });

    it("leaves each person's retention dates as the triggers keep them, and the triggers in place", async () => {
      // The seed lifts the retention triggers while loading and computes the dates at the end.
      const theirs = `(p.beneficiary_id = b.id OR (b.household_id IS NOT NULL AND p.household_id = b.household_id))`;
      const open = `('DRAFT', 'SUBMITTED', 'ACTIVE', 'SUSPENDED')`;
      const lastClosed = `(SELECT MAX(substr(COALESCE(p.closed_at, p.updated_at), 1, 10)) FROM pacts p WHERE ${theirs} AND p.status NOT IN ${open})`;
      const [{ n: withDate }] = (await dataSource.query(
        'SELECT COUNT(*) AS n FROM beneficiaries WHERE last_pact_closed_on IS NOT NULL',
      )) as Array<{ n: unknown }>;
      expect(Number(withDate)).toBeGreaterThan(0);
      const [{ n: wrong }] = (await dataSource.query(
        `SELECT COUNT(*) AS n FROM beneficiaries b WHERE
           COALESCE(b.last_pact_closed_on, '') <> COALESCE(${lastClosed}, '')
           OR COALESCE(b.retention_from, '') <> CASE
             WHEN b.anonymised_at IS NOT NULL THEN ''
             WHEN EXISTS (SELECT 1 FROM pacts p WHERE ${theirs} AND p.status IN ${open}) THEN ''
             ELSE COALESCE(${lastClosed}, substr(b.created_at, 1, 10)) END`,
      )) as Array<{ n: unknown }>;
      expect(Number(wrong)).toBe(0);
      const triggers = (await dataSource.query(
        engine === 'sqlite'
          ? "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%retention%'"
          : "SELECT tgname AS name FROM pg_trigger WHERE tgname LIKE '%retention%' AND tgenabled <> 'D'",
      )) as Array<{ name: string }>;
      expect(triggers.map((t) => t.name).sort()).toEqual(
        engine === 'sqlite'
          ? [
              'beneficiaries_retention_household',
              'beneficiaries_retention_insert',
              'pacts_retention_delete',
              'pacts_retention_insert',
              'pacts_retention_update',
            ]
          : [
              'beneficiaries_retention_household',
              'beneficiaries_retention_insert',
              'pacts_retention',
            ],
      );
    });

    it('leaves the planner statistics of the large tables', async () => {
      const analyzed = (await dataSource.query(
        engine === 'sqlite'
          ? 'SELECT DISTINCT tbl AS name FROM sqlite_stat1'
          : 'SELECT relname AS name FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL',
      )) as Array<{ name: string }>;
      expect(analyzed.map((r) => r.name)).toEqual(
        expect.arrayContaining([...LARGE].filter((table) => !UNSEEDED.has(table))),
      );
    });

    it('refuses a database that is not empty, naming what it found', async () => {
      const refused = await seed(10).then(
        () => undefined,
        (e: { code: number; stderr: string }) => e,
      );
      expect(refused?.code).toBe(2);
      expect(refused?.stderr).toMatch(
        /is not empty \(\d[\d,]* users.*\): the scale seed fills only/,
      );
    });
  });

  describe('query plans', () => {
    const list =
      (entity: string, alias: string, kind: string | null, spec: string) =>
      (who: keyof typeof callers, raw: ObjectLiteral) => {
        const target = dist.ENTITIES.find((e) => e.name === entity)!;
        let qb: unknown = dataSource.getRepository(target).createQueryBuilder(alias);
        if (kind) qb = dist.applyScope(qb, kind, alias, callers[who]);
        const s = dist.specs[spec];
        return dist.findList(qb, dist.parseListQuery(raw, s), s);
      };
    const pacts = list('Pact', 'p', 'pacts', 'PACT_LIST');
    const accessLog = list('AccessLogEntry', 'l', null, 'ACCESS_LOG_LIST');
    const reports = () => new dist.ReportsService(dataSource);
    const alerts = () => new dist.AlertsService(dataSource);
    const page = (sort: [string, string], filter: ObjectLiteral = {}) => ({
      filter: j(filter),
      sort: j(sort),
      range: '[0,24]',
    });
    /** [name, run, the paged query must come in index order (SQLite)] */
    const cases: Array<[string, () => Promise<unknown>, boolean]> = [
      [
        'pacts of a territory and status by planned end date (the bench list)',
        () =>
          pacts(
            'sw',
            page(['plannedEndDate', 'ASC'], {
              territoryId: callers.sw.territoryIds[0],
              status: 'ACTIVE',
            }),
          ),
        true,
      ],
      [
        'pacts, default sort (administrator)',
        () => pacts('admin', page(['startDate', 'DESC'])),
        true,
      ],
      ['pacts, default sort (social worker)', () => pacts('sw', page(['startDate', 'DESC'])), true],
      [
        'pacts by status and planned end date (administrator)',
        () => pacts('admin', page(['plannedEndDate', 'ASC'], { status: 'ACTIVE' })),
        true,
      ],
      [
        'pacts of a community maker (administrator filter)',
        () => pacts('admin', page(['startDate', 'DESC'], { communityMakerId: callers.maker.id })),
        false,
      ],
      [
        'pacts of a community maker (their scope)',
        () => pacts('maker', page(['startDate', 'DESC'])),
        false,
      ],
      [
        'milestones of a pact',
        () =>
          list(
            'Milestone',
            'm',
            'pact-children',
            'MILESTONE_LIST',
          )('sw', page(['dueDate', 'ASC'], { pactId })),
        false,
      ],
      [
        'pending milestones by due date (administrator)',
        () =>
          list(
            'Milestone',
            'm',
            'pact-children',
            'MILESTONE_LIST',
          )('admin', page(['dueDate', 'ASC'], { status: 'PENDING' })),
        false,
      ],
      [
        'diary of a pact',
        () =>
          list(
            'Note',
            'n',
            'pact-children',
            'NOTE_LIST',
          )('sw', page(['occurredAt', 'DESC'], { pactId })),
        false,
      ],
      [
        'diary, default sort (administrator)',
        () =>
          list('Note', 'n', 'pact-children', 'NOTE_LIST')('admin', page(['occurredAt', 'DESC'])),
        true,
      ],
      [
        'assignments of a pact',
        () =>
          list(
            'Assignment',
            'a',
            'pact-children',
            'ASSIGNMENT_LIST',
          )('sw', page(['startedAt', 'DESC'], { pactId })),
        false,
      ],
      [
        'audit trail of a pact',
        () =>
          list(
            'AuditEvent',
            'e',
            null,
            'AUDIT_LIST',
          )('admin', page(['at', 'DESC'], { entityType: 'pacts', entityId: pactId })),
        false,
      ],
      [
        'audit trail, default sort',
        () => list('AuditEvent', 'e', null, 'AUDIT_LIST')('admin', page(['at', 'DESC'])),
        true,
      ],
      ['access log, default sort', () => accessLog('admin', page(['at', 'DESC'])), true],
      [
        'access log of one reader',
        () => accessLog('admin', page(['at', 'DESC'], { actorId: callers.sw.id })),
        true,
      ],
      [
        'access log of one person',
        () =>
          accessLog(
            'admin',
            page(['at', 'DESC'], { entityType: 'beneficiaries', entityId: pactId }),
          ),
        true,
      ],
      [
        'beneficiaries of a territory by surname',
        () =>
          list(
            'Beneficiary',
            'b',
            'beneficiaries',
            'BENEFICIARY_LIST',
          )('sw', page(['lastName', 'ASC'])),
        true,
      ],
      [
        'a beneficiary by fiscal code',
        () =>
          list(
            'Beneficiary',
            'b',
            'beneficiaries',
            'BENEFICIARY_LIST',
          )('sw', {
            filter: j({ fiscalCode }),
          }),
        false,
      ],
      [
        'households of a territory by name',
        () => list('Household', 'h', 'households', 'HOUSEHOLD_LIST')('sw', page(['name', 'ASC'])),
        false,
      ],
      ['caseload report (social worker)', () => reports().caseload(callers.sw, {}), false],
      ['caseload report (administrator)', () => reports().caseload(callers.admin, {}), false],
      ['caseload report (community maker)', () => reports().caseload(callers.maker, {}), false],
      ['outcomes report (social worker)', () => reports().outcomes(callers.sw, {}), false],
      ['outcomes report (administrator)', () => reports().outcomes(callers.admin, {}), false],
      ['alerts (social worker)', () => alerts().list(callers.sw, {}), false],
      ['alerts (administrator)', () => alerts().list(callers.admin, {}), false],
      ['alerts (community maker)', () => alerts().list(callers.maker, {}), false],
      [
        'retention schedule, by anonymiseOn (administrator)',
        () =>
          new dist.RetentionScheduleService(
            dataSource.getRepository(dist.ENTITIES.find((e) => e.name === 'Beneficiary')!),
            { retentionYears: 10 },
          ).list(page(['anonymiseOn', 'ASC'])),
        true,
      ],
    ];

    const search = (entity: string, alias: string, kind: string, spec: string) =>
      list(entity, alias, kind, spec);
    /** Free-text searches: the search index drives them (SQLite: the FTS5 table, never a
     * walk over a large table, even through one of its indexes). */
    const searches: Array<[string, () => Promise<unknown>]> = [
      [
        'notes, several words, default sort (administrator)',
        () =>
          search(
            'Note',
            'n',
            'pact-children',
            'NOTE_LIST',
          )('admin', page(['occurredAt', 'DESC'], { q: 'colloquio selezione azienda' })),
      ],
      [
        'notes, several words (social worker)',
        () =>
          search(
            'Note',
            'n',
            'pact-children',
            'NOTE_LIST',
          )('sw', page(['occurredAt', 'DESC'], { q: 'Visita domicilio' })),
      ],
      [
        'pacts by words of the title (social worker)',
        () => pacts('sw', page(['startDate', 'DESC'], { q: 'laboratorio' })),
      ],
      [
        'milestones by words (administrator)',
        () =>
          search(
            'Milestone',
            'm',
            'pact-children',
            'MILESTONE_LIST',
          )('admin', page(['dueDate', 'ASC'], { q: 'colloquio' })),
      ],
      [
        'beneficiaries by name, accents ignored (social worker)',
        () =>
          search(
            'Beneficiary',
            'b',
            'beneficiaries',
            'BENEFICIARY_LIST',
          )('sw', page(['lastName', 'ASC'], { q: 'ARDIGO' })),
      ],
      [
        'households by name (administrator)',
        () =>
          search(
            'Household',
            'h',
            'households',
            'HOUSEHOLD_LIST',
          )('admin', page(['name', 'ASC'], { q: 'ardigo' })),
      ],
    ];

    /** The one search box (GET /api/search), as SearchService runs it. */
    const globalSearch = (who: keyof typeof callers, q: string) => () => {
      const repository = (name: string) =>
        dataSource.getRepository(dist.ENTITIES.find((e) => e.name === name)!);
      // The access log's writes are not the reads under test.
      const accessLog = { recordReads: () => Promise.resolve() };
      const service = new dist.SearchService(
        repository('Pact'),
        repository('Beneficiary'),
        repository('Household'),
        accessLog,
      );
      return service.search(callers[who], q);
    };
    searches.push(
      [
        'pacts by the beneficiary’s or household’s name (social worker)',
        () => pacts('sw', page(['startDate', 'DESC'], { q: 'ardigo' })),
      ],
      [
        'pacts by name and a word of the title (administrator)',
        () => pacts('admin', page(['startDate', 'DESC'], { q: 'ardigo lavoro' })),
      ],
      ['global search by surname (social worker)', globalSearch('sw', 'Ardigò')],
      ['global search by surname (administrator)', globalSearch('admin', 'rossi')],
      ['global search by surname (community maker)', globalSearch('maker', 'ardigo')],
      ['global search by surname (manager)', globalSearch('manager', 'ardigo')],
      [
        'global search by a fragment of a fiscal code (social worker)',
        () => globalSearch('sw', fiscalCode.slice(5, 12))(),
      ],
      [
        'global search by a pact reference (administrator)',
        globalSearch('admin', 'INC-CREMA-2026-0001'),
      ],
    );

    async function explain(sql: string, parameters: unknown[]): Promise<string[]> {
      if (engine === 'sqlite') {
        const rows = (await dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters)) as Array<{
          detail: string;
        }>;
        return rows.map((r) => r.detail);
      }
      const runner = dataSource.createQueryRunner();
      try {
        await runner.query('SET enable_seqscan = off');
        const rows = (await runner.query(`EXPLAIN ${sql}`, parameters)) as Array<{
          'QUERY PLAN': string;
        }>;
        return rows.map((r) => {
          if (typeof r['QUERY PLAN'] !== 'string') throw new Error('unexpected EXPLAIN output');
          return r['QUERY PLAN'];
        });
      } finally {
        await runner.query('RESET enable_seqscan');
        await runner.release();
      }
    }

    /** What is wrong with one statement's plan, if anything. */
    function problems(sql: string, plan: string[], ordered: boolean): string[] {
      const found: string[] = [];
      if (engine === 'sqlite') {
        const tables = aliases(sql);
        for (const line of plan) {
          const scan = /^SCAN (\S+)(.*)$/.exec(line);
          const table = scan && tables.get(scan[1]);
          if (scan && table && LARGE.has(table) && !/USING (COVERING )?INDEX/.test(scan[2]))
            found.push(`full scan of ${table}: ${line}`);
        }
        if (ordered && /\bLIMIT\b/.test(sql) && plan.includes('USE TEMP B-TREE FOR ORDER BY'))
          found.push('the page is sorted after reading every matching row');
      } else {
        for (const line of plan) {
          const seq = /Seq Scan on (\w+)/.exec(line);
          if (seq && LARGE.has(seq[1])) found.push(`no index for ${seq[1]}: ${line.trim()}`);
        }
      }
      return found;
    }

    /**
     * SQLite without sqlite_stat1 (a database never analyzed) guesses its plans: the search
     * must not depend on the statistics. Dropped, then restored by ANALYZE; the planner
     * reloads them on `ANALYZE sqlite_schema`.
     */
    async function withoutStatistics<T>(work: () => Promise<T>): Promise<T> {
      await dataSource.query('DELETE FROM sqlite_stat1');
      await dataSource.query('ANALYZE sqlite_schema');
      try {
        expect(await dataSource.query('SELECT * FROM sqlite_stat1')).toEqual([]);
        return await work();
      } finally {
        await dataSource.query('ANALYZE');
      }
    }

    const statistics = engine === 'sqlite' ? ['present', 'absent'] : ['present'];
    const searchCases = statistics.flatMap((stats) =>
      searches.map(([name, run]) => [`${name}, statistics ${stats}`, stats, run] as const),
    );
    it.each(searchCases)('%s: the search index drives the query', async (name, stats, run) => {
      // The search box (GET /api/search) reads at most 20 rows: the ids its search tables
      // find drive it. (A list's search also counts every match in the territory.)
      const box = name.startsWith('global search');
      if (stats === 'absent') await withoutStatistics(() => searchDriven(run, box));
      else await searchDriven(run, box);
    });

    async function searchDriven(run: () => Promise<unknown>, searchBox: boolean) {
      capture.queries = [];
      await run();
      const statements = capture.queries.filter((q) => /^\s*SELECT/i.test(q.sql));
      capture.queries = [];
      expect(statements.length).toBeGreaterThan(0);
      const report: string[] = [];
      let searched = 0;
      for (const { sql, parameters } of statements) {
        const plan = await explain(sql, parameters);
        const wrong = problems(sql, plan, false);
        if (!/generattivi_fold|_search/.test(sql)) {
          // Loading the page's rows by id, once the search has found them.
          if (wrong.length) report.push([sql, ...plan.map((l) => `  ${l}`), ...wrong].join('\n'));
          continue;
        }
        searched += 1;
        if (engine === 'sqlite') {
          const tables = aliases(sql);
          for (const line of plan) {
            const scan = /^SCAN (\S+)/.exec(line);
            const table = scan && tables.get(scan[1]);
            if (table && LARGE.has(table)) wrong.push(`walks ${table}: ${line}`);
          }
          if (!plan.some((line) => /^SCAN \w+_search VIRTUAL TABLE/.test(line)))
            wrong.push('the FTS5 search table is not used');
          // The rows come from the search table's ids, not from a walk over a territory.
          for (const line of searchBox ? plan : []) {
            const walk = /^SEARCH (\S+) USING (?:COVERING )?INDEX \S+ \(territory_id=\?\)/.exec(
              line,
            );
            const table = walk && tables.get(walk[1]);
            if (table && LARGE.has(table)) wrong.push(`walks a territory of ${table}: ${line}`);
          }
        } else if (!plan.some((line) => /Index Scan on "?IDX_search_/.test(line))) {
          wrong.push('no search index is used');
        }
        if (wrong.length) report.push([sql, ...plan.map((l) => `  ${l}`), ...wrong].join('\n'));
      }
      capture.queries = [];
      expect(searched).toBeGreaterThan(0);
      expect(report).toEqual([]);
    }

    it('open pacts of a page of users (the users list): counted from indexes alone', async () => {
      const page = (await dataSource.query(
        "SELECT id FROM users WHERE role IN ('SOCIAL_WORKER', 'COMMUNITY_MAKER') ORDER BY full_name LIMIT 25",
      )) as Array<{ id: number }>;
      const territories = dataSource.getRepository(
        dist.ENTITIES.find((e) => e.name === 'Territory')!,
      );
      capture.queries = [];
      await new dist.UsersService(territories).withOpenPacts(
        page.map((u) => ({ id: Number(u.id) })),
      );
      const statements = capture.queries.filter((q) => /^\s*SELECT/i.test(q.sql));
      capture.queries = [];
      expect(statements).toHaveLength(2);
      const report: string[] = [];
      for (const { sql, parameters } of statements) {
        const plan = await explain(sql, parameters);
        const wrong = problems(sql, plan, false);
        // SQLite: the table's rows are never read, only its index entries.
        if (engine === 'sqlite' && !plan.some((l) => /^SEARCH p USING COVERING INDEX/.test(l)))
          wrong.push('reads the pacts themselves');
        if (wrong.length) report.push([sql, ...plan.map((l) => `  ${l}`), ...wrong].join('\n'));
      }
      expect(report).toEqual([]);
    });

    it.each(cases)('%s: no full scan of a large table', async (_name, run, ordered) => {
      capture.queries = [];
      await run();
      const statements = capture.queries.filter((q) => /^\s*SELECT/i.test(q.sql));
      capture.queries = [];
      expect(statements.length).toBeGreaterThan(0);
      const report: string[] = [];
      for (const { sql, parameters } of statements) {
        const plan = await explain(sql, parameters);
        const wrong = problems(sql, plan, ordered);
        if (wrong.length) report.push([sql, ...plan.map((l) => `  ${l}`), ...wrong].join('\n'));
      }
      capture.queries = [];
      expect(report).toEqual([]);
    });
  });
});
