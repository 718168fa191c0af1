import { PROJECT_TIME_ZONE, type Note } from '@generattivi/shared';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import { lazyPage } from '../common/lazyPage';

const NoteList = lazyPage(() => import('./NoteList'), 'NoteList');
const NoteCreate = lazyPage(() => import('./NoteCreate'), 'NoteCreate');
const NoteShow = lazyPage(() => import('./NoteShow'), 'NoteShow');

/** Diary notes are append-only: a correction is a new note, so there is no edit screen. */
export default {
  list: NoteList,
  show: NoteShow,
  create: NoteCreate,
  icon: MenuBookIcon,
  recordRepresentation: (note: Note) =>
    new Date(note.occurredAt).toLocaleDateString('it-IT', { timeZone: PROJECT_TIME_ZONE }),
};
