import {
  OUTCOMES_BY_TYPE,
  PACT_OUTCOME_LABELS,
  PACT_STATUS_LABELS,
  PACT_STATUSES,
  PACT_TYPE_LABELS,
  TERMINATION_CODE_LABELS,
  TERMINATION_CODES,
  OPEN_PACT_STATUSES,
} from '@generattivi/shared';
import type { CaseloadTable } from './reports.dto';
import { italianCsv } from '../common/italian-csv';
import type { CaseloadRow, OutcomeRow } from './reports.service';

/** A share 0..1 as a percentage with one decimal (66,7); empty when there is none. */
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/**
 * The outcomes table as CSV for Excel in Italian: one line per ambito × type, one column per
 * figure, Italian headers and names.
 */
export function outcomesCsv(rows: OutcomeRow[], territoryName: (id: number) => string): string {
  const outcomes = [...new Set([...OUTCOMES_BY_TYPE.AUTONOMY, ...OUTCOMES_BY_TYPE.INCLUSION])];
  const header = [
    'Ambito',
    'Tipo di patto',
    'Patti',
    ...PACT_STATUSES.map((s) => PACT_STATUS_LABELS[s].it),
    'Chiusi',
    'Conclusi',
    'Tasso di conclusione (%)',
    ...outcomes.map((o) => `Esito: ${PACT_OUTCOME_LABELS[o].it}`),
    ...TERMINATION_CODES.map((c) => `Interruzione: ${TERMINATION_CODE_LABELS[c].it}`),
    'Durata mediana (giorni)',
    'Tappe scadute',
    'Tappe raggiunte in tempo',
    'Tappe in tempo (%)',
  ];
  const lines = rows.map((r) => [
    territoryName(r.territoryId),
    PACT_TYPE_LABELS[r.type].it,
    r.total,
    ...PACT_STATUSES.map((s) => r.byStatus[s]),
    r.closed,
    r.completed,
    percent(r.completionRate),
    ...outcomes.map((o) => r.outcomes[o] ?? null),
    ...TERMINATION_CODES.map((c) => r.terminations[c] ?? 0),
    r.medianDurationDays,
    r.milestonesDue,
    r.milestonesAchievedOnTime,
    percent(r.onTimeRate),
  ]);
  return italianCsv(header, lines);
}

/**
 * The caseload as CSV for Excel in Italian: one line per person, social workers first, or
 * one of the two tables alone.
 */
export function caseloadCsv(
  report: { socialWorkers: CaseloadRow[]; communityMakers: CaseloadRow[] },
  table?: CaseloadTable,
): string {
  const header = [
    'Ruolo',
    'Nome',
    ...OPEN_PACT_STATUSES.map((s) => `Patti: ${PACT_STATUS_LABELS[s].it}`),
    'Da approvare',
    'Tappe in ritardo',
    'Senza note da 30 giorni',
    'In scadenza entro 30 giorni',
  ];
  const line = (role: string) => (r: CaseloadRow) => [
    role,
    r.fullName,
    ...OPEN_PACT_STATUSES.map((s) => r.openByStatus[s] ?? 0),
    r.awaitingApproval,
    r.overdueMilestones,
    r.withoutRecentNote,
    r.endingWithin30Days,
  ];
  return italianCsv(header, [
    ...(table === 'communityMakers' ? [] : report.socialWorkers.map(line('Assistente sociale'))),
    ...(table === 'socialWorkers' ? [] : report.communityMakers.map(line('Community maker'))),
  ]);
}
