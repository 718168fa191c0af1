import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as shared from './index';

describe('@generattivi/shared entry', () => {
  it('exports the domain API', () => {
    const functions = Object.entries(shared)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name)
      .sort();
    expect(functions).toEqual([
      'addDays',
      'ageOn',
      'allowedTransitions',
      'anonymiseOn',
      'approvalRequirements',
      'checkTransition',
      'composeDigest',
      'computeFiscalCode',
      'daysBetween',
      'daysInMonth',
      'decodeFiscalCode',
      'defaultDigestFrequency',
      'digestEndingHorizon',
      'digestMilestoneHorizon',
      'digestPeriod',
      'documentKindsFor',
      'endsAfterStart',
      'eurosToCents',
      'evaluateEligibility',
      'fillFromTemplate',
      'findTransition',
      'fiscalCodeCheckCharacter',
      'formatEuroCents',
      'formatIsoDate',
      'grantOf',
      'hasNoRecentNote',
      'isAllowed',
      'isErrorCode',
      'isIsoDate',
      'isIsoInstant',
      'isLeapYear',
      'isMilestoneOverdue',
      'isPactClockRunning',
      'isPactClosed',
      'isRetentionOver',
      'isoWeekday',
      'italianDate',
      'italianErrorMessage',
      'labelsIn',
      'lastDiaryActivity',
      'mayRemoveDocument',
      'noRecentNoteBefore',
      'normalizeFiscalCode',
      'noteTimeProblem',
      'openMilestonesOutcome',
      'pactProgress',
      'parseIsoDate',
      'parseIsoInstant',
      'personViewOf',
      'reachableStatuses',
      'retentionCutoff',
      'rolesAllowed',
      'searchWords',
      'startOfMinute',
      'templateMilestoneProblems',
      'templateMilestonesFrom',
      'templateMismatch',
      'territoryRequired',
      'toOmocode',
      'todayIso',
      'transitionPermission',
      'validateFiscalCode',
      'yearsText',
    ]);
  });

  it('exports the vocabularies of DOMAIN.md and API.md', () => {
    expect(shared).toMatchObject({
      TERRITORY_CODES: ['CREMA', 'CREMONA', 'CASALMAGGIORE'],
      ROLES_NEEDING_TERRITORY: ['SOCIAL_WORKER', 'COMMUNITY_MAKER'],
      AUDIT_ACTIONS: expect.arrayContaining(['create', 'role_change', 'hand_over', 'login_failed']),
      ROLES: ['ADMIN', 'MANAGER', 'SOCIAL_WORKER', 'COMMUNITY_MAKER'],
      EMPLOYMENT_STATUSES: ['EMPLOYED', 'UNEMPLOYED', 'STUDENT', 'RETIRED', 'INACTIVE'],
      SEXES: ['F', 'M'],
      PACT_TYPES: ['INCLUSION', 'AUTONOMY'],
      OPEN_PACT_STATUSES: ['DRAFT', 'SUBMITTED', 'ACTIVE', 'SUSPENDED'],
      MILESTONE_STATUSES: ['PENDING', 'ACHIEVED', 'MISSED', 'CANCELLED'],
      NOTE_KINDS: ['MEETING', 'CALL', 'HOME_VISIT', 'NOTE'],
      AUTONOMY_OUTCOMES: ['EMPLOYED', 'TRAINING', 'INTERNSHIP', 'PARTIAL'],
      INCLUSION_OUTCOMES: ['AUTONOMY_REGAINED', 'IMPROVED', 'REFERRED_TO_SERVICES', 'PARTIAL'],
      TERMINATION_CODES: ['DROPPED_OUT', 'MOVED_AWAY', 'NO_LONGER_ELIGIBLE', 'OTHER'],
      RESOURCES: [
        'territories',
        'users',
        'beneficiaries',
        'households',
        'pacts',
        'milestones',
        'notes',
        'assignments',
        'community-labs',
        'civic-centers',
        'audit-events',
        'pact-templates',
      ],
      PROJECT_TIME_ZONE: 'Europe/Rome',
      FISCAL_CODE_LENGTH: 16,
      ERASED_PERSONAL_DATA: 'dato cancellato',
      AUTONOMY_MIN_AGE: 19,
      AUTONOMY_MAX_AGE: 39,
      DEFAULT_ISEE_THRESHOLD_EUR: 9360,
      RULE_SET_VERSION: expect.stringMatching(/^\d{4}\.\d+$/),
    });
  });

  it('imports nothing but its own modules (it is bundled into the browser admin)', () => {
    const sources = readdirSync(__dirname).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'),
    );
    const imports = sources.flatMap((file) =>
      [...readFileSync(join(__dirname, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]),
    );
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((source) => !source.startsWith('./'))).toEqual([]);
  });
});
