import fc from 'fast-check';
import { MILESTONE_STATUSES, type MilestoneStatus } from './enums';
import { isMilestoneOverdue, pactProgress } from './progress';

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
  ])('%s due %s → %s', (status, dueDate, expected) => {
    expect(isMilestoneOverdue({ status, dueDate }, today)).toBe(expected);
  });
});
