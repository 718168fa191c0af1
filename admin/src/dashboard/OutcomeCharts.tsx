import { Grid } from '@mui/material';
import type { OutcomesRow } from '../providers/reports';
import type { RowName } from './chartData';
import { CompletionRateChart } from './CompletionRateChart';
import { MedianDurationChart } from './MedianDurationChart';
import { OutcomeBreakdownChart } from './OutcomeBreakdownChart';
import { PactsByStatusChart } from './PactsByStatusChart';

/** The manager's four charts. This module (and recharts with it) is loaded lazily. */
const OutcomeCharts = ({ rows, name }: { rows: OutcomesRow[]; name: RowName }) => (
  <Grid container spacing={3}>
    <Grid size={{ xs: 12, lg: 6 }}>
      <PactsByStatusChart rows={rows} name={name} />
    </Grid>
    <Grid size={{ xs: 12, lg: 6 }}>
      <CompletionRateChart rows={rows} name={name} />
    </Grid>
    <Grid size={{ xs: 12, lg: 6 }}>
      <OutcomeBreakdownChart rows={rows} name={name} />
    </Grid>
    <Grid size={{ xs: 12, lg: 6 }}>
      <MedianDurationChart rows={rows} name={name} />
    </Grid>
  </Grid>
);

export default OutcomeCharts;
