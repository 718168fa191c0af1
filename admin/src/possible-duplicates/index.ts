import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { lazyPage } from '../common/lazyPage';

const PossibleDuplicateList = lazyPage(
  () => import('./PossibleDuplicateList'),
  'PossibleDuplicateList',
);

/** Written by the server when a fiscal code is entered out of scope: a list ADMIN resolves. */
export default {
  list: PossibleDuplicateList,
  icon: ContentCopyIcon,
};
