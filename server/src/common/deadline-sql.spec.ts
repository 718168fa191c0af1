import {
  addDays,
  hasNoRecentNote,
  isMilestoneOverdue,
  isPactClockRunning,
  lastDiaryActivity,
  MILESTONE_STATUSES,
  noRecentNoteBefore,
  PACT_STATUSES,
  todayIso,
} from '@generattivi/shared';
import { DataSource } from 'typeorm';
import { AlertsService } from '../alerts/alerts.service';
import type { Caller } from '../auth/caller';
import { callerOf, memoryDatabase } from '../database/memory-database.fixture';
import { Milestone } from '../milestones/milestone.entity';
import { Pact } from '../pacts/pact.entity';
import { ReportsService } from '../reports/reports.service';
import {
  clockRunsSql,
  lastDiaryActivitySql,
  noRecentNoteSql,
  overdueMilestoneSql,
  pendingPastDueSql,
} from './deadline-sql';

/**
 * The deadline rules are decided once in shared/ and mirrored in SQL: both are evaluated on
 * the same rows (every pact status × milestone status × due date around today, diary
 * activity around the 30-day limit), on a real SQLite database with the real migrations,
 * and so are the alerts and the caseload report built on that SQL.
 */
describe('deadline SQL', () => {
  const now = new Date('2026-03-10T12:00:00.000Z');
  const today = todayIso(now);
  const limit = noRecentNoteBefore(now);
  const justBefore = new Date(Date.parse(limit) - 1).toISOString();
  let dataSource: DataSource;
  let pacts: Pact[];
  let milestones: Milestone[];
  let admin: Caller;

  beforeAll(async () => {
    const db = await memoryDatabase({
      email: 'sw@x.it',
      fullName: 'Anna Worker',
      role: 'SOCIAL_WORKER',
    });
    dataSource = db.dataSource;
    const { territory, user: worker } = db;
    admin = { ...callerOf(worker), role: 'ADMIN' };
    // Diary activity: a last note, only an approval, only a creation; each on either side
    // of the limit (exactly at it is not "before").
    const diaries = [
      { lastNoteAt: justBefore, approvedAt: null, createdAt: '2025-01-01T00:00:00.000Z' },
      { lastNoteAt: limit, approvedAt: null, createdAt: '2025-01-01T00:00:00.000Z' },
      { lastNoteAt: null, approvedAt: justBefore, createdAt: '2025-01-01T00:00:00.000Z' },
      { lastNoteAt: null, approvedAt: limit, createdAt: '2025-01-01T00:00:00.000Z' },
      { lastNoteAt: null, approvedAt: null, createdAt: justBefore },
      { lastNoteAt: null, approvedAt: null, createdAt: limit },
      { lastNoteAt: justBefore, approvedAt: '2026-03-09T00:00:00.000Z', createdAt: limit },
    ];
    const repo = dataSource.getRepository(Pact);
    pacts = [];
    let n = 0;
    for (let k = 0; k < PACT_STATUSES.length; k++)
      for (const diary of diaries)
        pacts.push(
          await repo.save(
            repo.create({
              type: 'AUTONOMY',
              reference: `AUT-CREMA-2026-${String(++n).padStart(4, '0')}`,
              // Open while its milestones are written: the database refuses them on a closed
              // pact (migration PactInvariants); the status is set afterwards.
              status: 'DRAFT',
              territoryId: territory.id,
              socialWorkerId: worker.id,
              title: `Patto ${n}`,
              ...diary,
            }),
          ),
        );
    const dues = [addDays(today, -30), addDays(today, -1), today, addDays(today, 1)];
    const mRepo = dataSource.getRepository(Milestone);
    milestones = [];
    // One pact of each status carries every milestone status × due date.
    for (const pact of pacts.filter((_, i) => i % diaries.length === 0))
      for (const status of MILESTONE_STATUSES)
        for (const dueDate of dues)
          milestones.push(
            await mRepo.save(
              mRepo.create({ pactId: pact.id, title: `${status} ${dueDate}`, dueDate, status }),
            ),
          );
    let i = 0;
    for (const status of PACT_STATUSES)
      for (let d = 0; d < diaries.length; d++) {
        const pact = pacts[i++];
        pact.status = status;
        await repo.update({ id: pact.id }, { status });
      }
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  const statusOf = (pactId: number) => pacts.find((p) => p.id === pactId)!.status;
  const expectedOverdue = () =>
    milestones
      .filter((m) => isMilestoneOverdue(m, statusOf(m.pactId), today))
      .map((m) => m.id)
      .sort((a, b) => a - b);
  const expectedQuiet = () =>
    pacts
      .filter((p) => hasNoRecentNote(p, now))
      .map((p) => p.id)
      .sort((a, b) => a - b);

  const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id).sort((a, b) => a - b);

  it('clockRunsSql selects exactly the pacts isPactClockRunning says', async () => {
    const rows = await dataSource
      .getRepository(Pact)
      .createQueryBuilder('p')
      .where(clockRunsSql('p'))
      .getMany();
    const expected = pacts.filter((p) => isPactClockRunning(p.status));
    // DRAFT, SUBMITTED and ACTIVE; not SUSPENDED nor the closed ones.
    expect(new Set(expected.map((p) => p.status))).toEqual(
      new Set(['DRAFT', 'SUBMITTED', 'ACTIVE']),
    );
    expect(ids(rows)).toEqual(ids(expected));
  });

  it('pendingPastDueSql is the milestone half: overdue as if its pact’s clock ran', async () => {
    const rows = await dataSource
      .getRepository(Milestone)
      .createQueryBuilder('m')
      .where(pendingPastDueSql('m'), { today })
      .getMany();
    const expected = milestones.filter((m) => isMilestoneOverdue(m, 'ACTIVE', today));
    // Pending and due 30 days or 1 day ago, on each of the six pacts; never due today.
    expect(expected).toHaveLength(PACT_STATUSES.length * 2);
    expect(expected.some((m) => m.dueDate === today)).toBe(false);
    expect(ids(rows)).toEqual(ids(expected));
  });

  it('lastDiaryActivitySql is lastDiaryActivity: the last note, else the approval, else the creation', async () => {
    const rows = await dataSource
      .getRepository(Pact)
      .createQueryBuilder('p')
      .select('p.id', 'id')
      .addSelect(lastDiaryActivitySql('p'), 'since')
      .getRawMany<{ id: number; since: string }>();
    const expected = new Map(pacts.map((p) => [p.id, lastDiaryActivity(p)]));
    // Some pacts were never noted, some never approved either: each fallback is taken.
    expect(pacts.some((p) => !p.lastNoteAt && p.approvedAt)).toBe(true);
    expect(pacts.some((p) => !p.lastNoteAt && !p.approvedAt)).toBe(true);
    expect(rows).toHaveLength(pacts.length);
    for (const { id, since } of rows)
      expect({ id, since }).toEqual({ id, since: expected.get(id) });
  });

  it('overdueMilestoneSql selects exactly the milestones isMilestoneOverdue says', async () => {
    const rows = await dataSource
      .getRepository(Milestone)
      .createQueryBuilder('m')
      .innerJoin(Pact, 'p', 'p.id = m.pactId')
      .where(overdueMilestoneSql('m', 'p'), { today })
      .orderBy('m.id')
      .getMany();
    const expected = expectedOverdue();
    // Not vacuous: pending milestones past due on DRAFT, SUBMITTED and ACTIVE pacts only.
    expect(expected).toHaveLength(3 * 2);
    expect(rows.map((m) => m.id)).toEqual(expected);
    const negated = await dataSource
      .getRepository(Milestone)
      .createQueryBuilder('m')
      .innerJoin(Pact, 'p', 'p.id = m.pactId')
      .where(`NOT ${overdueMilestoneSql('m', 'p')}`, { today })
      .getCount();
    expect(negated).toBe(milestones.length - expected.length);
  });

  it('noRecentNoteSql selects exactly the pacts hasNoRecentNote says', async () => {
    const rows = await dataSource
      .getRepository(Pact)
      .createQueryBuilder('p')
      .where(noRecentNoteSql('p'), { noNoteBefore: limit })
      .orderBy('p.id')
      .getMany();
    const expected = expectedQuiet();
    // ACTIVE pacts only: last note just before the limit (twice) and never noted ones.
    expect(expected).toHaveLength(4);
    expect(expected.every((id) => statusOf(id) === 'ACTIVE')).toBe(true);
    expect(rows.map((p) => p.id)).toEqual(expected);
  });

  it('the alerts raise MILESTONE_OVERDUE and NO_RECENT_NOTE for the same records', async () => {
    const alerts = new AlertsService(dataSource);
    const { rows } = await alerts.list(admin, { range: '[0,999]' }, now);
    const of = (kind: string) =>
      rows
        .filter((a) => a.kind === kind)
        .map((a) => (kind === 'MILESTONE_OVERDUE' ? a.milestoneId! : a.pactId))
        .sort((a, b) => a - b);
    expect(of('MILESTONE_OVERDUE')).toEqual(expectedOverdue());
    expect(of('NO_RECENT_NOTE')).toEqual(expectedQuiet());
    // A quiet diary is dated by its last activity, fallbacks included.
    for (const alert of rows.filter((a) => a.kind === 'NO_RECENT_NOTE')) {
      const pact = pacts.find((p) => p.id === alert.pactId)!;
      expect(alert.since).toBe(lastDiaryActivity(pact).slice(0, 10));
    }
    // A SUSPENDED pact raises no deadline alert at all.
    const suspended = new Set(pacts.filter((p) => p.status === 'SUSPENDED').map((p) => p.id));
    expect(rows.filter((a) => suspended.has(a.pactId))).toEqual([]);
  });

  it('the caseload report counts the same overdue milestones and quiet pacts', async () => {
    const reports = new ReportsService(dataSource);
    const { socialWorkers } = await reports.caseload(admin, {}, today, now);
    expect(socialWorkers).toHaveLength(1);
    expect(socialWorkers[0].overdueMilestones).toBe(expectedOverdue().length);
    expect(socialWorkers[0].withoutRecentNote).toBe(expectedQuiet().length);
  });
});
