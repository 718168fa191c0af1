import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTranslate } from 'react-admin';
import type { OutcomesRow } from '../providers/reports';
import { ChartFigure, tooltipItemStyle, TwoLineTick } from './ChartFigure';
import { completionRates, type RowName } from './chartData';

const percent = (value: unknown) =>
  value === null || value === undefined ? '—' : `${String(value)}%`;

/** Completed over closed pacts, for each territory and type. */
export const CompletionRateChart = ({ rows, name }: { rows: OutcomesRow[]; name: RowName }) => {
  const translate = useTranslate();
  const data = completionRates(rows, name);
  return (
    <ChartFigure
      title={translate('app.reports.completion_rate')}
      data={data}
      columns={[
        { key: 'rate', label: translate('app.reports.rate'), format: percent },
        { key: 'completed', label: translate('app.reports.completed') },
        { key: 'closed', label: translate('app.reports.closed') },
      ]}
    >
      <ResponsiveContainer>
        <BarChart
          data={data}
          accessibilityLayer={false}
          margin={{ top: 24, right: 8, left: 0, bottom: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" tick={<TwoLineTick />} interval={0} height={40} />
          <YAxis domain={[0, 100]} unit="%" />
          <Tooltip itemStyle={tooltipItemStyle} formatter={(value) => percent(value)} />
          <Bar
            isAnimationActive={false}
            dataKey="rate"
            name={translate('app.reports.rate')}
            fill="#1b5e20"
          >
            <LabelList dataKey="rate" position="top" formatter={percent} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
};
