import { todayIso, type Milestone, type Pact } from '@generattivi/shared';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import {
  Alert,
  Box,
  Card,
  CardActions,
  CardContent,
  Chip,
  List,
  ListItem,
  Stack,
  Typography,
} from '@mui/material';
import {
  Link,
  RecordContextProvider,
  ReferenceField,
  useCreatePath,
  useTranslate,
} from 'react-admin';
import { formatDate } from '../common/format';
import { AchieveMilestoneButton } from '../milestones/AchieveMilestoneButton';
import { AddNoteButton } from '../notes/AddNoteButton';
import { PactProgress } from '../pacts/PactProgress';
import { StatusChip } from '../pacts/StatusChip';
import { daysSinceNote, isQuiet } from './pactSignals';
import { PactLink } from './PactLink';

/** Pending milestones shown on a card; the others are on the pact page. */
const SHOWN = 3;

/**
 * One pact the community maker follows: who it is for, progress, whether the diary has
 * gone quiet, the pending milestones (overdue first) with "Segna raggiunta", and
 * "Aggiungi nota". Large targets: it is used on a phone, in the field.
 */
export const MyPactCard = ({ pact, milestones }: { pact: Pact; milestones: Milestone[] }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const today = todayIso();
  const lastNoteAt = pact.lastNoteAt;
  const stale = isQuiet(pact);
  const days = daysSinceNote(lastNoteAt, today);
  return (
    <RecordContextProvider value={pact}>
      <Card
        component="article"
        variant="outlined"
        aria-labelledby={`pact-${pact.id}-title`}
        sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}
        data-pact={pact.reference}
      >
        <CardContent sx={{ flexGrow: 1 }}>
          <Stack
            direction="row"
            spacing={1}
            useFlexGap
            sx={{ alignItems: 'center', flexWrap: 'wrap' }}
          >
            <Typography variant="subtitle1" component="h3" id={`pact-${pact.id}-title`}>
              <PactLink id={pact.id} reference={pact.reference} />
            </Typography>
            <StatusChip status={pact.status} />
          </Stack>
          <Typography sx={{ mt: 0.5 }}>{pact.title}</Typography>
          <Typography variant="body2" color="text.secondary" component="div">
            {pact.type === 'AUTONOMY' ? (
              <ReferenceField source="beneficiaryId" reference="beneficiaries" link={false} />
            ) : (
              <ReferenceField source="householdId" reference="households" link={false} />
            )}
            {pact.plannedEndDate
              ? ` · ${translate('app.dashboard.ends_on', { date: formatDate(pact.plannedEndDate) })}`
              : null}
          </Typography>
          <Box sx={{ my: 1.5 }}>
            <PactProgress value={pact.progress} />
          </Box>
          {stale ? (
            <Alert severity="warning" icon={<WarningAmberIcon />} sx={{ mb: 1 }} data-stale="true">
              {days === null
                ? translate('app.dashboard.never_noted')
                : translate('app.dashboard.no_recent_note', { smart_count: days })}
            </Alert>
          ) : null}
          <Typography variant="body2" component="h4" sx={{ fontWeight: 600, mt: 1 }}>
            {translate('app.dashboard.next_milestones')}
          </Typography>
          {milestones.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {translate('app.dashboard.no_pending_milestones')}
            </Typography>
          ) : (
            <List disablePadding>
              {milestones.slice(0, SHOWN).map((m) => (
                <ListItem key={m.id} disableGutters divider sx={{ display: 'block', py: 1 }}>
                  <Typography sx={{ fontWeight: 500 }}>{m.title}</Typography>
                  <Stack
                    direction="row"
                    spacing={1}
                    useFlexGap
                    sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}
                  >
                    <Typography variant="body2">
                      {translate('app.milestones.due_on', { date: formatDate(m.dueDate) })}
                    </Typography>
                    {m.overdue ? (
                      <Chip
                        size="small"
                        label={translate('app.milestones.overdue')}
                        sx={{ bgcolor: '#bf360c', color: '#fff' }}
                      />
                    ) : null}
                  </Stack>
                  <AchieveMilestoneButton
                    milestone={m}
                    variant={m.overdue ? 'contained' : 'outlined'}
                  />
                </ListItem>
              ))}
            </List>
          )}
          {milestones.length > SHOWN ? (
            <Link
              to={`${createPath({ resource: 'pacts', id: pact.id, type: 'show' })}/milestones`}
              sx={{ display: 'inline-block', mt: 1 }}
            >
              {translate('app.dashboard.all_milestones', { smart_count: milestones.length })}
            </Link>
          ) : null}
        </CardContent>
        <CardActions sx={{ px: 2, pb: 2 }}>
          <AddNoteButton pact={pact} />
        </CardActions>
      </Card>
    </RecordContextProvider>
  );
};
