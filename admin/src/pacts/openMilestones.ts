import type { OpenMilestoneDecision, PactTransition } from '@generattivi/shared';

/**
 * What the transition dialog says about the milestones still to do (the rule is the shared
 * state machine's `openMilestones`): completing or terminating asks a decision, cancelling
 * tells they will be cancelled, the other transitions leave them alone. Nothing to say
 * when there are none, or while they are loading.
 */
export function openMilestonesQuestion(
  transition: Pick<PactTransition, 'openMilestones'>,
  pending: number | undefined,
): 'DECIDE' | 'CANCEL' | null {
  if (!pending || transition.openMilestones === 'KEEP') return null;
  return transition.openMilestones;
}

/** The `openMilestones` of the transition body: sent only when the dialog asked for it. */
export function openMilestonesBody(
  question: ReturnType<typeof openMilestonesQuestion>,
  decision: OpenMilestoneDecision | '',
): { openMilestones?: OpenMilestoneDecision } {
  return question === 'DECIDE' && decision ? { openMilestones: decision } : {};
}
