import fc from 'fast-check';
import { MILESTONE_STATUSES, PACT_STATUSES, type MilestoneStatus, type PactStatus } from './enums';
import {
  CLOCK_RUNNING_STATUSES,
  hasNoRecentNote,
  isMilestoneOverdue,
  noRecentNoteBefore,
  pactProgress,
} from './progress';

describe(pactProgress.name, () => {
  it.each<[string, MilestoneStatus[], number]>([
    ['no milestones', [], 0],
    ['only cancelled milestones', ['CANCELLED', 'CANCELLED'], 0],
    ['nothing achieved yet', ['PENDING', 'MISSED'], 0],
    ['all achieved', ['ACHIEVED', 'ACHIEVED'], 100],
    ['cancelled milestones do not count', ['ACHIEVED', 'CANCELLED'], 100],
    ['missed milestones count', ['ACHIEVED', 'MISSED'], 50],
    ['one of three: rounded down', ['ACHIEVED', 'PENDING', 'PENDING'], 33],
    ['two of three: rounded up', ['ACHIEVED', 'ACHIEVED', 'PENDING'], 67],
    [
      'one of eight (12.5): half rounds up',
      ['ACHIEVED', ...Array<MilestoneStatus>(7).fill('PENDING')],
      13,
    ],
  ])('%s → %i', (_case, statuses, expected) => {
    expect(pactProgress(statuses)).toBe(expected);
  });

  it('is a whole number from 0 to 100 that grows when a milestone is achieved (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MILESTONE_STATUSES)), (statuses) => {
        const progress = pactProgress(statuses);
        expect(Number.isInteger(progress)).toBe(true);
        expect(progress).toBeGreaterThanOrEqual(0);
        expect(progress).toBeLessThanOrEqual(100);
        const pending = statuses.indexOf('PENDING');
        if (pending >= 0) {
          const achieved = statuses.map((s, i) => (i === pending ? 'ACHIEVED' : s));
          expect(pactProgress(achieved)).toBeGreaterThanOrEqual(progress);
        }
      }),
    );
  });
});

describe(isMilestoneOverdue.name, () => {
  const today = '2026-03-10';

  it.each<[MilestoneStatus, string | null | undefined, boolean]>([
    ['PENDING', '2026-03-09', true],
    ['PENDING', '2025-12-31', true],
    ['PENDING', '2026-03-10', false],
    ['PENDING', '2026-03-11', false],
    ['PENDING', null, false],
    ['PENDING', undefined, false],
    ['ACHIEVED', '2026-03-09', false],
    ['MISSED', '2026-03-09', false],
    ['CANCELLED', '2026-03-09', false],
  ])('%s due %s on an ACTIVE pact → %s', (status, dueDate, expected) => {
    expect(isMilestoneOverdue({ status, dueDate }, 'ACTIVE', today)).toBe(expected);
  });

  it.each<[PactStatus, boolean]>([
    ['DRAFT', true],
    ['SUBMITTED', true],
    ['ACTIVE', true],
    ['SUSPENDED', false],
    ['COMPLETED', false],
    ['TERMINATED', false],
    ['CANCELLED', false],
  ])('a pending milestone due yesterday on a %s pact → %s', (pactStatus, expected) => {
    expect(
      isMilestoneOverdue({ status: 'PENDING', dueDate: '2026-03-09' }, pactStatus, today),
    ).toBe(expected);
  });

  it('pauses the clock while suspended and resumes it with the pact', () => {
    const milestone = { status: 'PENDING' as const, dueDate: '2026-03-01' };
    expect(isMilestoneOverdue(milestone, 'ACTIVE', today)).toBe(true);
    expect(isMilestoneOverdue(milestone, 'SUSPENDED', today)).toBe(false);
    expect(isMilestoneOverdue(milestone, 'ACTIVE', today)).toBe(true);
  });

  it('runs the clock exactly for the statuses of CLOCK_RUNNING_STATUSES', () => {
    expect(
      PACT_STATUSES.filter((s) =>
        isMilestoneOverdue({ status: 'PENDING', dueDate: '2000-01-01' }, s, today),
      ),
    ).toEqual([...CLOCK_RUNNING_STATUSES]);
  });
});

describe(hasNoRecentNote.name, () => {
  const now = new Date('2026-11-25T12:00:00.000Z');
  const limit = '2026-10-26T12:00:00.000Z'; // exactly 30 days before now
  const active = { status: 'ACTIVE' as const, createdAt: '2026-01-01T00:00:00.000Z' };

  it('puts the limit exactly NO_NOTE_DAYS days before now', () => {
    expect(noRecentNoteBefore(now)).toBe(limit);
  });

  it('flags an ACTIVE pact whose last note is older than the limit, not one at the limit', () => {
    expect(hasNoRecentNote({ ...active, lastNoteAt: '2026-10-26T11:59:59.999Z' }, now)).toBe(true);
    expect(hasNoRecentNote({ ...active, lastNoteAt: limit }, now)).toBe(false);
    expect(hasNoRecentNote({ ...active, lastNoteAt: '2026-11-24T08:00:00.000Z' }, now)).toBe(false);
  });

  it('counts from the approval, else the creation, when there was never a note', () => {
    expect(hasNoRecentNote({ ...active, approvedAt: '2026-11-01T00:00:00.000Z' }, now)).toBe(false);
    expect(hasNoRecentNote({ ...active, approvedAt: '2026-10-01T00:00:00.000Z' }, now)).toBe(true);
    expect(hasNoRecentNote({ ...active, createdAt: '2026-11-20T00:00:00.000Z' }, now)).toBe(false);
    expect(hasNoRecentNote(active, now)).toBe(true);
  });

  it.each(PACT_STATUSES.filter((s) => s !== 'ACTIVE'))('never flags a %s pact', (status) => {
    expect(hasNoRecentNote({ ...active, status }, now)).toBe(false);
  });
});
