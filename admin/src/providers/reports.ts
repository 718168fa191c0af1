import type {
  AlertKind,
  PactOutcome,
  PactStatus,
  PactType,
  TerminationCode,
} from '@generattivi/shared';

/**
 * The server's report and alert endpoints (the contract fixed by the lead): aggregates are
 * computed by the server, the admin only shows them.
 */

export type ReportName = 'outcomes' | 'caseload';

/** Query parameters of `GET /api/reports/*`. */
export interface ReportQuery {
  territoryId?: number | null;
  type?: PactType | null;
  /** `YYYY-MM-DD`. */
  from?: string | null;
  /** `YYYY-MM-DD`. */
  to?: string | null;
}

/** The two tables of the caseload report, each downloadable alone. */
export type CaseloadTable = 'socialWorkers' | 'communityMakers';

/** One territory × type row of `GET /api/reports/outcomes`. */
export interface OutcomesRow {
  territoryId: number;
  type: PactType;
  total: number;
  byStatus: Partial<Record<PactStatus, number>>;
  closed: number;
  completed: number;
  /** 0..1, null when nothing is closed yet. */
  completionRate: number | null;
  outcomes: Partial<Record<PactOutcome, number>>;
  /** Terminated pacts by termination code (when the server gives them). */
  terminations?: Partial<Record<TerminationCode, number>>;
  medianDurationDays: number | null;
  milestonesDue: number;
  milestonesAchievedOnTime: number;
  /** 0..1, null when no milestone was due. */
  onTimeRate: number | null;
}

export interface OutcomesReport {
  rows: OutcomesRow[];
  generatedAt: string;
}

/** One person's load in `GET /api/reports/caseload`. */
export interface CaseloadRow {
  userId: number;
  fullName: string;
  openByStatus: Partial<Record<PactStatus, number>>;
  awaitingApproval: number;
  overdueMilestones: number;
  withoutRecentNote: number;
  endingWithin30Days: number;
}

export interface CaseloadReport {
  socialWorkers: CaseloadRow[];
  communityMakers: CaseloadRow[];
  generatedAt: string;
}

/** One item of `GET /api/alerts`: id `<kind>-<pactId>[-<milestoneId>]`. */
export interface PactAlert {
  id: string;
  pactId: number;
  reference: string;
  territoryId: number;
  kind: AlertKind;
  /** `YYYY-MM-DD`. */
  since: string;
  milestoneId?: number;
}
