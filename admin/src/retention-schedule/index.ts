import EventBusyIcon from '@mui/icons-material/EventBusy';
import { lazyPage } from '../common/lazyPage';

const RetentionScheduleList = lazyPage(
  () => import('./RetentionScheduleList'),
  'RetentionScheduleList',
);

/** Computed by the server from the people on file: a list, nothing to edit. */
export default {
  list: RetentionScheduleList,
  icon: EventBusyIcon,
};
