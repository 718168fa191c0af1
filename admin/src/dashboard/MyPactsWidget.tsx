import type { Milestone, Pact } from '@generattivi/shared';
import { Grid, Typography } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { HomeCard } from './HomeCard';
import { MyPactCard } from './MyPactCard';
import { isQuiet } from './pactSignals';

/** Pacts with an overdue milestone first, then those whose diary is quiet, then by end date. */
function urgency(pact: Pact, milestones: Milestone[], now: Date): number {
  if (milestones.some((m) => m.overdue)) return 0;
  if (isQuiet(pact, now)) return 1;
  return 2;
}

/**
 * "I miei patti": the ACTIVE and SUSPENDED pacts the server says the community maker
 * follows, each with its pending milestones (one request for all of them).
 */
export const MyPactsWidget = () => {
  const translate = useTranslate();
  const now = new Date();
  const {
    data: pacts = [],
    total,
    isPending,
    error,
  } = useGetList<Pact>('pacts', {
    filter: { status: ['ACTIVE', 'SUSPENDED'] },
    sort: { field: 'plannedEndDate', order: 'ASC' },
    pagination: { page: 1, perPage: 100 },
  });
  const { data: pending = [] } = useGetList<Milestone>(
    'milestones',
    {
      filter: { pactId: pacts.map((p) => p.id), status: 'PENDING' },
      sort: { field: 'dueDate', order: 'ASC' },
      pagination: { page: 1, perPage: 1000 },
    },
    { enabled: pacts.length > 0 },
  );
  const milestonesOf = (pact: Pact) => pending.filter((m) => m.pactId === pact.id);
  const ordered = [...pacts].sort(
    (a, b) => urgency(a, milestonesOf(a), now) - urgency(b, milestonesOf(b), now),
  );
  return (
    <HomeCard
      title={translate('app.dashboard.my_pacts_title')}
      count={total}
      loading={isPending}
      error={error}
      empty={pacts.length === 0 && translate('app.dashboard.my_pacts_none')}
    >
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('app.dashboard.my_pacts_intro')}
      </Typography>
      <Grid container spacing={2}>
        {ordered.map((pact) => (
          <Grid key={pact.id} size={{ xs: 12, md: 6, xl: 4 }}>
            <MyPactCard pact={pact} milestones={milestonesOf(pact)} />
          </Grid>
        ))}
      </Grid>
    </HomeCard>
  );
};
