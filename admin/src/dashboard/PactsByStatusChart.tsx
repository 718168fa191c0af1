import type { PactStatus } from '@generattivi/shared';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTranslate } from 'react-admin';
import type { OutcomesRow } from '../providers/reports';
import { ChartFigure, legendText, tooltipItemStyle, TwoLineTick } from './ChartFigure';
import { pactsByStatus, statusesPresent, type RowName } from './chartData';

/** Series colours, ≥ 3:1 on white (WCAG, graphics), matching the status chips. */
const FILL: Record<PactStatus, string> = {
  DRAFT: '#8a8a8a',
  SUBMITTED: '#0d47a1',
  ACTIVE: '#1b5e20',
  SUSPENDED: '#e65100',
  COMPLETED: '#4a148c',
  TERMINATED: '#b71c1c',
  CANCELLED: '#424242',
};

/** Pacts by status, stacked, for each territory and type. */
export const PactsByStatusChart = ({ rows, name }: { rows: OutcomesRow[]; name: RowName }) => {
  const translate = useTranslate();
  const data = pactsByStatus(rows, name);
  const statuses = statusesPresent(rows);
  const label = (s: string) => translate(`enums.pactStatus.${s}`);
  return (
    <ChartFigure
      title={translate('app.reports.by_status')}
      data={data}
      columns={statuses.map((s) => ({ key: s, label: label(s) }))}
    >
      <ResponsiveContainer>
        <BarChart
          data={data}
          accessibilityLayer={false}
          margin={{ top: 8, right: 8, left: 0, bottom: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" tick={<TwoLineTick />} interval={0} height={40} />
          <YAxis allowDecimals={false} />
          <Tooltip itemStyle={tooltipItemStyle} />
          <Legend formatter={legendText} itemSorter={null} />
          {statuses.map((s) => (
            <Bar
              isAnimationActive={false}
              key={s}
              dataKey={s}
              name={label(s)}
              stackId="status"
              fill={FILL[s]}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
};
