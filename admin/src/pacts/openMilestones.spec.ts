import { checkTransition, PACT_TRANSITIONS, type PactAction } from '@generattivi/shared';
import { openMilestonesBody, openMilestonesQuestion } from './openMilestones';

const transition = (action: PactAction) => PACT_TRANSITIONS.find((t) => t.action === action)!;

describe(openMilestonesQuestion.name, () => {
  it('asks a decision when completing or terminating a pact with milestones still to do', () => {
    expect(openMilestonesQuestion(transition('COMPLETE'), 2)).toBe('DECIDE');
    expect(openMilestonesQuestion(transition('TERMINATE'), 1)).toBe('DECIDE');
  });

  it('tells that cancelling the pact cancels them', () => {
    expect(openMilestonesQuestion(transition('CANCEL'), 3)).toBe('CANCEL');
  });

  it('says nothing without pending milestones, while loading, or for the other transitions', () => {
    expect(openMilestonesQuestion(transition('COMPLETE'), 0)).toBeNull();
    expect(openMilestonesQuestion(transition('TERMINATE'), undefined)).toBeNull();
    for (const action of ['SUBMIT', 'SEND_BACK', 'APPROVE', 'SUSPEND', 'RESUME'] as const)
      expect(openMilestonesQuestion(transition(action), 4)).toBeNull();
  });
});

describe(openMilestonesBody.name, () => {
  it('sends the decision only when it was asked and made', () => {
    expect(openMilestonesBody('DECIDE', 'MISSED')).toEqual({ openMilestones: 'MISSED' });
    expect(openMilestonesBody('DECIDE', 'CANCELLED')).toEqual({ openMilestones: 'CANCELLED' });
    expect(openMilestonesBody('DECIDE', '')).toEqual({});
    expect(openMilestonesBody('CANCEL', 'MISSED')).toEqual({});
    expect(openMilestonesBody(null, 'MISSED')).toEqual({});
  });

  it('gives a body the shared rule accepts, and without a decision one it refuses', () => {
    const pending = [{ title: 'Colloquio' }, { title: 'Tirocinio' }];
    const request = (decision: 'MISSED' | '') => ({
      type: 'AUTONOMY' as const,
      from: 'ACTIVE' as const,
      to: 'COMPLETED' as const,
      role: 'SOCIAL_WORKER' as const,
      outcome: 'EMPLOYED',
      pendingMilestones: pending,
      ...openMilestonesBody(
        openMilestonesQuestion(transition('COMPLETE'), pending.length),
        decision,
      ),
    });
    expect(checkTransition(request('MISSED')).ok).toBe(true);
    expect(checkTransition(request(''))).toMatchObject({
      ok: false,
      code: 'OPEN_MILESTONES_DECISION_REQUIRED',
    });
  });
});
