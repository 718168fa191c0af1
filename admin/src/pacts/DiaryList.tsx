import type { Note, Pact, Role } from '@generattivi/shared';
import { Divider, Stack, Typography } from '@mui/material';
import {
  Pagination,
  RecordContextProvider,
  ReferenceField,
  useListContext,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { AddNoteButton } from '../notes/AddNoteButton';
import { NoteItem } from '../notes/NoteItem';
import { PendingNotes } from '../offline/PactOutbox';
import { PactRecords } from './PactRecords';
import { canAddNote } from './pactPermissions';

/**
 * The notes of the list in context, newest first: when, kind, author, text; above them the
 * pact's notes still waiting on the device to be sent.
 */
export const Notes = () => {
  const pact = useRecordContext<Pact>();
  return (
    <>
      <PendingNotes pactId={pact?.id} />
      <SentNotes />
    </>
  );
};

const SentNotes = () => {
  const { data, isPending } = useListContext<Note>();
  const translate = useTranslate();
  if (isPending) return null;
  if (!data?.length) return <Typography sx={{ my: 2 }}>{translate('app.notes.none')}</Typography>;
  return (
    <Stack
      component="ol"
      sx={{ p: 0, m: 0, listStyle: 'none' }}
      divider={<Divider component="li" aria-hidden />}
    >
      {data.map((note) => (
        <RecordContextProvider key={note.id} value={note}>
          <NoteItem occurredAt={note.occurredAt} kind={note.kind} body={note.body}>
            <Typography variant="body2" color="text.secondary" component="span">
              <ReferenceField source="authorId" reference="users" link={false} />
            </Typography>
          </NoteItem>
        </RecordContextProvider>
      ))}
    </Stack>
  );
};

/** The pact's diary, newest first; notes are added, never edited. */
export const DiaryList = () => {
  const pact = useRecordContext<Pact>();
  const { permissions: role } = usePermissions<Role | undefined>();
  if (!pact) return null;
  return (
    <PactRecords
      reference="notes"
      sort={{ field: 'occurredAt', order: 'DESC' }}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
      action={
        canAddNote(role) ? <AddNoteButton pact={pact} size="medium" variant="contained" /> : null
      }
    >
      <Notes />
    </PactRecords>
  );
};
