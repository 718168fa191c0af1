import { useTranslate } from 'react-admin';
import type { OutcomesRow } from '../providers/reports';
import { BarChartFigure } from './ChartFigure';
import { completionRates, type RowName } from './chartData';

const percent = (value: unknown) =>
  value === null || value === undefined ? '—' : `${String(value)}%`;

/** Completed over closed pacts, for each territory and type. */
export const CompletionRateChart = ({ rows, name }: { rows: OutcomesRow[]; name: RowName }) => {
  const translate = useTranslate();
  return (
    <BarChartFigure
      title={translate('app.reports.completion_rate')}
      data={completionRates(rows, name)}
      series={[
        { key: 'rate', label: translate('app.reports.rate'), format: percent, colour: '#1b5e20' },
      ]}
      extraColumns={[
        { key: 'completed', label: translate('app.reports.completed') },
        { key: 'closed', label: translate('app.reports.closed') },
      ]}
      valueLabels={percent}
      tooltipFormat={percent}
      yAxis={{ domain: [0, 100], unit: '%' }}
    />
  );
};
