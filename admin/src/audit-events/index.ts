import type { AuditEvent } from '@generattivi/shared';
import HistoryIcon from '@mui/icons-material/History';
import { lazyPage } from '../common/lazyPage';

const AuditEventList = lazyPage(() => import('./AuditEventList'), 'AuditEventList');

/** Append-only and written by the server: a list, nothing to edit. */
export default {
  list: AuditEventList,
  icon: HistoryIcon,
  recordRepresentation: (event: AuditEvent) => `#${event.id}`,
};
