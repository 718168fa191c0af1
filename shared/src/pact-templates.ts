/**
 * Pact templates (modelli di patto, DOMAIN.md "Templates"): their limits, the rule that ties
 * the milestones to the duration, which pacts a template fits, and what a pact made from one
 * receives. The server's writes and the admin's forms both ask these.
 */
import { addDays } from './dates';
import type { PactType } from './enums';
import type { PactTemplateMilestone } from './records';

/** The bounds of a template: kept small enough to print on the pact and to check at once. */
export const PACT_TEMPLATE_LIMITS = {
  /** Milestones a template may carry. */
  maxMilestones: 40,
  /** A pact lasts at most five years. */
  maxDurationDays: 1826,
  titleMaxLength: 200,
  milestoneTitleMaxLength: 200,
  milestoneDescriptionMaxLength: 2000,
  textMaxLength: 20_000,
} as const;

/** A milestone that falls after the template's duration: `milestones.<i>.days` → the duration. */
export type TemplateMilestoneProblem = { field: string; durationDays: number };

/**
 * The milestones whose `days` fall after `durationDays` (each is due within the pact, the day
 * it ends included); empty when all fit. Bounds of each number (whole, ≥ 0) are the forms'.
 */
export function templateMilestoneProblems(
  durationDays: number,
  milestones: readonly Pick<PactTemplateMilestone, 'days'>[],
): TemplateMilestoneProblem[] {
  return milestones.flatMap((m, i) =>
    m.days > durationDays ? [{ field: `milestones.${i}.days`, durationDays }] : [],
  );
}

/** Why a template does not fit a pact: another type, or another territory. */
export type TemplateMismatch = 'TYPE' | 'TERRITORY';

/**
 * Whether a template may shape a pact of `type` in `territoryId`: the same type, and the
 * same territory unless the template is for every territory (null). Null when it fits.
 */
export function templateMismatch(
  template: { type: PactType; territoryId: number | null },
  pact: { type: PactType; territoryId: number },
): TemplateMismatch | null {
  if (template.type !== pact.type) return 'TYPE';
  if (template.territoryId !== null && template.territoryId !== pact.territoryId)
    return 'TERRITORY';
  return null;
}

/** The texts of a pact a template fills where they are empty. */
export interface TemplateTexts {
  title?: string | null;
  objectives?: string | null;
  citizenCommitments?: string | null;
  communityCommitments?: string | null;
  plannedEndDate?: string | null;
}

const isEmpty = (value: string | null | undefined) => value == null || value.trim() === '';

/**
 * A pact's fields once the template filled what `body` left empty (null, missing or blank):
 * title, objectives, both commitments, and the planned end at start + duration days.
 */
export function fillFromTemplate(
  template: {
    title: string;
    objectives: string;
    citizenCommitments: string;
    communityCommitments: string;
    durationDays: number;
  },
  body: TemplateTexts,
  startDate: string,
): Required<{ [K in keyof TemplateTexts]: string }> {
  const pick = (own: string | null | undefined, fallback: string) =>
    isEmpty(own) ? fallback : (own as string);
  return {
    title: pick(body.title, template.title),
    objectives: pick(body.objectives, template.objectives),
    citizenCommitments: pick(body.citizenCommitments, template.citizenCommitments),
    communityCommitments: pick(body.communityCommitments, template.communityCommitments),
    plannedEndDate: pick(body.plannedEndDate, addDays(startDate, template.durationDays)),
  };
}

/** The milestones a pact starting on `startDate` gets from a template, each due start + days. */
export function templateMilestonesFrom(
  milestones: readonly PactTemplateMilestone[],
  startDate: string,
): Array<{ title: string; description: string; dueDate: string }> {
  return milestones.map((m) => ({
    title: m.title,
    description: m.description,
    dueDate: addDays(startDate, m.days),
  }));
}
