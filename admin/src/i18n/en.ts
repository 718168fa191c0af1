import { PACT_TYPE_LABELS } from '@generattivi/shared';
import englishMessages from 'ra-language-english';
import type { AppMessages } from './it';

const record = {
  id: 'ID',
  createdAt: 'Created',
  updatedAt: 'Updated',
  version: 'Version',
};

const appMessages: AppMessages = {
  resources: {
    territories: {
      name: 'District |||| Districts',
      fields: { ...record, code: 'Code', name: 'Name', municipalities: 'Municipalities' },
    },
    users: {
      name: 'User |||| Users',
      fields: {
        ...record,
        email: 'Email',
        fullName: 'Full name',
        role: 'Role',
        territoryIds: 'Districts',
        active: 'Active',
        password: 'Password',
      },
    },
    beneficiaries: {
      name: 'Beneficiary |||| Beneficiaries',
      fields: {
        ...record,
        firstName: 'First name',
        lastName: 'Last name',
        fiscalCode: 'Fiscal code',
        birthDate: 'Birth date',
        sex: 'Sex',
        territoryId: 'District',
        municipality: 'Municipality of residence',
        address: 'Address',
        phone: 'Phone',
        email: 'Email',
        employmentStatus: 'Employment status',
        householdId: 'Household',
      },
    },
    households: {
      name: 'Household |||| Households',
      fields: {
        ...record,
        name: 'Name',
        territoryId: 'District',
        municipality: 'Municipality',
        membersCount: 'Members',
        iseeEur: 'ISEE (€)',
        vulnerable: 'Assessed as vulnerable',
        vulnerabilityReason: 'Vulnerability reason',
        assessedById: 'Assessed by',
        assessedAt: 'Assessed on',
      },
    },
    pacts: {
      name: 'Pact |||| Pacts',
      fields: {
        ...record,
        type: 'Type',
        reference: 'Reference',
        status: 'Status',
        territoryId: 'District',
        beneficiaryId: 'Beneficiary',
        householdId: 'Household',
        socialWorkerId: 'Social worker',
        communityMakerId: 'Community maker',
        communityLabId: 'Community laboratory',
        title: 'Title',
        objectives: 'Objectives',
        citizenCommitments: "Citizen's commitments",
        communityCommitments: "Community's commitments",
        startDate: 'Start date',
        plannedEndDate: 'Planned end date',
        closedAt: 'Closed on',
        outcome: 'Outcome',
        closingNote: 'Closing note',
        progress: 'Progress',
        eligibility: 'Eligibility',
      },
    },
    milestones: {
      name: 'Milestone |||| Milestones',
      fields: {
        ...record,
        pactId: 'Pact',
        title: 'Title',
        description: 'Description',
        dueDate: 'Due date',
        status: 'Status',
        achievedAt: 'Achieved on',
        evidence: 'Evidence',
        overdue: 'Overdue',
      },
    },
    notes: {
      name: 'Diary note |||| Diary',
      fields: {
        ...record,
        pactId: 'Pact',
        authorId: 'Author',
        kind: 'Kind',
        occurredAt: 'Occurred at',
        body: 'Text',
      },
    },
    assignments: {
      name: 'Assignment |||| Assignments',
      fields: {
        ...record,
        pactId: 'Pact',
        communityMakerId: 'Community maker',
        assignedById: 'Assigned by',
        startedAt: 'From',
        endedAt: 'To',
        reason: 'Reason',
      },
    },
    'community-labs': {
      name: 'Community laboratory |||| Community laboratories',
      fields: {
        ...record,
        name: 'Name',
        territoryId: 'District',
        description: 'Description',
        communityMakerIds: 'Community makers',
      },
    },
    'civic-centers': {
      name: 'Civic Center |||| Civic Centers',
      fields: {
        ...record,
        name: 'Name',
        territoryId: 'District',
        description: 'Description',
        childrenReached: 'Children reached',
        adultsReached: 'Adults reached',
      },
    },
    'audit-events': {
      name: 'Audit event |||| Audit trail',
      fields: {
        id: 'ID',
        at: 'When',
        actorId: 'Who',
        action: 'Action',
        entityType: 'Record type',
        entityId: 'Record ID',
        changes: 'Changes',
        hash: 'Hash',
        prevHash: 'Previous hash',
      },
    },
  },
  app: {
    title: 'GenerAttivi',
    subtitle: 'Patti GenerAttivi, Fare Legami project',
    dashboard: {
      welcome: 'Welcome, %{name}',
      role: 'Signed in as %{role}',
    },
    filters: {
      from: 'From',
      to: 'To',
    },
    pacts: {
      eligible: 'Eligible',
      rule_set_version: 'Rule set version',
      evaluated_at: 'Evaluated at',
      reference_date: 'Ages computed on',
      rule: 'Rule',
      passed: 'Passed',
      message: 'Result',
      add_milestone: 'Add milestone',
      add_note: 'Add note',
    },
    audit: {
      chain_title: 'Audit trail integrity',
      chain_checking: 'Checking the chain…',
      chain_valid:
        'Chain intact: %{smart_count} event checked |||| Chain intact: %{smart_count} events checked',
      chain_invalid: 'Chain broken: the first invalid event is #%{id} (%{checked} events checked).',
      chain_error: 'Could not verify the chain: %{message}',
      verify_again: 'Verify again',
      field: 'Field',
      before: 'Before',
      after: 'After',
    },
    errors: {
      version_conflict:
        'Version conflict: someone else changed this record after you opened it. Reload the page to see the current version, then make your change again.',
      conflict:
        "The operation conflicts with the record's current state (%{detail}). Reload the page to see the current data and try again.",
    },
  },
  enums: {
    territory: { CREMA: 'Crema', CREMONA: 'Cremona', CASALMAGGIORE: 'Casalmaggiore' },
    role: {
      ADMIN: 'Administrator',
      MANAGER: 'Manager',
      SOCIAL_WORKER: 'Social worker',
      COMMUNITY_MAKER: 'Community maker',
    },
    employmentStatus: {
      EMPLOYED: 'Employed',
      UNEMPLOYED: 'Unemployed',
      STUDENT: 'Student',
      RETIRED: 'Retired',
      INACTIVE: 'Inactive',
    },
    sex: { F: 'Female', M: 'Male' },
    pactType: {
      INCLUSION: PACT_TYPE_LABELS.INCLUSION.en,
      AUTONOMY: PACT_TYPE_LABELS.AUTONOMY.en,
    },
    pactStatus: {
      DRAFT: 'Draft',
      SUBMITTED: 'Submitted',
      ACTIVE: 'Active',
      SUSPENDED: 'Suspended',
      COMPLETED: 'Completed',
      TERMINATED: 'Terminated',
      CANCELLED: 'Cancelled',
    },
    milestoneStatus: {
      PENDING: 'Pending',
      ACHIEVED: 'Achieved',
      MISSED: 'Missed',
      CANCELLED: 'Cancelled',
    },
    noteKind: { MEETING: 'Meeting', CALL: 'Call', HOME_VISIT: 'Home visit', NOTE: 'Note' },
    outcome: {
      EMPLOYED: 'Employed',
      TRAINING: 'Training',
      INTERNSHIP: 'Internship',
      PARTIAL: 'Partially achieved',
      AUTONOMY_REGAINED: 'Autonomy regained',
      IMPROVED: 'Improved',
      REFERRED_TO_SERVICES: 'Referred to services',
    },
    terminationCode: {
      DROPPED_OUT: 'Dropped out',
      MOVED_AWAY: 'Moved away',
      NO_LONGER_ELIGIBLE: 'No longer eligible',
      OTHER: 'Other',
    },
  },
};

const englishAppMessages = { ...englishMessages, ...appMessages };

export default englishAppMessages;
