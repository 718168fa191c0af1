import { PROJECT_TIME_ZONE, type Note } from '@generattivi/shared';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import { NoteCreate } from './NoteCreate';
import { NoteList } from './NoteList';
import { NoteShow } from './NoteShow';

/** Diary notes are append-only: a correction is a new note, so there is no edit screen. */
export default {
  list: NoteList,
  show: NoteShow,
  create: NoteCreate,
  icon: MenuBookIcon,
  recordRepresentation: (note: Note) =>
    new Date(note.occurredAt).toLocaleDateString('it-IT', { timeZone: PROJECT_TIME_ZONE }),
};
