import type { PactStatus } from '@generattivi/shared';
import { useTranslate } from 'react-admin';
import type { OutcomesRow } from '../providers/reports';
import { BarChartFigure } from './ChartFigure';
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
  return (
    <BarChartFigure
      title={translate('app.reports.by_status')}
      data={pactsByStatus(rows, name)}
      stacked
      series={statusesPresent(rows).map((s) => ({
        key: s,
        label: translate(`enums.pactStatus.${s}`),
        colour: FILL[s],
      }))}
    />
  );
};
