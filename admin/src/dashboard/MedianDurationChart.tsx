import { useTranslate } from 'react-admin';
import type { OutcomesRow } from '../providers/reports';
import { BarChartFigure } from './ChartFigure';
import { medianDurations, type RowName } from './chartData';

/** Median duration of closed pacts, in days, for each territory and type. */
export const MedianDurationChart = ({ rows, name }: { rows: OutcomesRow[]; name: RowName }) => {
  const translate = useTranslate();
  const days = (value: unknown) =>
    value === null || value === undefined
      ? '—'
      : translate('app.reports.days', { smart_count: Number(value) });
  return (
    <BarChartFigure
      title={translate('app.reports.median_duration')}
      data={medianDurations(rows, name)}
      series={[
        {
          key: 'days',
          label: translate('app.reports.median_days'),
          format: days,
          colour: '#0d47a1',
        },
      ]}
      valueLabels
      tooltipFormat={days}
    />
  );
};
