import type { MailOutboxRecord } from '@generattivi/shared';
import OutboxIcon from '@mui/icons-material/Outbox';
import { lazyPage } from '../common/lazyPage';

const MailOutboxList = lazyPage(() => import('./MailOutboxList'), 'MailOutboxList');
const MailOutboxShow = lazyPage(() => import('./MailOutboxShow'), 'MailOutboxShow');

/** «Posta in uscita»: the mails the server sends, for the administrator; nothing to edit. */
export default {
  list: MailOutboxList,
  show: MailOutboxShow,
  icon: OutboxIcon,
  recordRepresentation: (message: MailOutboxRecord) => message.subject,
};
