import type { OutcomesRow } from '../providers/reports';
import {
  completionRates,
  medianDurations,
  breakdownSeries,
  outcomeBreakdown,
  pactsByStatus,
  statusesPresent,
} from './chartData';

const row = (over: Partial<OutcomesRow>): OutcomesRow => ({
  territoryId: 1,
  type: 'AUTONOMY',
  total: 0,
  byStatus: {},
  closed: 0,
  completed: 0,
  completionRate: null,
  outcomes: {},
  medianDurationDays: null,
  milestonesDue: 0,
  milestonesAchievedOnTime: 0,
  onTimeRate: null,
  ...over,
});

const rows = [
  row({
    territoryId: 1,
    type: 'AUTONOMY',
    byStatus: { ACTIVE: 3, COMPLETED: 2, TERMINATED: 1 },
    closed: 3,
    completed: 2,
    completionRate: 2 / 3,
    outcomes: { EMPLOYED: 1, TRAINING: 1 },
    terminations: { DROPPED_OUT: 1, OTHER: 0 },
    medianDurationDays: 180.5,
  }),
  row({ territoryId: 2, type: 'INCLUSION', byStatus: { DRAFT: 1 } }),
];
const name = (r: OutcomesRow) => `${r.territoryId}-${r.type}`;

describe('chart data', () => {
  it('spreads pacts by status over every status, with zeros', () => {
    expect(pactsByStatus(rows, name)[0]).toEqual({
      name: '1-AUTONOMY',
      DRAFT: 0,
      SUBMITTED: 0,
      ACTIVE: 3,
      SUSPENDED: 0,
      COMPLETED: 2,
      TERMINATED: 1,
      CANCELLED: 0,
    });
    expect(statusesPresent(rows)).toEqual(['DRAFT', 'ACTIVE', 'COMPLETED', 'TERMINATED']);
  });

  it('turns completion rates into percentages and keeps "nothing closed" as null', () => {
    expect(completionRates(rows, name)).toEqual([
      { name: '1-AUTONOMY', rate: 67, completed: 2, closed: 3 },
      { name: '2-INCLUSION', rate: null, completed: 0, closed: 0 },
    ]);
  });

  it('keeps the outcomes, terminations and median durations of each row as the server gave them', () => {
    expect(outcomeBreakdown(rows, name)).toEqual([
      {
        name: '1-AUTONOMY',
        EMPLOYED: 1,
        TRAINING: 1,
        TERMINATED_DROPPED_OUT: 1,
        TERMINATED_OTHER: 0,
      },
      { name: '2-INCLUSION' },
    ]);
    expect(breakdownSeries(rows)).toEqual([
      { key: 'EMPLOYED', kind: 'outcome', code: 'EMPLOYED' },
      { key: 'TRAINING', kind: 'outcome', code: 'TRAINING' },
      { key: 'TERMINATED_DROPPED_OUT', kind: 'termination', code: 'DROPPED_OUT' },
    ]);
    expect(medianDurations(rows, name)).toEqual([
      { name: '1-AUTONOMY', days: 181 },
      { name: '2-INCLUSION', days: null },
    ]);
  });
});
