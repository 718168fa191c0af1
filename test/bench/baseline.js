// The physical limit the API is measured against: `node:http` and prepared better-sqlite3
// statements answering the bench's pact-list request (`filter` territoryId + status, `sort`,
// `range`) and its one-pact request (`/api/pacts/:id`) with the same JSON as the API (the
// fields of server/src/pacts/pact.record.ts, in the same order) and the same Content-Range.
// No framework, no auth, no logging, no access log.
// Env: BASELINE_DB (SQLite file), PORT. Prints "listening <port>" when ready.
const http = require('node:http');
const Database = require('better-sqlite3');

const db = new Database(process.env.BASELINE_DB, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');

const COLUMNS = `id, type, reference, status, territory_id AS territoryId, beneficiary_id AS beneficiaryId,
  household_id AS householdId, social_worker_id AS socialWorkerId, community_maker_id AS communityMakerId,
  community_lab_id AS communityLabId, title, objectives, citizen_commitments AS citizenCommitments,
  community_commitments AS communityCommitments, start_date AS startDate, planned_end_date AS plannedEndDate,
  submitted_at AS submittedAt, approved_at AS approvedAt, closed_at AS closedAt, outcome,
  closing_note AS closingNote, progress, eligibility, last_note_at AS lastNoteAt,
  created_at AS createdAt, updated_at AS updatedAt, version`;
const SORTABLE = new Set(['id', 'plannedEndDate', 'startDate']);
const COLUMN = { id: 'id', plannedEndDate: 'planned_end_date', startDate: 'start_date' };
const pages = new Map();
function pageStatement(field, order) {
  const key = `${field} ${order}`;
  if (!pages.has(key)) {
    const nulls = order === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST';
    pages.set(
      key,
      db.prepare(
        `SELECT ${COLUMNS} FROM pacts WHERE territory_id = ? AND status = ? ORDER BY ${COLUMN[field]} ${order} ${nulls}, id ${order} LIMIT ? OFFSET ?`,
      ),
    );
  }
  return pages.get(key);
}
const count = db.prepare('SELECT COUNT(1) AS n FROM pacts WHERE territory_id = ? AND status = ?');
const one = db.prepare(`SELECT ${COLUMNS} FROM pacts WHERE id = ?`);

function parseEligibility(row) {
  row.eligibility = row.eligibility ? JSON.parse(row.eligibility) : null;
  return row;
}

function answer(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(body);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const single = /^\/api\/pacts\/(\d+)$/.exec(url.pathname);
  if (req.method === 'GET' && single) {
    const row = one.get(Number(single[1]));
    return row ? answer(res, 200, JSON.stringify(parseEligibility(row))) : answer(res, 404, '{}');
  }
  if (req.method !== 'GET' || url.pathname !== '/api/pacts') return answer(res, 404, '{}');
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
  const rows = pageStatement(sort[0], sort[1]).all(
    filter.territoryId,
    filter.status,
    end - start + 1,
    start,
  );
  rows.forEach(parseEligibility);
  const total = count.get(filter.territoryId, filter.status).n;
  const contentRange = rows.length
    ? `pacts ${start}-${start + rows.length - 1}/${total}`
    : `pacts */${total}`;
  answer(res, 200, JSON.stringify(rows), { 'content-range': contentRange });
});

server.listen(Number(process.env.PORT), '127.0.0.1', () =>
  console.log(`listening ${server.address().port}`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
