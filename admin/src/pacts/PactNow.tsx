import type { Milestone, Pact, Role } from '@generattivi/shared';
import { Box, Card, CardContent, Chip, Divider, Stack, Typography } from '@mui/material';
import {
  ReferenceManyField,
  useListContext,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { formatDate } from '../common/format';
import { AchieveMilestoneButton } from '../milestones/AchieveMilestoneButton';
import { AddNoteButton } from '../notes/AddNoteButton';
import { Notes } from './DiaryList';
import { canAddNote, canWriteMilestones } from './pactPermissions';

/** How many of the next milestones and of the latest notes the top of the pact page shows. */
const SHOWN = 3;

const NextMilestones = ({ writable }: { writable: boolean }) => {
  const { data, isPending } = useListContext<Milestone>();
  const translate = useTranslate();
  if (isPending) return null;
  if (!data?.length) {
    return <Typography sx={{ my: 1 }}>{translate('app.pacts.no_next_milestones')}</Typography>;
  }
  return (
    <Stack
      component="ol"
      sx={{ p: 0, m: 0, listStyle: 'none' }}
      divider={<Divider component="li" aria-hidden />}
    >
      {data.map((milestone) => (
        <Box component="li" key={milestone.id} sx={{ py: 1.5 }} data-milestone={milestone.id}>
          <Typography variant="body2" color="text.secondary">
            {translate('app.milestones.due_on', { date: formatDate(milestone.dueDate) })}
          </Typography>
          <Typography component="h3" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
            {milestone.title}
          </Typography>
          {milestone.overdue ? (
            <Chip
              size="small"
              label={translate('app.milestones.overdue')}
              sx={{ bgcolor: '#bf360c', color: '#fff', my: 0.5 }}
            />
          ) : null}
          {writable ? (
            <Box sx={{ mt: 1 }}>
              <AchieveMilestoneButton milestone={milestone} size="medium" variant="outlined" />
            </Box>
          ) : null}
        </Box>
      ))}
    </Stack>
  );
};

/**
 * The top of an ACTIVE pact's page, what the people following it come for: its next
 * milestones (with "Segna raggiunta") and its latest notes (with "Aggiungi nota").
 */
export const PactNow = () => {
  const pact = useRecordContext<Pact>();
  const translate = useTranslate();
  const { permissions: role } = usePermissions<Role | undefined>();
  if (!pact || pact.status !== 'ACTIVE') return null;
  return (
    <Card component="section" aria-label={translate('app.pacts.now')} data-pact-now>
      <CardContent>
        <Typography id="pact-next-milestones" variant="h6" component="h2">
          {translate('app.pacts.next_milestones')}
        </Typography>
        <ReferenceManyField
          reference="milestones"
          target="pactId"
          filter={{ status: 'PENDING' }}
          sort={{ field: 'dueDate', order: 'ASC' }}
          perPage={SHOWN}
        >
          <NextMilestones writable={canWriteMilestones(role, pact.status)} />
        </ReferenceManyField>
        <Stack
          direction="row"
          spacing={1}
          useFlexGap
          sx={{ mt: 2, alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}
        >
          <Typography id="pact-latest-notes" variant="h6" component="h2">
            {translate('app.pacts.latest_notes')}
          </Typography>
          {canAddNote(role) ? <AddNoteButton pact={pact} size="medium" /> : null}
        </Stack>
        <ReferenceManyField
          reference="notes"
          target="pactId"
          sort={{ field: 'occurredAt', order: 'DESC' }}
          perPage={SHOWN}
        >
          <Notes />
        </ReferenceManyField>
      </CardContent>
    </Card>
  );
};
