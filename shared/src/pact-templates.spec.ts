import {
  fillFromTemplate,
  PACT_TEMPLATE_LIMITS,
  templateMilestoneProblems,
  templateMilestonesFrom,
  templateMismatch,
} from './pact-templates';

const template = {
  title: 'Tirocinio di inclusione — 6 mesi',
  objectives: 'Inserimento lavorativo',
  citizenCommitments: 'Frequentare il tirocinio',
  communityCommitments: 'Accompagnare il tirocinante',
  durationDays: 180,
};

describe('pact templates', () => {
  it('accepts milestones up to the last day of the duration, not the day after', () => {
    expect(templateMilestoneProblems(180, [{ days: 0 }, { days: 180 }])).toEqual([]);
    expect(templateMilestoneProblems(180, [{ days: 10 }, { days: 181 }])).toEqual([
      { field: 'milestones.1.days', durationDays: 180 },
    ]);
  });

  it('keeps a template to at most 40 milestones', () => {
    expect(PACT_TEMPLATE_LIMITS.maxMilestones).toBe(40);
  });

  it('fits pacts of its type, in its territory or anywhere when it has none', () => {
    expect(
      templateMismatch(
        { type: 'AUTONOMY', territoryId: null },
        { type: 'AUTONOMY', territoryId: 2 },
      ),
    ).toBeNull();
    expect(
      templateMismatch({ type: 'AUTONOMY', territoryId: 2 }, { type: 'AUTONOMY', territoryId: 2 }),
    ).toBeNull();
    expect(
      templateMismatch({ type: 'AUTONOMY', territoryId: 1 }, { type: 'AUTONOMY', territoryId: 2 }),
    ).toBe('TERRITORY');
    expect(
      templateMismatch({ type: 'INCLUSION', territoryId: 2 }, { type: 'AUTONOMY', territoryId: 1 }),
    ).toBe('TYPE');
  });

  it('fills only what the pact leaves empty, the end at start + duration', () => {
    expect(
      fillFromTemplate(template, { title: 'Mio titolo', objectives: '  ' }, '2026-01-31'),
    ).toEqual({
      title: 'Mio titolo',
      objectives: 'Inserimento lavorativo',
      citizenCommitments: 'Frequentare il tirocinio',
      communityCommitments: 'Accompagnare il tirocinante',
      plannedEndDate: '2026-07-30',
    });
    expect(
      fillFromTemplate(template, { plannedEndDate: '2026-03-01' }, '2026-01-31').plannedEndDate,
    ).toBe('2026-03-01');
  });

  it('dates the milestones from the start, across months and leap days', () => {
    expect(
      templateMilestonesFrom(
        [
          { title: 'Avvio', description: '', days: 0 },
          { title: 'Verifica', description: 'a metà', days: 29 },
        ],
        '2028-01-31',
      ),
    ).toEqual([
      { title: 'Avvio', description: '', dueDate: '2028-01-31' },
      { title: 'Verifica', description: 'a metà', dueDate: '2028-02-29' },
    ]);
  });
});
