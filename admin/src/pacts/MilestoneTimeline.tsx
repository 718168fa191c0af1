import {
  isPactClockRunning,
  type DocumentRecord,
  isPactClosed,
  type Milestone,
  type MilestoneStatus,
  type Pact,
  type Role,
} from '@generattivi/shared';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Alert, Box, Chip, Stack, Typography } from '@mui/material';
import {
  EditButton,
  Link,
  useCreatePath,
  useGetList,
  useListContext,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { formatDate } from '../common/format';
import { AchieveMilestoneButton } from '../milestones/AchieveMilestoneButton';
import { AddMilestoneButton } from '../milestones/AddMilestoneButton';
import { evidenceCounts } from '../milestones/evidence';
import { PactRecords } from './PactRecords';
import { canWriteMilestones } from './pactPermissions';

/** Dot colours of the timeline, readable against white (≥ 3:1 for graphics). */
const DOT: Record<MilestoneStatus, string> = {
  PENDING: '#1565c0',
  ACHIEVED: '#1b5e20',
  MISSED: '#b71c1c',
  CANCELLED: '#757575',
};
const OVERDUE = '#bf360c';

/** The EVIDENCE documents of the milestones shown, counted by milestone, in one request. */
const useEvidenceCounts = (milestones: readonly Milestone[] | undefined) => {
  const ids = (milestones ?? []).map((m) => m.id);
  const { data } = useGetList<DocumentRecord>(
    'documents',
    {
      filter: { ownerType: 'milestones', ownerId: ids, kind: 'EVIDENCE' },
      pagination: { page: 1, perPage: 1000 },
      sort: { field: 'id', order: 'ASC' },
    },
    { enabled: ids.length > 0 },
  );
  return evidenceCounts(data ?? []);
};

const TimelineItem = ({
  milestone,
  last,
  writable,
  evidence,
}: {
  milestone: Milestone;
  last: boolean;
  writable: boolean;
  /** How many evidence documents the milestone has. */
  evidence: number;
}) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const colour = milestone.overdue ? OVERDUE : DOT[milestone.status];
  return (
    <Box
      component="li"
      sx={{ display: 'flex', gap: 2, listStyle: 'none' }}
      data-milestone={milestone.id}
    >
      <Box
        sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', pt: 0.5 }}
        aria-hidden
      >
        <Box sx={{ width: 16, height: 16, borderRadius: '50%', bgcolor: colour, flexShrink: 0 }} />
        {last ? null : <Box sx={{ width: 2, flexGrow: 1, bgcolor: 'divider', my: 0.5 }} />}
      </Box>
      <Box sx={{ pb: 3, flexGrow: 1, minWidth: 0 }}>
        <Typography variant="body2" color="text.secondary">
          {translate('app.milestones.due_on', { date: formatDate(milestone.dueDate) })}
        </Typography>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {milestone.title}
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ my: 0.5, flexWrap: 'wrap' }}>
          <Chip
            size="small"
            variant="outlined"
            label={translate(`enums.milestoneStatus.${milestone.status}`)}
          />
          {milestone.overdue ? (
            <Chip
              size="small"
              label={translate('app.milestones.overdue')}
              sx={{ bgcolor: OVERDUE, color: '#fff' }}
            />
          ) : null}
          {milestone.achievedAt ? (
            <Typography variant="body2" component="span" sx={{ alignSelf: 'center' }}>
              {translate('app.milestones.achieved_on', { date: formatDate(milestone.achievedAt) })}
            </Typography>
          ) : null}
        </Stack>
        {milestone.description ? (
          <Typography variant="body2">{milestone.description}</Typography>
        ) : null}
        {milestone.evidence ? (
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            <strong>{translate('resources.milestones.fields.evidence')}:</strong>{' '}
            {milestone.evidence}
          </Typography>
        ) : null}
        {evidence > 0 ? (
          <Link
            to={createPath({ resource: 'milestones', id: milestone.id, type: 'show' })}
            variant="body2"
            sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mt: 0.5, minHeight: 44 }}
          >
            <AttachFileIcon fontSize="small" aria-hidden />
            {translate('app.evidence.count', { smart_count: evidence })}
          </Link>
        ) : null}
        {writable ? (
          <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap' }}>
            {milestone.status === 'PENDING' ? (
              <AchieveMilestoneButton milestone={milestone} size="medium" />
            ) : null}
            <EditButton resource="milestones" record={milestone} variant="text" />
          </Stack>
        ) : null}
      </Box>
    </Box>
  );
};

const Timeline = ({ writable }: { writable: boolean }) => {
  const { data, isPending } = useListContext<Milestone>();
  const translate = useTranslate();
  const evidence = useEvidenceCounts(data);
  if (isPending) return null;
  if (!data?.length) {
    return (
      <Typography sx={{ my: 2 }}>
        {translate(writable ? 'app.milestones.none_add' : 'app.milestones.none')}
      </Typography>
    );
  }
  return (
    <Box
      component="ol"
      sx={{ p: 0, m: 0 }}
      aria-label={translate('resources.milestones.name', { smart_count: 2 })}
    >
      {data.map((m, i) => (
        <TimelineItem
          key={m.id}
          milestone={m}
          last={i === data.length - 1}
          writable={writable}
          evidence={evidence.get(m.id) ?? 0}
        />
      ))}
    </Box>
  );
};

/** The pact's milestones in due-date order, as a timeline, with what the caller may do on each. */
export const MilestoneTimeline = () => {
  const pact = useRecordContext<Pact>();
  const translate = useTranslate();
  const { permissions: role } = usePermissions<Role | undefined>();
  if (!pact) return null;
  const writable = canWriteMilestones(role, pact.status);
  // The server's `overdue` already follows the pact's clock; say why nothing is late.
  const paused = !isPactClockRunning(pact.status) && !isPactClosed(pact.status);
  return (
    <PactRecords
      reference="milestones"
      sort={{ field: 'dueDate', order: 'ASC' }}
      perPage={200}
      notice={
        paused ? (
          <Alert severity="info" sx={{ mb: 2 }} data-clock="paused">
            {translate('app.milestones.clock_paused')}
          </Alert>
        ) : null
      }
      action={writable ? <AddMilestoneButton pact={pact} /> : null}
    >
      <Timeline writable={writable} />
    </PactRecords>
  );
};
