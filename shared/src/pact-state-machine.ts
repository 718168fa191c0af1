/**
 * The pact lifecycle (DOMAIN.md, "Pact lifecycle"): one table of transitions, read by the
 * server to accept or refuse a change of status and by the admin to show the buttons.
 *
 * DRAFT ──submit──> SUBMITTED ──approve──> ACTIVE <──resume── SUSPENDED
 *   │  <──send back──   │                    │ ──suspend──────────^
 *   └──cancel──> CANCELLED <──cancel──┘      ├──complete──> COMPLETED
 *                                            └──terminate─> TERMINATED
 * (SUSPENDED can also be completed or terminated.)
 */

import { endsAfterStart, isIsoDate } from './dates';
import {
  OUTCOMES_BY_TYPE,
  PACT_STATUSES,
  TERMINATION_CODES,
  type DocumentKind,
  type MilestoneStatus,
  type PactStatus,
  type PactType,
  type Role,
} from './enums';
import { rolesAllowed, transitionPermission } from './permissions';
import type { LocalizedText } from './text';

export type PactAction =
  'SUBMIT' | 'SEND_BACK' | 'APPROVE' | 'CANCEL' | 'SUSPEND' | 'RESUME' | 'COMPLETE' | 'TERMINATE';

export interface PactTransition {
  action: PactAction;
  from: readonly PactStatus[];
  to: PactStatus;
  roles: readonly Role[];
  /** A non-blank `reason` must accompany the transition. */
  reasonRequired: boolean;
  /**
   * What the `outcome` field must hold: nothing, an outcome of the pact's type
   * (OUTCOMES_BY_TYPE), or a termination code (TERMINATION_CODES).
   */
  outcome: 'NONE' | 'PACT_OUTCOME' | 'TERMINATION_CODE';
  /**
   * What becomes of the milestones still PENDING (DOMAIN.md, "Closing decides the open
   * milestones"): KEEP them (the pact stays open), the caller DECIDEs (MISSED or
   * CANCELLED, in `openMilestones`), or they are CANCELled with the pact.
   */
  openMilestones: 'KEEP' | 'DECIDE' | 'CANCEL';
  /** The button label. */
  label: LocalizedText;
}

/** Who may ask for a transition: the permission table (permissions.ts) says it. */
const rolesFor = (action: PactAction): readonly Role[] =>
  rolesAllowed('pacts', transitionPermission(action));

export const PACT_TRANSITIONS: readonly PactTransition[] = [
  {
    action: 'SUBMIT',
    from: ['DRAFT'],
    to: 'SUBMITTED',
    roles: rolesFor('SUBMIT'),
    reasonRequired: false,
    outcome: 'NONE',
    openMilestones: 'KEEP',
    label: { it: 'Invia per approvazione', en: 'Submit for approval' },
  },
  {
    action: 'SEND_BACK',
    from: ['SUBMITTED'],
    to: 'DRAFT',
    roles: rolesFor('SEND_BACK'),
    reasonRequired: true,
    outcome: 'NONE',
    openMilestones: 'KEEP',
    label: { it: 'Rimanda in bozza', en: 'Send back to draft' },
  },
  {
    action: 'APPROVE',
    from: ['SUBMITTED'],
    to: 'ACTIVE',
    roles: rolesFor('APPROVE'),
    reasonRequired: false,
    outcome: 'NONE',
    openMilestones: 'KEEP',
    label: { it: 'Approva', en: 'Approve' },
  },
  {
    action: 'CANCEL',
    from: ['DRAFT', 'SUBMITTED'],
    to: 'CANCELLED',
    roles: rolesFor('CANCEL'),
    reasonRequired: true,
    outcome: 'NONE',
    openMilestones: 'CANCEL',
    label: { it: 'Annulla il patto', en: 'Cancel the pact' },
  },
  {
    action: 'SUSPEND',
    from: ['ACTIVE'],
    to: 'SUSPENDED',
    roles: rolesFor('SUSPEND'),
    reasonRequired: true,
    outcome: 'NONE',
    openMilestones: 'KEEP',
    label: { it: 'Sospendi', en: 'Suspend' },
  },
  {
    action: 'RESUME',
    from: ['SUSPENDED'],
    to: 'ACTIVE',
    roles: rolesFor('RESUME'),
    reasonRequired: false,
    outcome: 'NONE',
    openMilestones: 'KEEP',
    label: { it: 'Riprendi', en: 'Resume' },
  },
  {
    action: 'COMPLETE',
    from: ['ACTIVE', 'SUSPENDED'],
    to: 'COMPLETED',
    roles: rolesFor('COMPLETE'),
    reasonRequired: false,
    outcome: 'PACT_OUTCOME',
    openMilestones: 'DECIDE',
    label: { it: 'Concludi con esito', en: 'Complete with outcome' },
  },
  {
    action: 'TERMINATE',
    from: ['ACTIVE', 'SUSPENDED'],
    to: 'TERMINATED',
    roles: rolesFor('TERMINATE'),
    reasonRequired: true,
    outcome: 'TERMINATION_CODE',
    openMilestones: 'DECIDE',
    label: { it: 'Interrompi', en: 'Terminate' },
  },
];

/** The transition that leads from `from` to `to`, if the lifecycle has one. */
export function findTransition(from: PactStatus, to: PactStatus): PactTransition | undefined {
  return PACT_TRANSITIONS.find((t) => t.to === to && t.from.includes(from));
}

/** The statuses a pact can move to from `from`, whoever asks (in lifecycle order). */
export function reachableStatuses(from: PactStatus): PactStatus[] {
  return PACT_STATUSES.filter((to) => findTransition(from, to));
}

/** The transitions `role` may perform on a pact in `status`: the buttons to show. */
export function allowedTransitions(status: PactStatus, role: Role): PactTransition[] {
  return PACT_TRANSITIONS.filter((t) => t.from.includes(status) && t.roles.includes(role));
}

/**
 * The statuses of a pact that was approved: APPROVE's target and every status reachable from
 * it (ACTIVE, SUSPENDED, COMPLETED, TERMINATED). A pact in one of them keeps its signed pact:
 * the last SIGNED_PACT document of it cannot be deleted.
 */
export const APPROVED_PACT_STATUSES: readonly PactStatus[] = (() => {
  const approved = PACT_TRANSITIONS.filter((t) => t.action === 'APPROVE').map((t) => t.to);
  for (let i = 0; i < approved.length; i++)
    for (const next of reachableStatuses(approved[i]))
      if (!approved.includes(next)) approved.push(next);
  return PACT_STATUSES.filter((s) => approved.includes(s));
})();

/** The kind of the document whose presence approval requires (DOMAIN.md, "The signed pact"). */
export const SIGNED_PACT_KIND = 'SIGNED_PACT' satisfies DocumentKind;

/** What closing a pact may make of its still-PENDING milestones. */
export const OPEN_MILESTONE_DECISIONS = [
  'MISSED',
  'CANCELLED',
] as const satisfies readonly MilestoneStatus[];
export type OpenMilestoneDecision = (typeof OPEN_MILESTONE_DECISIONS)[number];

export type TransitionRefusalCode =
  | 'NOT_ALLOWED_FROM_STATUS'
  | 'ROLE_FORBIDDEN'
  | 'REASON_REQUIRED'
  | 'OUTCOME_REQUIRED'
  | 'OUTCOME_INVALID'
  | 'OPEN_MILESTONES_DECISION_REQUIRED'
  | 'OPEN_MILESTONES_INVALID';

export type TransitionCheck =
  | { ok: true; transition: PactTransition }
  | {
      ok: false;
      code: TransitionRefusalCode;
      /** English, for the API error body. */
      message: string;
      messages: LocalizedText;
      /** The statuses reachable from `from` (for the 409 message). */
      allowed: PactStatus[];
    };

export interface TransitionRequest {
  type: PactType;
  from: PactStatus;
  to: PactStatus;
  role: Role;
  reason?: string | null;
  /** The outcome (COMPLETE) or the termination code (TERMINATE). */
  outcome?: string | null;
  /** The pact's milestones still PENDING (their titles name them in the refusal). */
  pendingMilestones?: readonly { title: string }[];
  /** What to make of them when completing or terminating: MISSED or CANCELLED. */
  openMilestones?: string | null;
}

/**
 * Whether `role` may move a pact of `type` from `from` to `to` with this reason, outcome
 * and decision on the open milestones. Checks, in order: the lifecycle, the role, the
 * reason, the outcome, the open milestones. Scope (territories, assignment) and approval
 * requirements are the caller's to check.
 */
export function checkTransition(request: TransitionRequest): TransitionCheck {
  const { type, from, to, role } = request;
  const allowed = reachableStatuses(from);
  const refuse = (code: TransitionRefusalCode, messages: LocalizedText): TransitionCheck => ({
    ok: false,
    code,
    message: messages.en,
    messages,
    allowed,
  });

  const transition = findTransition(from, to);
  if (!transition) {
    const list = allowed.join(', ');
    return refuse(
      'NOT_ALLOWED_FROM_STATUS',
      allowed.length === 0
        ? {
            it: `Il patto è chiuso (${from}): lo stato non può più cambiare`,
            en: `the pact is closed (${from}): its status can no longer change`,
          }
        : {
            it: `Da ${from} non si può passare a ${to}; stati consentiti: ${list}`,
            en: `cannot move from ${from} to ${to}; allowed from ${from}: ${list}`,
          },
    );
  }

  const label = transition.label;
  if (!transition.roles.includes(role)) {
    return refuse('ROLE_FORBIDDEN', {
      it: `Il ruolo ${role} non può eseguire «${label.it}»`,
      en: `the ${role} role may not perform '${label.en}'`,
    });
  }

  if (transition.reasonRequired && !request.reason?.trim()) {
    return refuse('REASON_REQUIRED', {
      it: `Per «${label.it}» serve una motivazione`,
      en: `reason is required for '${label.en}'`,
    });
  }

  const outcome = request.outcome || null;
  if (transition.outcome === 'NONE') {
    if (outcome !== null)
      return refuse('OUTCOME_INVALID', {
        it: `«${label.it}» non prevede un esito`,
        en: `'${label.en}' takes no outcome`,
      });
  } else {
    const [valid, what]: [readonly string[], LocalizedText] =
      transition.outcome === 'PACT_OUTCOME'
        ? [OUTCOMES_BY_TYPE[type], { it: "l'esito", en: 'outcome' }]
        : [TERMINATION_CODES, { it: 'il codice di interruzione', en: 'termination code' }];
    if (outcome === null) {
      return refuse('OUTCOME_REQUIRED', {
        it: `Per «${label.it}» serve ${what.it}: uno tra ${valid.join(', ')}`,
        en: `${what.en} is required: one of ${valid.join(', ')}`,
      });
    }
    if (!valid.includes(outcome)) {
      return refuse('OUTCOME_INVALID', {
        it: `${capitalize(what.it)} ${outcome} non è valido: uno tra ${valid.join(', ')}`,
        en: `${what.en} ${outcome} is not valid: one of ${valid.join(', ')}`,
      });
    }
  }

  const decision = request.openMilestones || null;
  const choices = OPEN_MILESTONE_DECISIONS.join(', ');
  if (decision !== null) {
    const accepted: readonly string[] =
      transition.openMilestones === 'DECIDE'
        ? OPEN_MILESTONE_DECISIONS
        : transition.openMilestones === 'CANCEL'
          ? ['CANCELLED']
          : [];
    if (!accepted.includes(decision)) {
      return refuse(
        'OPEN_MILESTONES_INVALID',
        accepted.length === 0
          ? {
              it: `«${label.it}» lascia le tappe come sono: non prevede una scelta sulle tappe aperte`,
              en: `'${label.en}' leaves the milestones as they are: it takes no openMilestones`,
            }
          : {
              it: `Scelta sulle tappe aperte non valida (${decision}): uno tra ${accepted.join(', ')}`,
              en: `openMilestones ${decision} is not valid here: one of ${accepted.join(', ')}`,
            },
      );
    }
  }
  const pending = request.pendingMilestones ?? [];
  if (transition.openMilestones === 'DECIDE' && pending.length > 0 && decision === null) {
    const titles = pending.map((m) => `«${m.title}»`).join(', ');
    const n = pending.length;
    return refuse('OPEN_MILESTONES_DECISION_REQUIRED', {
      it:
        n === 1
          ? `1 tappa ancora da fare (${titles}): per «${label.it}» scegli se segnarla come non raggiunta (MISSED) o annullata (CANCELLED)`
          : `${n} tappe ancora da fare (${titles}): per «${label.it}» scegli se segnarle come non raggiunte (MISSED) o annullate (CANCELLED)`,
      en: `milestones still PENDING: ${n} (${titles}); say in openMilestones whether they become ${choices}`,
    });
  }
  return { ok: true, transition };
}

/**
 * The status a transition gives the milestones still PENDING (null: they stay PENDING).
 * Call it once checkTransition has accepted the request.
 */
export function openMilestonesOutcome(
  transition: Pick<PactTransition, 'openMilestones'>,
  decision?: string | null,
): OpenMilestoneDecision | null {
  if (transition.openMilestones === 'CANCEL') return 'CANCELLED';
  if (transition.openMilestones === 'DECIDE')
    return OPEN_MILESTONE_DECISIONS.find((d) => d === decision) ?? null;
  return null;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export type ApprovalRequirement =
  'COMMUNITY_MAKER' | 'MILESTONE' | 'START_DATE' | 'PLANNED_END_DATE' | 'SIGNED_PACT';

export interface UnmetApprovalRequirement {
  requirement: ApprovalRequirement;
  /** The pact field to show the message beside. */
  field: 'communityMakerId' | 'milestones' | 'startDate' | 'plannedEndDate' | 'documents';
  messages: LocalizedText;
}

/**
 * What a pact still lacks to be approved (besides eligibility, which is re-run on the
 * start date): a community maker, at least one milestone, a start date and a planned end
 * date after it, and — when `signedPactCount` is given — its signed copy, a SIGNED_PACT
 * document of the pact itself. Empty when it can be approved.
 */
export function approvalRequirements(pact: {
  communityMakerId?: number | null;
  milestoneCount: number;
  startDate?: string | null;
  plannedEndDate?: string | null;
  /** The pact's own SIGNED_PACT documents; not checked when undefined. */
  signedPactCount?: number;
}): UnmetApprovalRequirement[] {
  const unmet: UnmetApprovalRequirement[] = [];
  if (pact.communityMakerId === null || pact.communityMakerId === undefined) {
    unmet.push({
      requirement: 'COMMUNITY_MAKER',
      field: 'communityMakerId',
      messages: { it: 'Nessun community maker assegnato', en: 'no community maker assigned' },
    });
  }
  if (pact.milestoneCount < 1) {
    unmet.push({
      requirement: 'MILESTONE',
      field: 'milestones',
      messages: { it: 'Serve almeno una tappa', en: 'at least one milestone is required' },
    });
  }
  const start = pact.startDate && isIsoDate(pact.startDate) ? pact.startDate : null;
  const end = pact.plannedEndDate && isIsoDate(pact.plannedEndDate) ? pact.plannedEndDate : null;
  if (!start) {
    unmet.push({
      requirement: 'START_DATE',
      field: 'startDate',
      messages: { it: 'Data di inizio non indicata', en: 'start date is missing' },
    });
  }
  if (!end) {
    unmet.push({
      requirement: 'PLANNED_END_DATE',
      field: 'plannedEndDate',
      messages: { it: 'Data di fine prevista non indicata', en: 'planned end date is missing' },
    });
  } else if (start && !endsAfterStart(start, end)) {
    unmet.push({
      requirement: 'PLANNED_END_DATE',
      field: 'plannedEndDate',
      messages: {
        it: `La data di fine prevista (${end}) deve essere successiva all'inizio (${start})`,
        en: `planned end date (${end}) must be after the start date (${start})`,
      },
    });
  }
  if (pact.signedPactCount !== undefined && pact.signedPactCount < 1) {
    unmet.push({
      requirement: 'SIGNED_PACT',
      field: 'documents',
      messages: {
        it: 'Manca il patto firmato: caricalo tra i documenti del patto prima di approvarlo',
        en: 'the signed pact is missing: upload a SIGNED_PACT document',
      },
    });
  }
  return unmet;
}
