import type { Pact } from '@generattivi/shared';
import HandshakeIcon from '@mui/icons-material/Handshake';
import { lazyPage } from '../common/lazyPage';

const PactList = lazyPage(() => import('./PactList'), 'PactList');
const PactShow = lazyPage(() => import('./PactShow'), 'PactShow');
const PactEdit = lazyPage(() => import('./PactEdit'), 'PactEdit');
const PactCreate = lazyPage(() => import('./PactCreate'), 'PactCreate');

export default {
  list: PactList,
  show: PactShow,
  edit: PactEdit,
  create: PactCreate,
  icon: HandshakeIcon,
  recordRepresentation: (pact: Pact) => pact.reference,
};
