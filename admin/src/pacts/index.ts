import type { Pact } from '@generattivi/shared';
import HandshakeIcon from '@mui/icons-material/Handshake';
import { PactCreate } from './PactCreate';
import { PactEdit } from './PactEdit';
import { PactList } from './PactList';
import { PactShow } from './PactShow';

export default {
  list: PactList,
  show: PactShow,
  edit: PactEdit,
  create: PactCreate,
  icon: HandshakeIcon,
  recordRepresentation: (pact: Pact) => pact.reference,
};
