import { PACT_STATUSES, ROLES, type PactStatus, type Role } from './enums';
import {
  allowedTransitions,
  approvalRequirements,
  APPROVED_PACT_STATUSES,
  checkTransition,
  findTransition,
  OPEN_MILESTONE_DECISIONS,
  openMilestonesOutcome,
  PACT_TRANSITIONS,
  reachableStatuses,
  SIGNED_PACT_KIND,
  type TransitionRequest,
} from './pact-state-machine';

/** The lifecycle of DOMAIN.md, edge by edge: [from, to, action]. */
const EDGES: Array<[PactStatus, PactStatus, string]> = [
  ['DRAFT', 'SUBMITTED', 'SUBMIT'],
  ['SUBMITTED', 'DRAFT', 'SEND_BACK'],
  ['SUBMITTED', 'ACTIVE', 'APPROVE'],
  ['DRAFT', 'CANCELLED', 'CANCEL'],
  ['SUBMITTED', 'CANCELLED', 'CANCEL'],
  ['ACTIVE', 'SUSPENDED', 'SUSPEND'],
  ['SUSPENDED', 'ACTIVE', 'RESUME'],
  ['ACTIVE', 'COMPLETED', 'COMPLETE'],
  ['SUSPENDED', 'COMPLETED', 'COMPLETE'],
  ['ACTIVE', 'TERMINATED', 'TERMINATE'],
  ['SUSPENDED', 'TERMINATED', 'TERMINATE'],
];

/** Valid requests for each edge, by a social worker. */
function request(
  from: PactStatus,
  to: PactStatus,
  changes: Partial<TransitionRequest> = {},
): TransitionRequest {
  const outcome = to === 'COMPLETED' ? 'EMPLOYED' : to === 'TERMINATED' ? 'DROPPED_OUT' : undefined;
  return {
    type: 'AUTONOMY',
    from,
    to,
    role: 'SOCIAL_WORKER',
    reason: 'Motivo',
    outcome,
    ...changes,
  };
}

describe(findTransition.name, () => {
  it.each(EDGES)('finds %s → %s (%s)', (from, to, action) => {
    expect(findTransition(from, to)?.action).toBe(action);
  });

  it('finds nothing else, for any pair of statuses', () => {
    const found = PACT_STATUSES.flatMap((from) =>
      PACT_STATUSES.filter((to) => findTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(found.sort()).toEqual(EDGES.map(([from, to]) => `${from}→${to}`).sort());
  });
});

describe(reachableStatuses.name, () => {
  it.each([
    ['DRAFT', ['SUBMITTED', 'CANCELLED']],
    ['SUBMITTED', ['DRAFT', 'ACTIVE', 'CANCELLED']],
    ['ACTIVE', ['SUSPENDED', 'COMPLETED', 'TERMINATED']],
    ['SUSPENDED', ['ACTIVE', 'COMPLETED', 'TERMINATED']],
    ['COMPLETED', []],
    ['TERMINATED', []],
    ['CANCELLED', []],
  ] as const)('from %s: %j', (from, expected) => {
    expect(reachableStatuses(from)).toEqual(expected);
  });
});

describe('PACT_TRANSITIONS', () => {
  it('requires a reason to send back, cancel, suspend and terminate, and only then', () => {
    expect(PACT_TRANSITIONS.filter((t) => t.reasonRequired).map((t) => t.action)).toEqual([
      'SEND_BACK',
      'CANCEL',
      'SUSPEND',
      'TERMINATE',
    ]);
  });

  it('asks an outcome to complete and a termination code to terminate, and only then', () => {
    expect(
      PACT_TRANSITIONS.filter((t) => t.outcome !== 'NONE').map((t) => [t.action, t.outcome]),
    ).toEqual([
      ['COMPLETE', 'PACT_OUTCOME'],
      ['TERMINATE', 'TERMINATION_CODE'],
    ]);
  });

  it('labels every action in Italian and English', () => {
    for (const t of PACT_TRANSITIONS) {
      expect(t.label.it).toMatch(/^\p{Lu}/u);
      expect(t.label.en).toMatch(/^\p{Lu}/u);
    }
  });
});

describe(allowedTransitions.name, () => {
  /** Role × status → the actions offered (the buttons of the admin). */
  const MATRIX: Record<Role, Partial<Record<PactStatus, string[]>>> = {
    ADMIN: {
      DRAFT: ['SUBMIT', 'CANCEL'],
      SUBMITTED: ['SEND_BACK', 'APPROVE', 'CANCEL'],
      ACTIVE: ['SUSPEND', 'COMPLETE', 'TERMINATE'],
      SUSPENDED: ['RESUME', 'COMPLETE', 'TERMINATE'],
    },
    SOCIAL_WORKER: {
      DRAFT: ['SUBMIT', 'CANCEL'],
      SUBMITTED: ['SEND_BACK', 'APPROVE', 'CANCEL'],
      ACTIVE: ['SUSPEND', 'COMPLETE', 'TERMINATE'],
      SUSPENDED: ['RESUME', 'COMPLETE', 'TERMINATE'],
    },
    COMMUNITY_MAKER: { DRAFT: ['SUBMIT'] },
    MANAGER: {},
  };

  it.each(ROLES.flatMap((role) => PACT_STATUSES.map((status) => [role, status] as const)))(
    '%s on a %s pact',
    (role, status) => {
      expect(allowedTransitions(status, role).map((t) => t.action)).toEqual(
        MATRIX[role][status] ?? [],
      );
    },
  );
});

describe(checkTransition.name, () => {
  it.each(EDGES)('allows %s → %s with what it needs', (from, to, action) => {
    const result = checkTransition(request(from, to));
    expect(result).toMatchObject({ ok: true, transition: { action, to } });
  });

  it('allows a community maker to submit, without a reason', () => {
    const result = checkTransition(
      request('DRAFT', 'SUBMITTED', { role: 'COMMUNITY_MAKER', reason: undefined }),
    );
    expect(result.ok).toBe(true);
  });

  describe('NOT_ALLOWED_FROM_STATUS', () => {
    it('refuses a jump the lifecycle does not have, listing where the pact can go', () => {
      expect(checkTransition(request('DRAFT', 'ACTIVE'))).toEqual({
        ok: false,
        code: 'NOT_ALLOWED_FROM_STATUS',
        message: 'cannot move from DRAFT to ACTIVE; allowed from DRAFT: SUBMITTED, CANCELLED',
        messages: {
          it: 'Da DRAFT non si può passare a ACTIVE; stati consentiti: SUBMITTED, CANCELLED',
          en: 'cannot move from DRAFT to ACTIVE; allowed from DRAFT: SUBMITTED, CANCELLED',
        },
        allowed: ['SUBMITTED', 'CANCELLED'],
      });
    });

    it('refuses staying in the same status', () => {
      expect(checkTransition(request('ACTIVE', 'ACTIVE'))).toMatchObject({
        ok: false,
        code: 'NOT_ALLOWED_FROM_STATUS',
        allowed: ['SUSPENDED', 'COMPLETED', 'TERMINATED'],
      });
    });

    it.each(['COMPLETED', 'TERMINATED', 'CANCELLED'] as const)(
      'refuses any change of a %s pact',
      (from) => {
        expect(checkTransition(request(from, 'ACTIVE'))).toMatchObject({
          ok: false,
          code: 'NOT_ALLOWED_FROM_STATUS',
          message: `the pact is closed (${from}): its status can no longer change`,
          allowed: [],
        });
      },
    );

    it('is checked before the role', () => {
      expect(checkTransition(request('DRAFT', 'ACTIVE', { role: 'MANAGER' }))).toMatchObject({
        code: 'NOT_ALLOWED_FROM_STATUS',
      });
    });
  });

  describe('ROLE_FORBIDDEN', () => {
    it.each(EDGES.filter(([, , action]) => action !== 'SUBMIT'))(
      'refuses %s → %s (%s) to a community maker',
      (from, to) => {
        expect(checkTransition(request(from, to, { role: 'COMMUNITY_MAKER' }))).toMatchObject({
          ok: false,
          code: 'ROLE_FORBIDDEN',
        });
      },
    );

    it.each(EDGES)('refuses %s → %s to a manager', (from, to) => {
      expect(checkTransition(request(from, to, { role: 'MANAGER' }))).toMatchObject({
        code: 'ROLE_FORBIDDEN',
      });
    });

    it('names the role and the action', () => {
      expect(
        checkTransition(request('SUBMITTED', 'ACTIVE', { role: 'COMMUNITY_MAKER' })),
      ).toMatchObject({
        message: "the COMMUNITY_MAKER role may not perform 'Approve'",
        messages: { it: 'Il ruolo COMMUNITY_MAKER non può eseguire «Approva»' },
        allowed: ['DRAFT', 'ACTIVE', 'CANCELLED'],
      });
    });
  });

  describe('REASON_REQUIRED', () => {
    const needingReason = EDGES.filter(([, , action]) =>
      ['SEND_BACK', 'CANCEL', 'SUSPEND', 'TERMINATE'].includes(action),
    );

    it.each(
      needingReason.flatMap(([from, to]) =>
        [undefined, null, '', '  \n'].map((reason) => [from, to, reason] as const),
      ),
    )('refuses %s → %s with reason %j', (from, to, reason) => {
      expect(checkTransition(request(from, to, { reason }))).toMatchObject({
        ok: false,
        code: 'REASON_REQUIRED',
      });
    });

    it.each(EDGES.filter((edge) => !needingReason.includes(edge)))(
      'does not ask one for %s → %s',
      (from, to) => {
        expect(checkTransition(request(from, to, { reason: undefined })).ok).toBe(true);
      },
    );

    it('says which action needs it', () => {
      expect(checkTransition(request('ACTIVE', 'SUSPENDED', { reason: ' ' }))).toMatchObject({
        message: "reason is required for 'Suspend'",
        messages: { it: 'Per «Sospendi» serve una motivazione' },
      });
    });
  });

  describe('outcome at completion', () => {
    it.each(['EMPLOYED', 'TRAINING', 'INTERNSHIP', 'PARTIAL'])(
      'accepts %s for AUTONOMY',
      (outcome) => {
        expect(checkTransition(request('ACTIVE', 'COMPLETED', { outcome })).ok).toBe(true);
      },
    );

    it.each(['AUTONOMY_REGAINED', 'IMPROVED', 'REFERRED_TO_SERVICES', 'PARTIAL'])(
      'accepts %s for INCLUSION',
      (outcome) => {
        expect(
          checkTransition(request('SUSPENDED', 'COMPLETED', { type: 'INCLUSION', outcome })).ok,
        ).toBe(true);
      },
    );

    it.each([undefined, null, ''])('requires one (%j)', (outcome) => {
      expect(checkTransition(request('ACTIVE', 'COMPLETED', { outcome }))).toMatchObject({
        ok: false,
        code: 'OUTCOME_REQUIRED',
        message: 'outcome is required: one of EMPLOYED, TRAINING, INTERNSHIP, PARTIAL',
        messages: {
          it: "Per «Concludi con esito» serve l'esito: uno tra EMPLOYED, TRAINING, INTERNSHIP, PARTIAL",
        },
      });
    });

    it.each([
      ['an INCLUSION outcome for AUTONOMY', 'AUTONOMY', 'IMPROVED'],
      ['an AUTONOMY outcome for INCLUSION', 'INCLUSION', 'EMPLOYED'],
      ['a termination code', 'AUTONOMY', 'DROPPED_OUT'],
      ['lower case', 'AUTONOMY', 'employed'],
    ] as const)('refuses %s', (_case, type, outcome) => {
      expect(checkTransition(request('ACTIVE', 'COMPLETED', { type, outcome }))).toMatchObject({
        ok: false,
        code: 'OUTCOME_INVALID',
      });
    });

    it('lists the valid outcomes of the type', () => {
      expect(
        checkTransition(request('ACTIVE', 'COMPLETED', { type: 'INCLUSION', outcome: 'EMPLOYED' })),
      ).toMatchObject({
        message:
          'outcome EMPLOYED is not valid: one of AUTONOMY_REGAINED, IMPROVED, REFERRED_TO_SERVICES, PARTIAL',
        messages: {
          it: "L'esito EMPLOYED non è valido: uno tra AUTONOMY_REGAINED, IMPROVED, REFERRED_TO_SERVICES, PARTIAL",
        },
      });
    });
  });

  describe('termination code', () => {
    it.each(['DROPPED_OUT', 'MOVED_AWAY', 'NO_LONGER_ELIGIBLE', 'OTHER'])(
      'accepts %s',
      (outcome) => {
        expect(checkTransition(request('ACTIVE', 'TERMINATED', { outcome })).ok).toBe(true);
      },
    );

    it('requires one, after the reason', () => {
      expect(
        checkTransition(request('SUSPENDED', 'TERMINATED', { outcome: undefined })),
      ).toMatchObject({
        code: 'OUTCOME_REQUIRED',
        message:
          'termination code is required: one of DROPPED_OUT, MOVED_AWAY, NO_LONGER_ELIGIBLE, OTHER',
      });
      expect(
        checkTransition(request('SUSPENDED', 'TERMINATED', { outcome: undefined, reason: '' })),
      ).toMatchObject({
        code: 'REASON_REQUIRED',
      });
    });

    it('refuses an outcome of completion', () => {
      expect(
        checkTransition(request('ACTIVE', 'TERMINATED', { outcome: 'PARTIAL' })),
      ).toMatchObject({
        code: 'OUTCOME_INVALID',
        messages: {
          it: 'Il codice di interruzione PARTIAL non è valido: uno tra DROPPED_OUT, MOVED_AWAY, NO_LONGER_ELIGIBLE, OTHER',
        },
      });
    });
  });

  it('refuses an outcome on a transition that takes none', () => {
    expect(checkTransition(request('ACTIVE', 'SUSPENDED', { outcome: 'PARTIAL' }))).toMatchObject({
      ok: false,
      code: 'OUTCOME_INVALID',
      message: "'Suspend' takes no outcome",
      messages: { it: '«Sospendi» non prevede un esito' },
    });
    expect(checkTransition(request('ACTIVE', 'SUSPENDED', { outcome: null })).ok).toBe(true);
  });

  describe('open milestones at closing', () => {
    const one = [{ title: 'Colloquio al centro per l’impiego' }];
    const two = [...one, { title: 'Corso di italiano' }];

    it.each([
      ['ACTIVE', 'COMPLETED'],
      ['SUSPENDED', 'COMPLETED'],
      ['ACTIVE', 'TERMINATED'],
      ['SUSPENDED', 'TERMINATED'],
    ] as const)('%s → %s with pending milestones needs a decision, naming them', (from, to) => {
      const refused = checkTransition(request(from, to, { pendingMilestones: two }));
      expect(refused).toMatchObject({ ok: false, code: 'OPEN_MILESTONES_DECISION_REQUIRED' });
      expect(!refused.ok && refused.messages.en).toMatch(
        /^milestones still PENDING: 2 \(«Colloquio al centro per l’impiego», «Corso di italiano»\);.*MISSED, CANCELLED$/,
      );
      expect(!refused.ok && refused.messages.it).toMatch(/^2 tappe ancora da fare/);
      for (const decision of OPEN_MILESTONE_DECISIONS) {
        expect(
          checkTransition(request(from, to, { pendingMilestones: two, openMilestones: decision }))
            .ok,
        ).toBe(true);
      }
    });

    it('words one pending milestone in the singular', () => {
      const refused = checkTransition(request('ACTIVE', 'COMPLETED', { pendingMilestones: one }));
      expect(!refused.ok && refused.messages.en).toMatch(/^milestones still PENDING: 1 \(/);
      expect(!refused.ok && refused.messages.it).toMatch(/^1 tappa ancora da fare .*segnarla/);
    });

    it('needs no decision without pending milestones, and accepts one anyway', () => {
      expect(checkTransition(request('ACTIVE', 'COMPLETED', { pendingMilestones: [] })).ok).toBe(
        true,
      );
      expect(checkTransition(request('ACTIVE', 'TERMINATED')).ok).toBe(true);
      expect(
        checkTransition(
          request('ACTIVE', 'TERMINATED', { pendingMilestones: [], openMilestones: 'MISSED' }),
        ).ok,
      ).toBe(true);
    });

    it('refuses a decision that is not MISSED or CANCELLED', () => {
      for (const decision of ['PENDING', 'ACHIEVED', 'missed']) {
        expect(
          checkTransition(
            request('ACTIVE', 'COMPLETED', { pendingMilestones: one, openMilestones: decision }),
          ),
        ).toMatchObject({ ok: false, code: 'OPEN_MILESTONES_INVALID' });
      }
    });

    it('checks the outcome before the open milestones', () => {
      expect(
        checkTransition(request('ACTIVE', 'COMPLETED', { outcome: null, pendingMilestones: one })),
      ).toMatchObject({ ok: false, code: 'OUTCOME_REQUIRED' });
    });

    it('cancelling a pact cancels its pending milestones: no decision, only CANCELLED accepted', () => {
      expect(checkTransition(request('DRAFT', 'CANCELLED', { pendingMilestones: two })).ok).toBe(
        true,
      );
      expect(
        checkTransition(
          request('SUBMITTED', 'CANCELLED', {
            pendingMilestones: two,
            openMilestones: 'CANCELLED',
          }),
        ).ok,
      ).toBe(true);
      expect(
        checkTransition(
          request('DRAFT', 'CANCELLED', { pendingMilestones: two, openMilestones: 'MISSED' }),
        ),
      ).toMatchObject({ ok: false, code: 'OPEN_MILESTONES_INVALID' });
    });

    it('refuses a decision on a transition that keeps the pact open', () => {
      expect(
        checkTransition(
          request('ACTIVE', 'SUSPENDED', { pendingMilestones: one, openMilestones: 'MISSED' }),
        ),
      ).toMatchObject({
        ok: false,
        code: 'OPEN_MILESTONES_INVALID',
        message: "'Suspend' leaves the milestones as they are: it takes no openMilestones",
      });
      expect(checkTransition(request('ACTIVE', 'SUSPENDED', { pendingMilestones: one })).ok).toBe(
        true,
      );
    });
  });
});

describe(openMilestonesOutcome.name, () => {
  it('closing transitions give the decision, cancelling gives CANCELLED, the others nothing', () => {
    const outcome = (action: string, decision?: string) =>
      openMilestonesOutcome(
        PACT_TRANSITIONS.find((t) => t.action === action)!,
        decision,
      );
    expect(outcome('COMPLETE', 'MISSED')).toBe('MISSED');
    expect(outcome('TERMINATE', 'CANCELLED')).toBe('CANCELLED');
    expect(outcome('COMPLETE')).toBeNull();
    expect(outcome('CANCEL')).toBe('CANCELLED');
    for (const action of ['SUBMIT', 'SEND_BACK', 'APPROVE', 'SUSPEND', 'RESUME'])
      expect(outcome(action, 'MISSED')).toBeNull();
  });
});

describe('APPROVED_PACT_STATUSES', () => {
  it('is where approval leads and all that follows it, never before nor a cancellation', () => {
    expect(APPROVED_PACT_STATUSES).toEqual(['ACTIVE', 'SUSPENDED', 'COMPLETED', 'TERMINATED']);
    expect(SIGNED_PACT_KIND).toBe('SIGNED_PACT');
  });
});

describe(approvalRequirements.name, () => {
  const ready = {
    communityMakerId: 7,
    milestoneCount: 1,
    startDate: '2026-02-01',
    plannedEndDate: '2026-02-02',
  };

  it('is empty for a pact ready to be approved', () => {
    expect(approvalRequirements(ready)).toEqual([]);
  });

  it('lists everything missing, with the field and messages', () => {
    expect(
      approvalRequirements({
        communityMakerId: null,
        milestoneCount: 0,
        startDate: null,
        plannedEndDate: null,
      }),
    ).toEqual([
      {
        requirement: 'COMMUNITY_MAKER',
        field: 'communityMakerId',
        messages: { it: 'Nessun community maker assegnato', en: 'no community maker assigned' },
      },
      {
        requirement: 'MILESTONE',
        field: 'milestones',
        messages: { it: 'Serve almeno una tappa', en: 'at least one milestone is required' },
      },
      {
        requirement: 'START_DATE',
        field: 'startDate',
        messages: { it: 'Data di inizio non indicata', en: 'start date is missing' },
      },
      {
        requirement: 'PLANNED_END_DATE',
        field: 'plannedEndDate',
        messages: { it: 'Data di fine prevista non indicata', en: 'planned end date is missing' },
      },
    ]);
  });

  it('asks for the signed pact when its count is given: none is missing, one is enough', () => {
    expect(approvalRequirements({ ...ready, signedPactCount: 0 })).toEqual([
      {
        requirement: 'SIGNED_PACT',
        field: 'documents',
        messages: {
          it: 'Manca il patto firmato: caricalo tra i documenti del patto prima di approvarlo',
          en: 'the signed pact is missing: upload a SIGNED_PACT document',
        },
      },
    ]);
    expect(approvalRequirements({ ...ready, signedPactCount: 1 })).toEqual([]);
    expect(approvalRequirements({ ...ready, signedPactCount: 2 })).toEqual([]);
    // Not known (the admin before it has read the documents): not judged.
    expect(approvalRequirements({ ...ready, signedPactCount: undefined })).toEqual([]);
  });

  it('treats an absent community maker like a null one, and id 0 as assigned', () => {
    expect(
      approvalRequirements({ ...ready, communityMakerId: undefined }).map((r) => r.requirement),
    ).toEqual(['COMMUNITY_MAKER']);
    expect(approvalRequirements({ ...ready, communityMakerId: 0 })).toEqual([]);
  });

  it.each([
    ['the same day as the start', '2026-02-01'],
    ['before the start', '2026-01-31'],
  ])('refuses a planned end date %s', (_case, plannedEndDate) => {
    expect(approvalRequirements({ ...ready, plannedEndDate })).toEqual([
      {
        requirement: 'PLANNED_END_DATE',
        field: 'plannedEndDate',
        messages: {
          it: `La data di fine prevista (${plannedEndDate}) deve essere successiva all'inizio (2026-02-01)`,
          en: `planned end date (${plannedEndDate}) must be after the start date (2026-02-01)`,
        },
      },
    ]);
  });

  it('treats dates that are not dates as missing', () => {
    const unmet = approvalRequirements({
      ...ready,
      startDate: '2026-02-30',
      plannedEndDate: 'soon',
    });
    expect(unmet.map((r) => r.requirement)).toEqual(['START_DATE', 'PLANNED_END_DATE']);
  });

  it('does not compare the end date with a missing start date', () => {
    expect(
      approvalRequirements({ ...ready, startDate: undefined }).map((r) => r.requirement),
    ).toEqual(['START_DATE']);
  });
});
