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
import { medianDurations, type RowName } from './chartData';

/** Median duration of closed pacts, in days, for each territory and type. */
export const MedianDurationChart = ({ rows, name }: { rows: OutcomesRow[]; name: RowName }) => {
  const translate = useTranslate();
  const data = medianDurations(rows, name);
  const days = (value: unknown) =>
    value === null || value === undefined
      ? '—'
      : translate('app.reports.days', { smart_count: Number(value) });
  return (
    <ChartFigure
      title={translate('app.reports.median_duration')}
      data={data}
      columns={[{ key: 'days', label: translate('app.reports.median_days'), format: days }]}
    >
      <ResponsiveContainer>
        <BarChart
          data={data}
          accessibilityLayer={false}
          margin={{ top: 24, right: 8, left: 0, bottom: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" tick={<TwoLineTick />} interval={0} height={40} />
          <YAxis allowDecimals={false} />
          <Tooltip itemStyle={tooltipItemStyle} formatter={(value) => days(value)} />
          <Bar
            isAnimationActive={false}
            dataKey="days"
            name={translate('app.reports.median_days')}
            fill="#0d47a1"
          >
            <LabelList dataKey="days" position="top" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
};
