import type { Milestone, Pact } from '@generattivi/shared';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import { Alert, AlertTitle, Button, Stack, Typography } from '@mui/material';
import { useGetOne, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { formatDate } from '../common/format';
import { localizeCode } from '../common/serverMessages';
import { AchieveMilestoneButton } from '../milestones/AchieveMilestoneButton';
import { NoteItem } from '../notes/NoteItem';
import { offlineStore, useOfflineView } from './client';
import { PendingChip } from './pending';
import type { OutboxEntry } from './store';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The notes of a pact waiting on the device, above its diary, each marked "In attesa di invio". */
export const PendingNotes = ({ pactId }: { pactId: number | undefined }) => {
  const { entries } = useOfflineView();
  const notes = entries.filter(
    (e) => e.kind === 'note' && e.pactId === pactId && e.state === 'pending',
  );
  if (!notes.length) return null;
  return (
    <Stack component="ol" sx={{ p: 0, m: 0, listStyle: 'none' }} data-pending-notes>
      {notes.map((note) => (
        <NoteItem
          key={note.idempotencyKey}
          occurredAt={text(note.body.occurredAt) || note.createdAt}
          kind={text(note.body.kind)}
          body={text(note.body.body)}
          data-pending-note
        >
          <PendingChip />
        </NoteItem>
      ))}
    </Stack>
  );
};

/** "Segna di nuovo" on the milestone as it is now (its current version), with what the maker typed. */
const AchieveAgain = ({ entry }: { entry: OutboxEntry }) => {
  const translate = useTranslate();
  const { data: current } = useGetOne<Milestone>(
    'milestones',
    { id: entry.milestoneId ?? 0 },
    { enabled: entry.milestoneId !== undefined },
  );
  if (!current) return null;
  if (current.status !== 'PENDING') {
    return (
      <Typography variant="body2">
        {translate('app.offline.milestone_now', {
          status: translate(`enums.milestoneStatus.${current.status}`),
        })}
      </Typography>
    );
  }
  return (
    <AchieveMilestoneButton
      milestone={current}
      size="medium"
      variant="contained"
      label="app.offline.achieve_again"
      namedLabel="app.offline.achieve_again_named"
      initial={{ achievedAt: text(entry.body.achievedAt), evidence: text(entry.body.evidence) }}
      onSent={() => void offlineStore.remove(entry.idempotencyKey)}
    />
  );
};

const ConflictCard = ({ entry }: { entry: OutboxEntry }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const reason = localizeCode(
    { code: entry.code, params: entry.params },
    translate,
    translate('app.offline.refused_unknown'),
  );
  const discard = async () => {
    await offlineStore.remove(entry.idempotencyKey);
    notify('app.offline.discarded', { type: 'info' });
  };
  const discardButton = (
    <Button
      variant="outlined"
      color="inherit"
      startIcon={<DeleteOutlineIcon />}
      onClick={() => void discard()}
      aria-label={translate('app.offline.discard_named', {
        what: translate(`app.offline.kind_${entry.kind}`),
      })}
    >
      {translate('app.offline.discard')}
    </Button>
  );
  if (entry.kind === 'achievement') {
    const title = text(entry.body.title);
    return (
      <Alert
        severity="warning"
        data-conflict={entry.kind}
        sx={{ '& .MuiAlert-message': { minWidth: 0, flexGrow: 1 } }}
      >
        <AlertTitle>
          {entry.code === 'VERSION_CONFLICT'
            ? translate('app.offline.milestone_changed', { title })
            : translate('app.offline.milestone_refused', { title, reason })}
        </AlertTitle>
        <Typography variant="body2">
          {translate('app.offline.you_wrote_achieved', {
            date: formatDate(text(entry.body.achievedAt)),
          })}
          {text(entry.body.evidence) ? ` — ${text(entry.body.evidence)}` : ''}
        </Typography>
        <Stack
          direction="row"
          spacing={1}
          useFlexGap
          sx={{ mt: 1, flexWrap: 'wrap', alignItems: 'center' }}
        >
          <AchieveAgain entry={entry} />
          {discardButton}
        </Stack>
      </Alert>
    );
  }
  const body = text(entry.body.body);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(body);
      notify('app.offline.copied', { type: 'info' });
    } catch {
      notify('app.offline.copy_failed', { type: 'warning' });
    }
  };
  return (
    <Alert
      severity="warning"
      data-conflict={entry.kind}
      sx={{ '& .MuiAlert-message': { minWidth: 0, flexGrow: 1 } }}
    >
      <AlertTitle>{translate('app.offline.note_refused', { reason })}</AlertTitle>
      <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{body}</Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap' }}>
        <Button variant="contained" startIcon={<ContentCopyIcon />} onClick={() => void copy()}>
          {translate('app.offline.copy')}
        </Button>
        {discardButton}
      </Stack>
    </Alert>
  );
};

/**
 * What the server refused of the maker's writes made offline, on the pact's page: what
 * happened and what to do (mark again on the milestone as it is now; copy the note's text),
 * and "Scarta". Nothing leaves the device until the maker decides.
 */
export const OutboxConflicts = () => {
  const pact = useRecordContext<Pact>();
  const { entries } = useOfflineView();
  const translate = useTranslate();
  const conflicts = entries.filter((e) => e.state === 'conflict' && e.pactId === pact?.id);
  if (!conflicts.length) return null;
  return (
    <Stack
      component="section"
      spacing={1}
      aria-label={translate('app.offline.conflicts')}
      data-conflicts
    >
      {conflicts.map((entry) => (
        <ConflictCard key={entry.idempotencyKey} entry={entry} />
      ))}
    </Stack>
  );
};
