// The physical limit the API is measured against: `node:http` and prepared statements
// (better-sqlite3, or `pg` named statements on PostgreSQL) answering the bench's pact-list
// request (`filter` territoryId + status, `sort`, `range`) and its one-pact request
// (`/api/pacts/:id`) with the same JSON as the API (the fields of server/src/pacts/pact.record.ts,
// in the same order) and the same Content-Range.
//
// Both do the work the API cannot skip, done the cheapest way it can be done, so that the
// ratio measures overhead rather than missing features:
//   - the Bearer token verified (HS256 with the server's secret as a prepared key, `exp`
//     required);
//   - the user's role and territories read once per token, and on every request one statement
//     saying whether the user is still active at the token's version and the token unrevoked;
//   - the list's total read from pact_counts, as the API reads it;
//   - the scope: a social worker reads a pact of their territories only (one pact: else 404;
//     the list: a territory of theirs, else an empty page);
//   - the access-log entries (one pact: one, `via` one; the list: one per pact of the page,
//     `via` list), appended in a batch with the reads that arrive together, each answer sent
//     once its entries are committed (as server/src/access-log does: on SQLite a prepared
//     INSERT per entry in one transaction, on PostgreSQL one INSERT … SELECT FROM unnest of
//     the batch's columns).
// Env: BASELINE_DB (SQLite file) or BASELINE_DATABASE_URL (postgres://…), BASELINE_JWT_SECRET,
// PORT. Prints "listening <port>" when ready.
const http = require('node:http');
const { createHmac, createSecretKey, timingSafeEqual } = require('node:crypto');

const PG_URL = process.env.BASELINE_DATABASE_URL;
const KEY = createSecretKey(Buffer.from(process.env.BASELINE_JWT_SECRET ?? '', 'utf8'));

const COLUMNS = `id, type, reference, status, territory_id AS "territoryId", beneficiary_id AS "beneficiaryId",
  household_id AS "householdId", social_worker_id AS "socialWorkerId", community_maker_id AS "communityMakerId",
  community_lab_id AS "communityLabId", title, objectives, citizen_commitments AS "citizenCommitments",
  community_commitments AS "communityCommitments", start_date AS "startDate", planned_end_date AS "plannedEndDate",
  submitted_at AS "submittedAt", approved_at AS "approvedAt", closed_at AS "closedAt", outcome,
  closing_note AS "closingNote", progress, eligibility, last_note_at AS "lastNoteAt",
  created_at AS "createdAt", updated_at AS "updatedAt", version`;
const SORTABLE = new Set(['id', 'plannedEndDate', 'startDate']);
const COLUMN = { id: 'id', plannedEndDate: 'planned_end_date', startDate: 'start_date' };

/** The SQL of the reads, `?` placeholders (numbered $n on PostgreSQL). */
const SQL = {
  page: (field, order) =>
    `SELECT ${COLUMNS} FROM pacts WHERE territory_id = ? AND status = ? ORDER BY ${COLUMN[field]} ${order} ${order === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST'}, id ${order} LIMIT ? OFFSET ?`,
  // The total as the API keeps it: summed from pact_counts (kept by triggers on pacts).
  count: 'SELECT COALESCE(SUM(n), 0) AS n FROM pact_counts WHERE territory_id = ? AND status = ?',
  one: `SELECT ${COLUMNS} FROM pacts WHERE id = ?`,
  user: 'SELECT role, territory_ids AS "territoryIds" FROM users WHERE id = ?',
  standing:
    'SELECT CASE WHEN u.active AND u.token_version = ? AND NOT EXISTS (SELECT 1 FROM revoked_tokens r WHERE r.jti = ?) THEN 1 ELSE 0 END AS ok FROM users u WHERE u.id = ?',
  log: 'INSERT INTO access_log (at, actor_id, entity_type, entity_id, via) VALUES (?, ?, ?, ?, ?)',
  logRows:
    'INSERT INTO access_log (at, actor_id, entity_type, entity_id, via) SELECT * FROM unnest(?::varchar[], ?::int[], ?::varchar[], ?::int[], ?::text[])',
};

/** The two engines behind one interface: `get`/`all` of a named statement, `logBatch`. */
function sqliteEngine() {
  const Database = require('better-sqlite3');
  const db = new Database(process.env.BASELINE_DB, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const statements = new Map();
  const prepared = (name, sql) => {
    let s = statements.get(name);
    if (!s) statements.set(name, (s = db.prepare(sql)));
    return s;
  };
  const insert = db.prepare(SQL.log);
  const logBatch = db.transaction((entries) => {
    for (const e of entries) insert.run(e.at, e.actorId, 'pacts', e.entityId, e.via);
  });
  return {
    get: async (name, sql, values) => prepared(name, sql).get(...values),
    all: async (name, sql, values) => prepared(name, sql).all(...values),
    logBatch: async (entries) => logBatch(entries),
  };
}

function postgresEngine() {
  const { Pool } = require('pg');
  // As many connections as the server's pool (database/data-source-options.ts).
  const pool = new Pool({ connectionString: PG_URL, max: 10 });
  const numbered = (sql) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  const texts = new Map();
  const text = (sql) => {
    let t = texts.get(sql);
    if (!t) texts.set(sql, (t = numbered(sql)));
    return t;
  };
  const query = (name, sql, values) => pool.query({ name, text: text(sql), values });
  return {
    get: async (name, sql, values) => (await query(name, sql, values)).rows[0],
    all: async (name, sql, values) => (await query(name, sql, values)).rows,
    // One statement for the whole batch (its own transaction): the columns as arrays.
    logBatch: (entries) =>
      query('log', SQL.logRows, [
        entries.map((e) => e.at),
        entries.map((e) => e.actorId),
        entries.map(() => 'pacts'),
        entries.map((e) => e.entityId),
        entries.map((e) => e.via),
      ]),
  };
}

const engine = PG_URL ? postgresEngine() : sqliteEngine();

/** The claims of a valid HS256 token with `exp` in the future, else undefined. */
function verify(token) {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const expected = createHmac('sha256', KEY).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString());
    if (header.alg !== 'HS256') return undefined;
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
    if (typeof claims.exp !== 'number' || claims.exp <= Date.now() / 1000) return undefined;
    return claims;
  } catch {
    return undefined;
  }
}

/** Users by token: role and territories, read once per token. */
const users = new Map();
async function caller(req) {
  const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  const claims = match && verify(match[1]);
  if (!claims) return undefined;
  const standing = await engine.get('standing', SQL.standing, [claims.tv, claims.jti, claims.sub]);
  if (!standing || Number(standing.ok) !== 1) return undefined;
  let user = users.get(match[1]);
  if (!user) {
    const row = await engine.get('user', SQL.user, [claims.sub]);
    if (!row) return undefined;
    user = { id: claims.sub, role: row.role, territoryIds: JSON.parse(row.territoryIds) };
    users.set(match[1], user);
  }
  return user;
}

/** Access-log entries of the reads arriving together, written in one transaction. */
let pending = [];
let flushing = null;
function recordReads(actorId, entityIds, via) {
  if (!entityIds.length) return Promise.resolve();
  const at = new Date().toISOString();
  for (const entityId of entityIds) pending.push({ at, actorId, entityId, via });
  if (!flushing)
    flushing = new Promise((r) => setImmediate(r)).then(() => {
      const batch = pending;
      pending = [];
      flushing = null;
      return engine.logBatch(batch);
    });
  return flushing;
}

function parseEligibility(row) {
  row.eligibility = row.eligibility ? JSON.parse(row.eligibility) : null;
  return row;
}

function answer(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(body);
}

async function onePact(req, res, id) {
  const user = await caller(req);
  if (!user) return answer(res, 401, '{}');
  const row = await engine.get('one', SQL.one, [id]);
  const visible =
    row &&
    (user.role === 'ADMIN' ||
      user.role === 'MANAGER' ||
      (user.role === 'SOCIAL_WORKER' && user.territoryIds.includes(row.territoryId)) ||
      (user.role === 'COMMUNITY_MAKER' && row.communityMakerId === user.id));
  if (!visible) return answer(res, 404, '{}');
  await recordReads(user.id, [id], 'one');
  answer(res, 200, JSON.stringify(parseEligibility(row)));
}

async function list(req, res, url) {
  const user = await caller(req);
  if (!user) return answer(res, 401, '{}');
  let filter, sort, range;
  try {
    filter = JSON.parse(url.searchParams.get('filter') ?? '{}');
    sort = JSON.parse(url.searchParams.get('sort') ?? '["id","DESC"]');
    range = JSON.parse(url.searchParams.get('range') ?? '[0,24]');
  } catch {
    return answer(res, 400, '{"message":"malformed query"}');
  }
  if (!SORTABLE.has(sort[0]) || !['ASC', 'DESC'].includes(sort[1])) return answer(res, 400, '{}');
  const [start, end] = range;
  if (user.role === 'SOCIAL_WORKER' && !user.territoryIds.includes(filter.territoryId))
    return answer(res, 200, '[]', { 'content-range': 'pacts */0' });
  const [rows, count] = await Promise.all([
    engine.all(`page_${sort[0]}_${sort[1]}`, SQL.page(sort[0], sort[1]), [
      filter.territoryId,
      filter.status,
      end - start + 1,
      start,
    ]),
    engine.get('count', SQL.count, [filter.territoryId, filter.status]),
  ]);
  rows.forEach(parseEligibility);
  await recordReads(
    user.id,
    rows.map((row) => row.id),
    'list',
  );
  const total = Number(count.n);
  const contentRange = rows.length
    ? `pacts ${start}-${start + rows.length - 1}/${total}`
    : `pacts */${total}`;
  answer(res, 200, JSON.stringify(rows), { 'content-range': contentRange });
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const single = /^\/api\/pacts\/(\d+)$/.exec(url.pathname);
  const done = (promise) =>
    promise.catch((e) => {
      console.error(e);
      if (!res.headersSent) answer(res, 500, '{}');
    });
  if (req.method === 'GET' && single) return done(onePact(req, res, Number(single[1])));
  if (req.method !== 'GET' || url.pathname !== '/api/pacts') return answer(res, 404, '{}');
  return done(list(req, res, url));
});

server.listen(Number(process.env.PORT), '127.0.0.1', () =>
  console.log(`listening ${server.address().port}`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
