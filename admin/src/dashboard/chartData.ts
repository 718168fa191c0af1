import { PACT_STATUSES, type PactStatus } from '@generattivi/shared';
import type { OutcomesRow } from '../providers/reports';

/** One bar group of a chart: a territory × type row of the outcomes report. */
export interface ChartRow {
  /** "Crema · Autonomia". */
  name: string;
  [series: string]: string | number | null;
}

export type RowName = (row: OutcomesRow) => string;

/** Pacts by status for each territory × type: one series per status the report has. */
export function pactsByStatus(rows: readonly OutcomesRow[], name: RowName): ChartRow[] {
  return rows.map((row) => {
    const chartRow: ChartRow = { name: name(row) };
    for (const status of PACT_STATUSES) chartRow[status] = row.byStatus[status] ?? 0;
    return chartRow;
  });
}

/** The statuses that appear at least once (the others would only add empty legend entries). */
export function statusesPresent(rows: readonly OutcomesRow[]): PactStatus[] {
  return PACT_STATUSES.filter((s) => rows.some((r) => (r.byStatus[s] ?? 0) > 0));
}

/** Completion rate (completed over closed) as a whole percentage, null while nothing is closed. */
export function completionRates(rows: readonly OutcomesRow[], name: RowName): ChartRow[] {
  return rows.map((row) => ({
    name: name(row),
    rate: row.completionRate === null ? null : Math.round(row.completionRate * 100),
    completed: row.completed,
    closed: row.closed,
  }));
}

/** A series of the outcome breakdown: an outcome of completion or a termination code. */
export interface BreakdownSeries {
  key: string;
  kind: 'outcome' | 'termination';
  code: string;
}

const seriesKey = (kind: BreakdownSeries['kind'], code: string) =>
  kind === 'outcome' ? code : `TERMINATED_${code}`;

/** How closed pacts ended: the outcomes of the completed ones, the codes of the terminated. */
export function outcomeBreakdown(rows: readonly OutcomesRow[], name: RowName): ChartRow[] {
  return rows.map((row) => {
    const chartRow: ChartRow = { name: name(row) };
    for (const [code, count] of Object.entries(row.outcomes)) {
      chartRow[seriesKey('outcome', code)] = count ?? 0;
    }
    for (const [code, count] of Object.entries(row.terminations ?? {})) {
      chartRow[seriesKey('termination', code)] = count ?? 0;
    }
    return chartRow;
  });
}

/** The series that appear in the report: outcomes first, then termination codes. */
export function breakdownSeries(rows: readonly OutcomesRow[]): BreakdownSeries[] {
  const present = (kind: BreakdownSeries['kind'], pick: (r: OutcomesRow) => object | undefined) => {
    const codes = new Set<string>();
    for (const row of rows) {
      for (const [code, count] of Object.entries(pick(row) ?? {})) {
        if (((count as number | undefined) ?? 0) > 0) codes.add(code);
      }
    }
    return [...codes].sort().map((code) => ({ key: seriesKey(kind, code), kind, code }));
  };
  return [
    ...present('outcome', (r) => r.outcomes),
    ...present('termination', (r) => r.terminations),
  ];
}

/** Median duration of closed pacts, in days. */
export function medianDurations(rows: readonly OutcomesRow[], name: RowName): ChartRow[] {
  return rows.map((row) => ({
    name: name(row),
    days: row.medianDurationDays === null ? null : Math.round(row.medianDurationDays),
  }));
}
