import {
  daysBetween,
  isAllowed,
  todayIso,
  type Milestone,
  type Pact,
  type Role,
} from '@generattivi/shared';
import { Box, List, ListItem, Stack, Typography } from '@mui/material';
import { useGetList, useGetMany, usePermissions, useTranslate } from 'react-admin';
import { formatDate } from '../common/format';
import { AchieveMilestoneButton } from '../milestones/AchieveMilestoneButton';
import { HomeCard, MoreCount } from './HomeCard';
import { PactLink } from './PactLink';

const SHOWN = 10;

/**
 * Milestones still pending after their due date, the oldest first (`overdue: true`, counted
 * by the server), each with "Segna raggiunta" for those who may record it.
 */
export const OverdueMilestonesWidget = () => {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<Role | undefined>();
  const today = todayIso();
  const {
    data = [],
    total,
    isPending,
    error,
  } = useGetList<Milestone>('milestones', {
    filter: { overdue: true },
    sort: { field: 'dueDate', order: 'ASC' },
    pagination: { page: 1, perPage: SHOWN },
  });
  const { data: pacts = [] } = useGetMany<Pact>(
    'pacts',
    { ids: [...new Set(data.map((m) => m.pactId))] },
    { enabled: data.length > 0 },
  );
  const canAchieve = !!role && isAllowed(role, 'milestones', 'edit');
  return (
    <HomeCard
      title={translate('app.dashboard.overdue_title')}
      count={total}
      loading={isPending}
      error={error}
      empty={data.length === 0 && translate('app.dashboard.overdue_none')}
    >
      <List disablePadding>
        {data.map((milestone) => {
          const pact = pacts.find((p) => p.id === milestone.pactId);
          return (
            <ListItem key={milestone.id} disableGutters divider sx={{ display: 'block', py: 1.5 }}>
              <Stack
                direction={{ xs: 'column', sm: 'row' }}
                spacing={1}
                useFlexGap
                sx={{ alignItems: { sm: 'center' } }}
              >
                <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                  <Typography sx={{ fontWeight: 600 }}>{milestone.title}</Typography>
                  <Typography variant="body2">
                    {pact ? <PactLink id={pact.id} reference={pact.reference} /> : null}
                    {pact ? ' · ' : null}
                    {translate('app.dashboard.overdue_since', {
                      date: formatDate(milestone.dueDate),
                      smart_count: daysBetween(milestone.dueDate, today),
                    })}
                  </Typography>
                </Box>
                {canAchieve ? <AchieveMilestoneButton milestone={milestone} /> : null}
              </Stack>
            </ListItem>
          );
        })}
      </List>
      <MoreCount total={total} shown={SHOWN} />
    </HomeCard>
  );
};
