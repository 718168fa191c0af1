import { useTranslate } from 'react-admin';
import type { OutcomesRow } from '../providers/reports';
import { BarChartFigure } from './ChartFigure';
import { breakdownSeries, outcomeBreakdown, type RowName } from './chartData';

/** Completions in cool colours, terminations in warm ones; all ≥ 3:1 on white (WCAG, graphics). */
const OUTCOME_COLOURS = [
  '#1565c0',
  '#2e7d32',
  '#6a1b9a',
  '#00695c',
  '#283593',
  '#4e342e',
  '#37474f',
];
const TERMINATION_COLOURS = ['#c62828', '#ad1457', '#bf360c', '#6d4c41'];

/** How closed pacts ended, for each territory and type: outcome or termination code. */
export const OutcomeBreakdownChart = ({ rows, name }: { rows: OutcomesRow[]; name: RowName }) => {
  const translate = useTranslate();
  const series = breakdownSeries(rows);
  const label = (s: (typeof series)[number]) =>
    s.kind === 'outcome'
      ? translate(`enums.outcome.${s.code}`)
      : translate('app.reports.terminated', { code: translate(`enums.terminationCode.${s.code}`) });
  let outcomes = 0;
  let terminations = 0;
  const colour = (s: (typeof series)[number]) =>
    s.kind === 'outcome'
      ? OUTCOME_COLOURS[outcomes++ % OUTCOME_COLOURS.length]
      : TERMINATION_COLOURS[terminations++ % TERMINATION_COLOURS.length];
  return (
    <BarChartFigure
      title={translate('app.reports.outcomes')}
      data={outcomeBreakdown(rows, name)}
      stacked
      series={series.map((s) => ({
        key: s.key,
        label: label(s),
        colour: colour(s),
        format: (v) => String(v ?? 0),
      }))}
    />
  );
};
